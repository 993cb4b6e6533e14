/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-customers-page.h"
#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

/* The shared state of the customer tests (test-customers-ui.c sets it up): one database,
 * one clerk's connection, one page in one window, the seeded rows' ids. */
typedef struct
{
  char *dbname;
  BjbConnection *connection;
  GtkWindow *window;
  BjbCustomersPage *page;
  BjbPagedQueryModel *model;
  char *sri;
  char *bambang;
  char *wati;
  char *dedi;
  char *paving;
  char *batako;
  char *pending_order;
  gint64 budi;
  gboolean ready;
} CustomersFixture;

extern CustomersFixture fx;

/* The clerk's own connection (t_cs), opened. (transfer full) */
BjbConnection *connect_cs          (const char *dbname);
/* The page's list has its first page and its count. */
gboolean model_settled             (gpointer    data);
void     wait_model                (void);
/* Superuser SQL in the test database; the first value (transfer full). */
char    *su                        (const char *sql);
/* TRUE (and the test marked skipped) without a database or a display. */
gboolean skip_unless_ready         (void);

/* test-customers-model.c: the paged model on its own and the customer picker. */
void     customers_add_model_tests (void);
/* The keystroke-to-rows measurement (BJB_BENCH_DB): last, it takes the page's place. */
void     customers_add_bench_test  (void);

G_END_DECLS
