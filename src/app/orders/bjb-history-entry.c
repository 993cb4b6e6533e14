/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-history-entry"

#include "config.h"

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
  BjbHistoryEntry *self = (BjbHistoryEntry *) object;

  g_clear_pointer (&self->status_label, g_free);
  g_clear_pointer (&self->at_text, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->actor_login, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (bjb_history_entry_parent_class)->finalize (object);
}

static void
bjb_history_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BjbHistoryEntry *self = (BjbHistoryEntry *) object;

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;
    case PROP_AT_TEXT:
      g_value_set_string (value, self->at_text);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_ACTOR_LOGIN:
      g_value_set_string (value, self->actor_login);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_history_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BjbHistoryEntry *self = (BjbHistoryEntry *) object;

  switch (prop_id)
    {
    case PROP_STATUS_LABEL:
      bjb_history_entry_set_status_label (self, g_value_get_string (value));
      break;
    case PROP_AT_TEXT:
      bjb_history_entry_set_at_text (self, g_value_get_string (value));
      break;
    case PROP_ACTOR:
      bjb_history_entry_set_actor (self, g_value_get_string (value));
      break;
    case PROP_ACTOR_LOGIN:
      bjb_history_entry_set_actor_login (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      bjb_history_entry_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_history_entry_class_init (BjbHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_history_entry_finalize;
  object_class->get_property = bjb_history_entry_get_property;
  object_class->set_property = bjb_history_entry_set_property;

  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_TEXT] =
    g_param_spec_string ("at-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_LOGIN] =
    g_param_spec_string ("actor-login", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

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
  if (g_strcmp0 (self->status_label, value) == 0)
    return;
  g_free (self->status_label);
  self->status_label = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

const char *
bjb_history_entry_get_at_text (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->at_text;
}

void
bjb_history_entry_set_at_text (BjbHistoryEntry *self,
                                const char *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  if (g_strcmp0 (self->at_text, value) == 0)
    return;
  g_free (self->at_text);
  self->at_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_TEXT]);
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
  if (g_strcmp0 (self->actor, value) == 0)
    return;
  g_free (self->actor);
  self->actor = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

const char *
bjb_history_entry_get_actor_login (BjbHistoryEntry *self)
{
  g_return_val_if_fail (BJB_IS_HISTORY_ENTRY (self), NULL);
  return self->actor_login;
}

void
bjb_history_entry_set_actor_login (BjbHistoryEntry *self,
                                   const char      *value)
{
  g_return_if_fail (BJB_IS_HISTORY_ENTRY (self));
  if (g_strcmp0 (self->actor_login, value) == 0)
    return;
  g_free (self->actor_login);
  self->actor_login = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_LOGIN]);
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
  if (g_strcmp0 (self->note, value) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
