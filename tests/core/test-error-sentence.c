/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-error-sentence"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bjb-code-label.h"
#include "bjb-db-error-private.h"
#include "bjb-error-sentence.h"
#include "bjb-role.h"

/* Run twice by meson: BJB_TEST_LANG=en and =id (with the catalogue built in this tree). The
 * expected sentences are written out in both languages: comparing with _() of the same msgid
 * would pass with no translation at all. */
static gboolean indonesian;

#define EXPECT(en, id) (indonesian ? (id) : (en))

static void
assert_sentence (const GError *error,
                 const char   *expected)
{
  g_autofree char *sentence = bjb_error_sentence (error);

  g_assert_cmpstr (sentence, ==, expected);
}

static void
test_language (void)
{
  g_assert_cmpint (bjb_ui_speaks_server_language (), ==, indonesian);
}

static void
test_rule_known_code (void)
{
  g_autoptr(GError) error =
    bjb_db_error_new_full (BJB_DB_ERROR_BUSINESS, "BJ001",
                           "Stok Paving Segi Enam tidak cukup: diminta 500, tersedia 20.",
                           NULL, NULL);

  /* English: the code's sentence, never the Indonesian text glued to it. Indonesian: the
   * server's own, more precise sentence. */
  assert_sentence (error, EXPECT ("Not enough stock for this order.",
                                  "Stok Paving Segi Enam tidak cukup: diminta 500, tersedia 20."));
}

static void
test_rule_unknown_code (void)
{
  g_autoptr(GError) error =
    bjb_db_error_new_full (BJB_DB_ERROR_BUSINESS, "BJ099", "Aturan baru dilanggar.", NULL, NULL);

  /* A code newer than this program: the server's words are the fallback. */
  assert_sentence (error, "Aturan baru dilanggar.");
}

static void
test_login_sentences (void)
{
  g_autoptr(BjbServerProfile) profile =
    bjb_server_profile_new ("Kantor", "db.barokah.lan", 5433, "barokah", "prefer", NULL);
  g_autoptr(GError) unreachable =
    bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
                           "connection to server at \"db.barokah.lan\" failed: Connection refused",
                           NULL, NULL);
  g_autoptr(GError) password =
    bjb_db_error_new_full (BJB_DB_ERROR_AUTH_FAILED, "28P01",
                           "password authentication failed for user \"sari\"", NULL, NULL);
  g_autoptr(GError) deactivated =
    bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF, "28000",
                           "role \"sari\" is not permitted to log in", NULL, NULL);
  g_autoptr(GError) too_old = bjb_db_error_new_schema (3, 4);
  g_autofree char *with_server = bjb_error_sentence_for_server (unreachable, profile);
  g_autofree char *too_old_sentence = bjb_error_sentence (too_old);

  g_assert_cmpstr (with_server, ==,
                   EXPECT ("The server db.barokah.lan, port 5433, cannot be reached. Check the "
                           "network and the server address, and that the database server is "
                           "running.",
                           "Server db.barokah.lan, port 5433, tidak dapat dihubungi. Periksa "
                           "jaringan dan alamat server, serta pastikan server basis data sedang "
                           "berjalan."));
  assert_sentence (unreachable,
                   EXPECT ("The server cannot be reached. Check the network and the server address.",
                           "Server tidak dapat dihubungi. Periksa jaringan dan alamat server."));
  assert_sentence (password,
                   EXPECT ("The login or password is wrong. Check both and try again.",
                           "Login atau kata sandi salah. Periksa keduanya lalu coba lagi."));
  assert_sentence (deactivated,
                   EXPECT ("This staff account has been deactivated. Ask an administrator to "
                           "activate it again.",
                           "Akun staf ini telah dinonaktifkan. Minta administrator untuk "
                           "mengaktifkannya kembali."));
  g_assert_nonnull (strstr (too_old_sentence, "barokah-admin migrate"));
  g_assert_nonnull (strstr (too_old_sentence, "3"));
  g_assert_nonnull (strstr (too_old_sentence, "4"));
}

static void
test_lock_timeout (void)
{
  g_autoptr(GError) error =
    bjb_db_error_new_full (BJB_DB_ERROR_QUERY, "55P03",
                           "canceling statement due to lock timeout", NULL, NULL);

  assert_sentence (error, EXPECT ("Another desk is changing the same data. Try again in a moment.",
                                  "Meja lain sedang mengubah data yang sama. Coba lagi sebentar lagi."));
}

