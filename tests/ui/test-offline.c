/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "bjb-ui-test.h"
int
main (int   argc,
      char *argv[])
{
  if (!bjb_ui_test_init (&argc, &argv, "offline"))
    return 0;
  bjb_ui_test_finish ();
  return 0;
}
