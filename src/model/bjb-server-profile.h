/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BJB_TYPE_SERVER_PROFILE (bjb_server_profile_get_type ())

G_DECLARE_FINAL_TYPE (BjbServerProfile, bjb_server_profile, BJB, SERVER_PROFILE, GObject)

BjbServerProfile *bjb_server_profile_new             (const char       *name,
                                                      const char       *host,
                                                      guint             port,
                                                      const char       *dbname,
                                                      const char       *sslmode,
                                                      const char       *sslrootcert);
BjbServerProfile *bjb_server_profile_new_from_variant (GVariant        *variant);
BjbServerProfile *bjb_server_profile_new_from_environment (void);
GVariant         *bjb_server_profile_to_variant      (BjbServerProfile *self);
const char       *bjb_server_profile_get_name        (BjbServerProfile *self);
const char       *bjb_server_profile_get_display_name (BjbServerProfile *self);
gboolean          bjb_server_profile_environment_names_server (void);
const char       *bjb_server_profile_get_host        (BjbServerProfile *self);
guint             bjb_server_profile_get_port        (BjbServerProfile *self);
const char       *bjb_server_profile_get_dbname      (BjbServerProfile *self);
const char       *bjb_server_profile_get_sslmode     (BjbServerProfile *self);
const char       *bjb_server_profile_get_sslrootcert (BjbServerProfile *self);
char             *bjb_server_profile_dup_summary     (BjbServerProfile *self);

G_END_DECLS
