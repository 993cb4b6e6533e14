/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "bjb-application.h"
#include "bjb-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BjbApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, bjb_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  bjb_locale_follow_ui ();
  /* GTK would set the locale from the environment again, undoing the line above. */
  gtk_disable_setlocale ();

  app = bjb_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
