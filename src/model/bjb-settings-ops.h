/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * The business settings (bjb.setting) as the admin's settings page reads and writes them
 * (0007): bjb.list_settings() gives each in the shape bjb.set_setting() takes (the payment
 * window as whole hours); a refusal is BJ011 with the server's sentence for that key.
 */

typedef struct
{
  char *key;
  char *label;          /* the server's (Indonesian) label */
  JsonNode *value;
  GDateTime *updated_at;
  char *updated_by;
} BjbSetting;

void bjb_setting_free (BjbSetting *setting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbSetting, bjb_setting_free)

/* Finish: (transfer full): a GPtrArray of BjbSetting, by key */
BJB_OPS_DECLARE (GPtrArray *, bjb_settings_ops_list);

/* @value: the new value (number, boolean, string or array of strings) */
BJB_OPS_DECLARE (gboolean, bjb_settings_ops_set, const char *key, JsonNode *value);

G_END_DECLS
