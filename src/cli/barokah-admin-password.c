/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "barokah-admin-private.h"

/* Passwords */

char *
bjb_admin_read_password_file (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (g_str_equal (path, "-"))
    {
      char buf[1024];

      if (fgets (buf, sizeof buf, stdin) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("no password on standard input"));
          return NULL;
        }
      contents = g_strdup (buf);
      explicit_bzero (buf, sizeof buf);
    }
  else if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  /* The first line is the password; an editor's trailing newline is not part of it. */
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&contents);
}

static char *
prompt_password (FILE       *tty,
                 const char *prompt)
{
  struct termios saved;
  struct termios silent;
  char buf[1024];
  char *line;
  char *newline;

  fputs (prompt, tty);
  fflush (tty);

  tcgetattr (fileno (tty), &saved);
  silent = saved;
  silent.c_lflag &= ~(tcflag_t) ECHO;
  silent.c_lflag |= ECHONL;
  tcsetattr (fileno (tty), TCSAFLUSH, &silent);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);

  if (line == NULL)
    return NULL;
  newline = strpbrk (buf, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  line = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return line;
}

char *
bjb_admin_read_password_terminal (const char  *login,
                                  GError     **error)
{
  g_autofree char *prompt = NULL;
  char *first;
  char *second;
  FILE *tty;
  gboolean same;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("no terminal to read the password from; use --password-file FILE"));
      return NULL;
    }

  prompt = g_strdup_printf (_("New password for %s: "), login);
  first = prompt_password (tty, prompt);
  second = first != NULL ? prompt_password (tty, _("Type it again: ")) : NULL;
  fclose (tty);

  same = first != NULL && second != NULL && g_str_equal (first, second);
  if (second != NULL)
    {
      explicit_bzero (second, strlen (second));
      g_free (second);
    }
  if (!same)
    {
      if (first != NULL)
        explicit_bzero (first, strlen (first));
      g_free (first);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the two passwords differ; nothing was changed"));
      return NULL;
    }
  return first;
}

/**
 * bjb_admin_read_new_password:
 * @login: whose password, for the prompt
 * @path: (nullable): the --password-file argument; NULL asks twice on the terminal
 *
 * Says itself what is wrong (unreadable, too short).
 *
 * Returns: (transfer full) (nullable): the password; free it with bjb_admin_free_password()
 */
char *
bjb_admin_read_new_password (const char *login,
                             const char *path)
{
  g_autoptr(GError) error = NULL;
  char *password = path != NULL ? bjb_admin_read_password_file (path, &error)
                                : bjb_admin_read_password_terminal (login, &error);

  if (password == NULL)
    {
      bjb_admin_error (_("cannot read the password: %s"), error->message);
      return NULL;
    }
  if (g_utf8_strlen (password, -1) < BJB_ADMIN_MIN_PASSWORD_LENGTH)
    {
      bjb_admin_free_password (password);
      bjb_admin_error (_("the password is too short: use at least %d characters"),
                       BJB_ADMIN_MIN_PASSWORD_LENGTH);
      return NULL;
    }
  return password;
}

void
bjb_admin_free_password (char *password)
{
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  g_free (password);
}

/* The server only ever sees the SCRAM verifier, never the password: statement logs and
 * pg_stat_activity stay clean. */
char *
bjb_admin_scram_verifier (PGconn     *conn,
                          const char *password,
                          const char *login)
{
  char *encrypted = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  char *copy;

  if (encrypted == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      bjb_admin_error (_("cannot encrypt the password: %s"), message);
      return NULL;
    }
  copy = g_strdup (encrypted);
  PQfreemem (encrypted);
  return copy;
}

gboolean
bjb_admin_is_valid_role (const char *role)
{
  return role != NULL && (g_str_equal (role, "admin") || g_str_equal (role, "cs")
                          || g_str_equal (role, "courier") || g_str_equal (role, "worker"));
}
