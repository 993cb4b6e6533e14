/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bjb-error-sentence.h"
#include "bjb-locale.h"

/* TRUE when this process is a program built in BUILD_DIR, run from there. */
static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build = NULL;
  g_autofree char *exe_dir = NULL;

  if (exe == NULL)
    return FALSE;
  exe_dir = g_path_get_dirname (exe);
  build = g_canonicalize_filename (BUILD_DIR, "/");
  return g_str_has_prefix (exe_dir, build) &&
         (exe_dir[strlen (build)] == '/' || exe_dir[strlen (build)] == '\0');
}

const char *
bjb_locale_dir (void)
{
  static const char *dir;

  /* An installed program never looks into a build tree that happens to still exist: only
   * a program inside it does. */
  if (dir == NULL)
    dir = running_from_build_tree () ? BUILD_DIR "/po" : LOCALEDIR;
  return dir;
}

void
bjb_locale_follow_ui (void)
{
  const char *time_locale = setlocale (LC_TIME, NULL);
  gboolean time_indonesian = time_locale != NULL && g_str_has_prefix (time_locale, "id");

  if (bjb_ui_speaks_server_language () && !time_indonesian)
    {
      if (setlocale (LC_TIME, "id_ID.UTF-8") == NULL)
        g_debug ("no id_ID.UTF-8 locale: dates stay as the system writes them");
    }
  else if (!bjb_ui_speaks_server_language () && time_indonesian)
    {
      /* The catalogue is missing or the UI was asked to speak English. */
      setlocale (LC_TIME, "C.UTF-8");
    }
}
