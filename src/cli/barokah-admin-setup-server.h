/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* setup-server's state, shared by barokah-admin-setup-server.c (cluster, settings,
 * pg_hba.conf, database) and barokah-admin-tls.c (certificates). */

#include <sys/types.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* From the options */
  const char *listen;
  const char *lan;
  const char *hostname;
  const char *database;
  const char *given_cert;
  const char *given_key;
  const char *given_ca;

  /* The cluster, from pg_lsclusters */
  char       *version;
  char       *name;
  char       *port;
  char       *owner;
  uid_t       owner_uid;
  gid_t       owner_gid;
  char       *data_dir;
  char       *socket_dir;
  gboolean    online;

  /* Where the server's certificate, key and the CA live */
  char       *tls_dir;
} BjbServerSetup;

/* One line of what a run found ("ok") or changed. */
void     bjb_server_setup_report (gboolean         changed,
                                  const char      *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean bjb_server_setup_tls    (BjbServerSetup  *setup,
                                  gboolean        *changed,
                                  GError         **error);

G_END_DECLS
