/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sys/resource.h>

/* This process's user + system time in ms, every thread's (the GL renderer's too): on 2
 * cores shared by many, wall time mostly measures the queue for a core; this is the
 * client's own work. Shared by the admin pages' benches (records-pages, catalog-pages). */
static inline double
bench_cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}
