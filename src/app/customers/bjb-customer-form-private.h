/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-customer-form.h"

G_BEGIN_DECLS

/* Shared by bjb-customer-form.c (loading, fields, the widget) and bjb-customer-form-save.c
 * (checks and saving). */

struct _BjbCustomerForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *error_label;
  GtkEntry *name_entry;
  GtkEntry *phone_entry;
  GtkEntry *email_entry;
  GtkEntry *address_entry;
  GtkEntry *birth_entry;
  GtkLabel *name_error;
  GtkLabel *phone_error;
  GtkLabel *email_error;
  GtkLabel *address_error;
  GtkLabel *birth_error;
  GtkLabel *notes_error;
  GtkButton *phone_duplicate_button;
  GtkButton *email_duplicate_button;
  GtkSwitch *active_switch;
  GtkFlowBox *products_box;
  GtkTextView *notes_view;
  GtkButton *deactivate_button;
  GtkSpinner *spinner;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  GHashTable *product_checks;  /* gint64* product id → GtkCheckButton (borrowed, in products_box) */
  GArray *pending_preferences; /* preferences of a loaded customer, until products arrive */
  gint64 customer_id;
  gint64 phone_duplicate;
  gint64 email_duplicate;
  gboolean busy;
  gboolean products_loaded;
  guint recheck_source;        /* the fields showing a reason, checked again */
  char *notes_text;            /* for get_field ("notes") */
};


enum {
  BJB_CUSTOMER_FORM_SAVED,
  BJB_CUSTOMER_FORM_N_SIGNALS
};

extern guint _bjb_customer_form_signals[BJB_CUSTOMER_FORM_N_SIGNALS];

/* The checked fields in the order they appear: the first invalid one gets the focus. */
static const char * const form_fields[] = {
  "name", "phone", "email", "address", "birth-date", "notes"
};

GtkEntry   *_bjb_customer_form_entry_for          (BjbCustomerForm *self,
                                                   const char      *field);
GtkLabel   *_bjb_customer_form_error_label_for    (BjbCustomerForm *self,
                                                   const char      *field);
void        _bjb_customer_form_set_field_error    (BjbCustomerForm *self,
                                                   const char      *field,
                                                   const char      *message);
void        _bjb_customer_form_show_duplicate     (BjbCustomerForm *self,
                                                   const char      *field,
                                                   gint64           id,
                                                   const char      *name);
void        _bjb_customer_form_clear_errors       (BjbCustomerForm *self);
char       *_bjb_customer_form_field_text         (BjbCustomerForm *self,
                                                   const char      *field);
const char *_bjb_customer_form_field_error_shown  (BjbCustomerForm *self);
void        _bjb_customer_form_focus_first_error  (BjbCustomerForm *self);
void        _bjb_customer_form_set_busy           (BjbCustomerForm *self,
                                                   gboolean         busy);

void        _bjb_customer_form_field_changed_cb   (BjbCustomerForm *self,
                                                   GObject         *emitter);
void        _bjb_customer_form_notes_changed_cb   (BjbCustomerForm *self);
void        _bjb_customer_form_notes_insert_cb    (GtkTextBuffer   *buffer,
                                                   GtkTextIter     *location,
                                                   char            *text,
                                                   int              len,
                                                   BjbCustomerForm *self);
void        _bjb_customer_form_save_action        (GtkWidget       *widget,
                                                   const char      *action_name,
                                                   GVariant        *parameter);
void        _bjb_customer_form_deactivate_action  (GtkWidget       *widget,
                                                   const char      *action_name,
                                                   GVariant        *parameter);

G_END_DECLS
