/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-image-drop-box.h"
#include "bjb-product-form.h"

G_BEGIN_DECLS

/* Shared by bjb-product-form.c (loading, fields, the widget) and bjb-product-form-save.c
 * (checks, saving, the server's refusals). */

struct _BjbProductForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkBox *error_box;
  GtkLabel *error_label;
  GtkButton *reload_button;
  GtkEntry *name_entry;
  GtkLabel *name_error;
  GtkDropDown *category_dropdown;
  GtkLabel *category_error;
  GtkEntry *unit_entry;
  GtkLabel *unit_error;
  GtkEntry *price_entry;
  GtkLabel *price_error;
  GtkTextView *description_view;
  GtkLabel *description_error;
  GtkSwitch *active_switch;
  BjbImageDropBox *photo_box;
  GtkLabel *photo_state_label;
  GtkLabel *photo_error;
  GtkSpinner *spinner;
  GtkLabel *edited_label;
  GtkLabel *history_title;
  GListStore *history_store;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  BjbAdminProduct *product;    /* the row being edited (NULL: a new product) */
  gint64 product_id;
  int version;                 /* the version this form's fields were loaded from */
  int reload_version;          /* Reload waits for the row to reach this version (0: none) */
  gboolean remove_photo;       /* Remove Photo pressed: the stored photo goes at Save */
  gboolean has_photo;
  gboolean busy;
  gboolean dirty;              /* typed since loaded or saved */
  gboolean filling;            /* the fields are being loaded, not typed */

  /* Borrowed */
  GListModel *categories;
};

enum {
  BJB_PRODUCT_FORM_SAVED,
  BJB_PRODUCT_FORM_REFRESH_REQUESTED,
  BJB_PRODUCT_FORM_N_SIGNALS
};

extern guint _bjb_product_form_signals[BJB_PRODUCT_FORM_N_SIGNALS];

#define BJB_PRODUCT_NAME_MAX 200
#define BJB_PRODUCT_UNIT_MAX 20
#define BJB_PRODUCT_DESCRIPTION_MAX 4000
#define BJB_PRODUCT_PRICE_MAX G_GINT64_CONSTANT (10000000000)

GtkLabel *_bjb_product_form_error_label_for (BjbProductForm *self,
                                             const char     *field);
void      _bjb_product_form_set_field_error (BjbProductForm *self,
                                             const char     *field,
                                             const char     *message);
void      _bjb_product_form_clear_errors    (BjbProductForm *self);
void      _bjb_product_form_set_busy        (BjbProductForm *self,
                                             gboolean        busy);
char     *_bjb_product_form_description     (BjbProductForm *self);
gint64    _bjb_product_form_category_id     (BjbProductForm *self);
void      _bjb_product_form_fill            (BjbProductForm *self);
void      _bjb_product_form_load_history    (BjbProductForm *self);
void      _bjb_product_form_update_photo_state (BjbProductForm *self);

void      _bjb_product_form_save_action     (GtkWidget      *widget,
                                             const char     *action_name,
                                             GVariant       *parameter);

G_END_DECLS
