/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "barokah-admin-private.h"
int
bjb_admin_setup_server (int argc, char **argv)
{
  return 1;
}