static void
test_file_errors (void)
{
  g_autoptr(GError) missing =
    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "Error opening file /home/sari/bukti.jpg: No such file or directory");
  g_autoptr(GError) missing_glib =
    g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT,
                         "Failed to open file “/home/sari/bukti.jpg”: No such file or directory");
  g_autoptr(GError) full =
    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  g_autoptr(GError) picture =
    g_error_new_literal (GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE,
                         "Couldn’t recognize the image file format for file “nota.pdf”");
  const char *no_file = EXPECT ("There is no such file. Check the name and the folder.",
                                "Berkas itu tidak ada. Periksa nama dan foldernya.");

  assert_sentence (missing, no_file);
  assert_sentence (missing_glib, no_file);
  assert_sentence (full, EXPECT ("The disk is full. Free some space or choose another place.",
                                 "Disk penuh. Kosongkan sebagian ruang atau pilih tempat lain."));
  assert_sentence (picture,
                   EXPECT ("That file is not a picture this program can read. Choose a JPEG or "
                           "PNG photo.",
                           "Berkas itu bukan gambar yang dapat dibaca program ini. Pilih foto "
                           "JPEG atau PNG."));
}

static void
test_anything_else (void)
{
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Operation was cancelled");
  g_autoptr(GError) strange = g_error_new_literal (G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE,
                                                   "Error on line 3 char 7: <b> not closed");
  const char *wrong = EXPECT ("Something went wrong.", "Terjadi kesalahan.");

  assert_sentence (cancelled, EXPECT ("Cancelled.", "Dibatalkan."));
  /* A library's own text never reaches the clerk. */
  assert_sentence (strange, wrong);
  assert_sentence (NULL, wrong);
}

/* The words of the codes the server uses, one lookup for every table (bjb_code_label): the
 * catalogue's words, else the fallback, for a code not in the table and for none. */
static void
test_code_labels (void)
{
  static const BjbCodeLabel roles[] = {
    { "cs", "Customer Service" },
    { "worker", "Background Worker" },
  };

  g_assert_cmpstr (bjb_code_label (roles, G_N_ELEMENTS (roles), "cs", NULL), ==,
                   EXPECT ("Customer Service", "Layanan Pelanggan"));
  g_assert_cmpstr (bjb_code_label (roles, G_N_ELEMENTS (roles), "worker", NULL), ==,
                   EXPECT ("Background Worker", "Pekerja Latar"));
  g_assert_cmpstr (bjb_code_label (roles, G_N_ELEMENTS (roles), "admin", "admin"), ==, "admin");
  g_assert_null (bjb_code_label (roles, G_N_ELEMENTS (roles), NULL, NULL));
  g_assert_cmpstr (bjb_role_get_label ("courier"), ==, EXPECT ("Courier", "Kurir"));
  g_assert_cmpstr (bjb_role_get_label (NULL), ==, EXPECT ("Unknown role", "Peran tidak dikenal"));
}

int
main (int   argc,
      char *argv[])
{
  indonesian = g_strcmp0 (g_getenv ("BJB_TEST_LANG"), "id") == 0;
  if (indonesian)
    {
      /* Without the locale gettext stays English and the Indonesian half would prove
       * nothing (Debian: locales, id_ID.UTF-8 in /etc/locale.gen). */
      if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
        g_error ("locale id_ID.UTF-8 is not available here");
      g_setenv ("LANGUAGE", "id", TRUE);
    }
  else
    {
      setlocale (LC_ALL, "");
      g_setenv ("LANGUAGE", "en", TRUE);
    }
  bindtextdomain (GETTEXT_PACKAGE, BUILD_DIR "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error-sentence/language", test_language);
  g_test_add_func ("/error-sentence/rule/known-code", test_rule_known_code);
  g_test_add_func ("/error-sentence/rule/unknown-code", test_rule_unknown_code);
  g_test_add_func ("/error-sentence/login", test_login_sentences);
  g_test_add_func ("/error-sentence/lock-timeout", test_lock_timeout);
  g_test_add_func ("/error-sentence/files", test_file_errors);
  g_test_add_func ("/error-sentence/anything-else", test_anything_else);
  g_test_add_func ("/error-sentence/code-labels", test_code_labels);

  return g_test_run ();
}
