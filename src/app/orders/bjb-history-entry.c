/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-history-entry"

#include "config.h"

#include "bjb-field-props.h"
#include "bjb-history-entry.h"

struct _BjbHistoryEntry
{
  GObject parent_instance;

  char *status_label;
  char *at_text;
  char *actor;
  char *actor_login;
  char *note;
};

G_DEFINE_FINAL_TYPE (BjbHistoryEntry, bjb_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS_LABEL,
  PROP_AT_TEXT,
  PROP_ACTOR,
  PROP_ACTOR_LOGIN,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_history_entry_finalize (GObject *object)
{
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_history_entry_parent_class)->finalize (object);
}

#define FIELD(prop, field, name) \
  G_STMT_START { \
    properties[prop] = g_param_spec_string (name, NULL, NULL, NULL, flags); \
    bjb_field_props_install (object_class, prop, G_STRUCT_OFFSET (BjbHistoryEntry, field), \
                             properties[prop]); \
  } G_STMT_END

static void
bjb_history_entry_class_init (BjbHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_history_entry_finalize;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;

  FIELD (PROP_STATUS_LABEL, status_label, "status-label");
  FIELD (PROP_AT_TEXT, at_text, "at-text");
  FIELD (PROP_ACTOR, actor, "actor");
  FIELD (PROP_ACTOR_LOGIN, actor_login, "actor-login");
  FIELD (PROP_NOTE, note, "note");
}

#undef FIELD

static void
bjb_history_entry_init (BjbHistoryEntry *self)
{
}

BjbHistoryEntry *
bjb_history_entry_new (void)
{
  return g_object_new (BJB_TYPE_HISTORY_ENTRY, NULL);
}

const char *
bjb_history_entry_get_status_label (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->status_label;
}

void
bjb_history_entry_set_status_label (BjbHistoryEntry *self,
                                     const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  bjb_field_props_set_string (self, properties[PROP_STATUS_LABEL], value);
}

void
bjb_history_entry_set_at_text (BjbHistoryEntry *self,
                                const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  bjb_field_props_set_string (self, properties[PROP_AT_TEXT], value);
}

const char *
bjb_history_entry_get_actor (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->actor;
}

void
bjb_history_entry_set_actor (BjbHistoryEntry *self,
                              const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  bjb_field_props_set_string (self, properties[PROP_ACTOR], value);
}

const char *
bjb_history_entry_get_actor_login (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->actor_login;
}

void
bjb_history_entry_set_actor_login (BjbHistoryEntry *self,
                                   const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  bjb_field_props_set_string (self, properties[PROP_ACTOR_LOGIN], value);
}

const char *
bjb_history_entry_get_note (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->note;
}

void
bjb_history_entry_set_note (BjbHistoryEntry *self,
                             const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  bjb_field_props_set_string (self, properties[PROP_NOTE], value);
}
