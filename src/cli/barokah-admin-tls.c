/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "barokah-admin-private.h"
#include "barokah-admin-setup-server.h"

/* The server's TLS files for setup-server, made with the openssl command: a certificate
 * authority of the shop's own (its certificate is what the desktops trust) and a server
 * certificate for the server's LAN address and name. A shop has no public name for its
 * database, so a public CA could not vouch for it anyway. */

#define CA_DAYS     "3650"
#define SERVER_DAYS "825"
/* A certificate that ends within 30 days is replaced now, not on the day it stops working. */
#define RENEW_SECONDS "2592000"

/* A format: %s is the subjectAltName. */
static const char OPENSSL_CONFIG[] =
  "[req]\n"
  "distinguished_name = dn\n"
  "prompt = no\n"
  "[dn]\n"
  "CN = barokah\n"
  "[ca]\n"
  "basicConstraints = critical, CA:TRUE, pathlen:0\n"
  "keyUsage = critical, keyCertSign, cRLSign\n"
  "subjectKeyIdentifier = hash\n"
  "[server]\n"
  "basicConstraints = critical, CA:FALSE\n"
  "keyUsage = critical, digitalSignature, keyEncipherment\n"
  "extendedKeyUsage = serverAuth\n"
  "subjectKeyIdentifier = hash\n"
  "authorityKeyIdentifier = keyid\n"
  "subjectAltName = %s\n";

static gboolean
openssl (const char *const  *args,
         char              **out,
         GError            **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "openssl");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return bjb_admin_spawn ((const char *const *) argv->pdata, NULL, out, error);
}

#define OPENSSL(error, ...) openssl ((const char *const[]) { __VA_ARGS__, NULL }, NULL, error)

/* Does @cert chain to @ca, name @address (and @hostname), and stay valid a while? */
static gboolean
server_cert_fits (const BjbServerSetup *setup,
                  const char           *ca,
                  const char           *cert)
{
  g_autofree char *ip = NULL;
  g_autofree char *host = NULL;

  if (!g_file_test (cert, G_FILE_TEST_EXISTS) || !g_file_test (ca, G_FILE_TEST_EXISTS))
    return FALSE;
  if (!OPENSSL (NULL, "verify", "-CAfile", ca, cert)
      || !OPENSSL (NULL, "x509", "-in", cert, "-noout", "-checkend", RENEW_SECONDS))
    return FALSE;
  if (!openssl ((const char *const[]) { "x509", "-in", cert, "-noout", "-checkip",
                                        setup->listen, NULL }, &ip, NULL)
      || strstr (ip, "does match") == NULL)
    return FALSE;
  if (setup->hostname != NULL
      && (!openssl ((const char *const[]) { "x509", "-in", cert, "-noout", "-checkhost",
                                            setup->hostname, NULL }, &host, NULL)
          || strstr (host, "does match") == NULL))
    return FALSE;
  return TRUE;
}

static gboolean
key_matches_cert (const char *key,
                  const char *cert)
{
  g_autofree char *from_key = NULL;
  g_autofree char *from_cert = NULL;

  return openssl ((const char *const[]) { "pkey", "-in", key, "-pubout", NULL }, &from_key, NULL)
         && openssl ((const char *const[]) { "x509", "-in", cert, "-noout", "-pubkey", NULL },
                     &from_cert, NULL)
         && g_str_equal (from_key, from_cert);
}

/* Puts @from at @to with @mode, owned by the cluster's owner; TRUE when it changed. */
static gboolean
install_file (const BjbServerSetup *setup,
              const char           *from,
              const char           *to,
              int                   mode,
              gboolean             *changed,
              GError              **error)
{
  g_autofree char *new_contents = NULL;
  g_autofree char *old_contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (from, &new_contents, &length, error))
    return FALSE;
  if (g_file_get_contents (to, &old_contents, NULL, NULL)
      && g_str_equal (old_contents, new_contents))
    return TRUE;
  if (!g_file_set_contents_full (to, new_contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, mode, error))
    return FALSE;
  /* PostgreSQL refuses a key that is not its own or that others can read. */
  if (chown (to, setup->owner_uid, setup->owner_gid) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot give %s to the database owner: %s"), to, g_strerror (saved));
      return FALSE;
    }
  *changed = TRUE;
  return TRUE;
}

static gboolean
make_ca (const BjbServerSetup *setup,
         const char           *work,
         const char           *config,
         GError              **error)
{
  g_autofree char *key = g_build_filename (work, "ca.key", NULL);
  g_autofree char *cert = g_build_filename (work, "ca.crt", NULL);
  g_autofree char *subject = g_strdup_printf ("/O=Barokah Back Office/CN=Barokah Back Office "
                                              "CA %s", setup->hostname != NULL
                                                       ? setup->hostname : setup->listen);

  return OPENSSL (error, "req", "-x509", "-new", "-config", config, "-extensions", "ca",
                  "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-noenc",
                  "-keyout", key, "-out", cert, "-days", CA_DAYS, "-subj", subject);
}

static gboolean
make_server_cert (const BjbServerSetup *setup,
                  const char           *work,
                  const char           *config,
                  const char           *ca_cert,
                  const char           *ca_key,
                  GError              **error)
{
  g_autofree char *key = g_build_filename (work, "server.key", NULL);
  g_autofree char *csr = g_build_filename (work, "server.csr", NULL);
  g_autofree char *cert = g_build_filename (work, "server.crt", NULL);
  g_autofree char *subject = g_strdup_printf ("/CN=%s", setup->hostname != NULL
                                                        ? setup->hostname : setup->listen);
  g_autofree char *serial = g_strdup_printf ("0x%08x%08x", g_random_int (), g_random_int ());

  return OPENSSL (error, "req", "-new", "-config", config, "-newkey", "ec", "-pkeyopt",
                  "ec_paramgen_curve:prime256v1", "-noenc", "-keyout", key, "-out", csr,
                  "-subj", subject)
         && OPENSSL (error, "x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key,
                     "-set_serial", serial, "-days", SERVER_DAYS, "-extfile", config,
                     "-extensions", "server", "-out", cert);
}

