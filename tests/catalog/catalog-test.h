/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-products-page.h"
#include "bjb-stock-page.h"

G_BEGIN_DECLS

/* One admin window shared by every test of the run, in order (an admin's afternoon). */
typedef struct
{
  GtkWindow *window;
  BjbProductsPage *products;
  BjbStockPage *stock;
} CatalogFixture;

extern CatalogFixture cf;

gboolean catalog_model_settled (gpointer model);
void     catalog_show_page     (const char *name);
/* The name's screenshot, with "-id" in the Indonesian run. */
void     catalog_screenshot    (const char *name);
gboolean catalog_in_indonesian (void);
/* "SELECT …" of the test's database as the superuser; (transfer full) */
char    *catalog_sql_value     (const char *format,
                                ...) G_GNUC_PRINTF (1, 2);
void     catalog_add_stock_tests (void);

G_END_DECLS