/* Given files: they must belong together before the server is pointed at them. */
static gboolean
check_given (const BjbServerSetup *setup,
             GError              **error)
{
  if (!OPENSSL (error, "verify", "-CAfile", setup->given_ca, setup->given_cert))
    {
      g_prefix_error (error, _("%s is not signed by %s: "), setup->given_cert, setup->given_ca);
      return FALSE;
    }
  if (!key_matches_cert (setup->given_key, setup->given_cert))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the key %s does not belong to the certificate %s"), setup->given_key,
                   setup->given_cert);
      return FALSE;
    }
  return TRUE;
}

/**
 * bjb_server_setup_tls:
 * @setup: the run's settings; fills in @setup->tls_dir's files
 * @changed: (out): set when a file was written
 *
 * Makes sure TLS_DIR holds ca.crt, server.crt and server.key (and ca.key when the CA is
 * ours) that fit the server's address; keeps what already fits.
 */
gboolean
bjb_server_setup_tls (BjbServerSetup  *setup,
                      gboolean        *changed,
                      GError         **error)
{
  g_autofree char *work = g_dir_make_tmp ("barokah-tls-XXXXXX", error);
  g_autofree char *config = NULL;
  g_autofree char *ca_cert = g_build_filename (setup->tls_dir, "ca.crt", NULL);
  g_autofree char *ca_key = g_build_filename (setup->tls_dir, "ca.key", NULL);
  g_autofree char *cert = g_build_filename (setup->tls_dir, "server.crt", NULL);
  g_autofree char *key = g_build_filename (setup->tls_dir, "server.key", NULL);
  g_autofree char *new_ca_cert = NULL;
  g_autofree char *new_ca_key = NULL;
  g_autofree char *san = NULL;
  g_autofree char *openssl_config = NULL;
  gboolean ok = FALSE;

  if (work == NULL)
    return FALSE;
  config = g_build_filename (work, "openssl.cnf", NULL);
  new_ca_cert = g_build_filename (work, "ca.crt", NULL);
  new_ca_key = g_build_filename (work, "ca.key", NULL);

  if (g_mkdir_with_parents (setup->tls_dir, 0755) != 0
      || chown (setup->tls_dir, setup->owner_uid, setup->owner_gid) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot create %s: %s"),
                   setup->tls_dir, g_strerror (saved));
      goto out;
    }

  if (setup->given_cert != NULL)
    {
      ok = check_given (setup, error)
           && install_file (setup, setup->given_ca, ca_cert, 0644, changed, error)
           && install_file (setup, setup->given_cert, cert, 0644, changed, error)
           && install_file (setup, setup->given_key, key, 0600, changed, error);
      if (ok)
        bjb_server_setup_report (*changed, _("TLS certificate %s (given)"), cert);
      goto out;
    }

  /* The names the desktops may use for the server: its LAN address and perhaps a name. */
  san = g_strdup_printf ("IP:%s%s%s", setup->listen, setup->hostname != NULL ? ", DNS:" : "",
                         setup->hostname != NULL ? setup->hostname : "");
  openssl_config = g_strdup_printf (OPENSSL_CONFIG, san);
  if (!g_file_set_contents (config, openssl_config, -1, error))
    goto out;

  if (g_file_test (ca_cert, G_FILE_TEST_EXISTS) && g_file_test (ca_key, G_FILE_TEST_EXISTS)
      && key_matches_cert (ca_key, ca_cert))
    bjb_server_setup_report (FALSE, _("certificate authority %s"), ca_cert);
  else
    {
      gboolean ca_changed = FALSE;

      if (!make_ca (setup, work, config, error)
          || !install_file (setup, new_ca_key, ca_key, 0600, &ca_changed, error)
          || !install_file (setup, new_ca_cert, ca_cert, 0644, &ca_changed, error))
        goto out;
      *changed = TRUE;
      bjb_server_setup_report (TRUE, _("certificate authority %s (new: hand it to every "
                                       "desktop again)"), ca_cert);
    }

  if (server_cert_fits (setup, ca_cert, cert) && g_file_test (key, G_FILE_TEST_EXISTS)
      && key_matches_cert (key, cert))
    bjb_server_setup_report (FALSE, _("server certificate %s for %s"), cert,
                             setup->hostname != NULL ? setup->hostname : setup->listen);
  else
    {
      g_autofree char *new_cert = g_build_filename (work, "server.crt", NULL);
      g_autofree char *new_key = g_build_filename (work, "server.key", NULL);

      if (!make_server_cert (setup, work, config, ca_cert, ca_key, error)
          || !install_file (setup, new_key, key, 0600, changed, error)
          || !install_file (setup, new_cert, cert, 0644, changed, error))
        goto out;
      bjb_server_setup_report (TRUE, _("server certificate %s for %s (valid %s days)"), cert,
                               setup->hostname != NULL ? setup->hostname : setup->listen,
                               SERVER_DAYS);
    }
  ok = TRUE;

out:
  {
    g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (work, name, NULL);

        g_unlink (path);
      }
    g_rmdir (work);
  }
  return ok;
}
