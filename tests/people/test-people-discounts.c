/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-discounts"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bjb-discount-preview.h"
#include "bjb-discount-rule.h"
#include "bjb-discounts-page.h"
#include "bjb-money.h"
#include "bjb-product-picker.h"
#include "people-test.h"

/* The discounts page as t_admin: the rules with their state (an expired one says so), a
 * new rule refused field by field and then saved, the server's own refusal put on its
 * field, a stale edit that keeps the form, switching a rule off, and the preview against
 * bjb.quote itself. */

static BjbDiscountsPage *page;
static BjbDiscountForm *form;
static char *sri, *wati, *paving, *batako;

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving'), ('Batako');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Paving Segi Enam 8 cm', 'm²', 95000, 500),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Batako Press', 'pcs', 3500, 5000);"
  "INSERT INTO bjb.customer (name, address, phone, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'active'),"
  " ('Wati Susanti', 'Jl. Solo 3, Klaten', '+6287711112222', 'inactive');"
  /* Written directly, as an old import would: one rule past its last day. */
  "INSERT INTO bjb.discount_rule (name, percent, audience, scope, min_cart_total, valid_until, active)"
  " VALUES ('Promo Lebaran', 5, 'loyal', 'all_products', NULL,"
  "         (now() AT TIME ZONE 'Asia/Jakarta')::date - 3, true),"
  "        ('Grosir Batako', 3, 'loyal', 'cart_threshold', 10000000, NULL, false);"
  "SELECT 1";

static gboolean
settled (gpointer data)
{
  return !bjb_discounts_page_get_busy (page);
}

static void
fill (const char *field,
      const char *text)
{
  gtk_editable_set_text (bjb_discount_form_get_field (form, field), text);
}

static void
save (void)
{
  px_activate (GTK_WIDGET (form), "discount-form.save", NULL);
  px_wait (settled, NULL);
}

static BjbDiscountRule *
rule_named (const char *name)
{
  GListModel *rules = bjb_discounts_page_get_rules (page);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(BjbDiscountRule) rule = g_list_model_get_item (rules, i);

      if (g_str_equal (bjb_discount_rule_get_name (rule), name))
        return rule;  /* the store keeps it */
    }
  return NULL;
}

static char *
count_rules (void)
{
  return px_su ("SELECT count(*) FROM bjb.discount_rule");
}

static void
test_list (void)
{
  BjbDiscountRule *old;
  g_autofree char *state = NULL;
  g_autofree char *last_day = NULL;

  if (px_skip ())
    return;

  g_free (px_su (seed_sql));
  sri = px_su ("SELECT id FROM bjb.customer WHERE name = 'Sri Rejeki'");
  wati = px_su ("SELECT id FROM bjb.customer WHERE name = 'Wati Susanti'");
  paving = px_su ("SELECT id FROM bjb.product WHERE name = 'Paving Segi Enam 8 cm'");
  batako = px_su ("SELECT id FROM bjb.product WHERE name = 'Batako Press'");

  page = BJB_DISCOUNTS_PAGE (bjb_discounts_page_new ());
  form = bjb_discounts_page_get_form (page);
  px_show (GTK_WIDGET (page));
  bjb_discounts_page_set_connection (page, px.connection);
  px_wait (settled, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (bjb_discounts_page_get_rules (page)), ==, 2);
  /* Still switched on, but past its last day: shown as expired, not as active. */
  old = rule_named ("Promo Lebaran");
  g_assert_nonnull (old);
  g_assert_cmpstr (bjb_discount_rule_get_state (old), ==, "expired");
  g_object_get (old, "state-label", &state, NULL);
  g_assert_cmpstr (state, ==, px_indonesian () ? "Kedaluwarsa" : "Expired");
  px_screenshot ("admin-discounts");

  /* Its stored last day opens in the form day first, as the form asks it to be typed. */
  g_assert_true (bjb_discounts_page_select (page, "Promo Lebaran"));
  last_day = px_su ("SELECT to_char((now() AT TIME ZONE 'Asia/Jakarta')::date - 3, 'DD-MM-YYYY')");
  g_assert_cmpstr (gtk_editable_get_text (bjb_discount_form_get_field (form, "valid_until")), ==,
                   last_day);
}

static void
test_invalid (void)
{
  g_autofree char *count = NULL;

  if (px_skip ())
    return;

  px_activate (GTK_WIDGET (page), "discounts.new", NULL);
  fill ("name", "Diskon Sri");
  fill ("percent", "0");
  fill ("valid_until", "01-01-2020");
  bjb_discount_form_set_audience (form, "customer");
  bjb_discount_form_set_scope (form, "single_product");
  save ();
  g_assert_nonnull (bjb_discount_form_get_error (form, "percent"));
  g_assert_nonnull (bjb_discount_form_get_error (form, "valid_until"));
  g_assert_nonnull (bjb_discount_form_get_error (form, "customer"));
  g_assert_nonnull (bjb_discount_form_get_error (form, "product"));
  g_assert_null (bjb_discount_form_get_error (form, "name"));
  px_screenshot ("admin-discounts-errors");

  fill ("percent", "101");
  save ();
  g_assert_nonnull (bjb_discount_form_get_error (form, "percent"));
  fill ("percent", "sepuluh");
  save ();
  g_assert_nonnull (bjb_discount_form_get_error (form, "percent"));

  /* The last day is asked for, and a text that is no day refused, in the words of every other
   * date entry (DD-MM-YYYY, HH-BB-TTTT in Indonesian), not a lower-case form of its own. */
  {
    const char *form_words = px_indonesian () ? "HH-BB-TTTT" : "DD-MM-YYYY";
    GtkEditable *last_day = bjb_discount_form_get_field (form, "valid_until");

    g_assert_true (ADW_IS_PREFERENCES_ROW (last_day));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last_day)),
                              form_words));
    fill ("valid_until", "akhir bulan");
    save ();
    g_assert_nonnull (bjb_discount_form_get_error (form, "valid_until"));
    g_assert_nonnull (strstr (bjb_discount_form_get_error (form, "valid_until"), form_words));
    fill ("valid_until", "");
  }

  /* A minimum-cart rule needs its minimum. */
  bjb_discount_form_set_scope (form, "cart_threshold");
  fill ("min_cart", "");
  save ();
  g_assert_nonnull (bjb_discount_form_get_error (form, "min_cart"));
  g_assert_null (bjb_discount_form_get_error (form, "product"));

  count = count_rules ();
  g_assert_cmpstr (count, ==, "2");
  g_assert_cmpstr (gtk_editable_get_text (bjb_discount_form_get_field (form, "name")), ==, "Diskon Sri");
}

static void
test_server_refusal (void)
{
  g_autofree char *count = NULL;

  if (px_skip ())
    return;

  /* Everything the form can check is right; only the server knows Wati is inactive. */
  bjb_discount_form_set_scope (form, "single_product");
  bjb_discount_form_set_product (form, g_ascii_strtoll (paving, NULL, 10), "Paving Segi Enam 8 cm");
  bjb_discount_form_set_customer (form, g_ascii_strtoll (wati, NULL, 10), "Wati Susanti");
  fill ("percent", "15");
  fill ("valid_until", "31-12-2099");
  save ();
  g_assert_nonnull (bjb_discount_form_get_error (form, "customer"));
  g_assert_null (bjb_discount_form_get_error (form, "percent"));
  g_assert_nonnull (bjb_discount_form_get_error (form, "form"));
  count = count_rules ();
  g_assert_cmpstr (count, ==, "2");
}

static void
test_create (void)
{
  g_autofree char *row = NULL;

  if (px_skip ())
    return;

  bjb_discount_form_set_customer (form, g_ascii_strtoll (sri, NULL, 10), "Sri Rejeki");
  save ();
  g_assert_null (bjb_discount_form_get_error (form, "form"));
  g_assert_null (bjb_discount_form_get_error (form, "customer"));
  row = px_su ("SELECT r.percent || '|' || r.audience || '|' || c.name || '|' || r.scope || '|' || p.name"
               " || '|' || r.valid_until || '|' || r.active FROM bjb.discount_rule r"
               " JOIN bjb.customer c ON c.id = r.customer_id JOIN bjb.product p ON p.id = r.product_id"
               " WHERE r.name = 'Diskon Sri'");
  g_assert_cmpstr (row, ==, "15|customer|Sri Rejeki|single_product|Paving Segi Enam 8 cm|2099-12-31|true");
  g_assert_nonnull (rule_named ("Diskon Sri"));
  g_assert_cmpint (bjb_discount_form_get_rule_id (form), >, 0);
  px_screenshot ("admin-discounts-saved");
}

static void
test_stale (void)
{
  g_autofree char *percent = NULL;
  const char *error;

  if (px_skip ())
    return;

  g_assert_true (bjb_discounts_page_select (page, "Diskon Sri"));
  g_assert_cmpstr (gtk_editable_get_text (bjb_discount_form_get_field (form, "percent")), ==, "15");
  /* Another admin saves the rule meanwhile. */
  g_free (px_su ("UPDATE bjb.discount_rule SET percent = 20, version = version + 1,"
                 " edited_by = 't_admin', edited_at = now() WHERE name = 'Diskon Sri'; SELECT 1"));
  fill ("percent", "12");
  save ();
  error = bjb_discount_form_get_error (form, "form");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, px_indonesian () ? "Tes Admin" : "t_admin"));
  g_assert_cmpstr (gtk_editable_get_text (bjb_discount_form_get_field (form, "percent")), ==, "12");
  percent = px_su ("SELECT percent FROM bjb.discount_rule WHERE name = 'Diskon Sri'");
  g_assert_cmpstr (percent, ==, "20");
  /* The list shows their version beside the form that keeps this one. */
  px_wait (settled, NULL);
  g_assert_cmpint (bjb_discount_rule_get_percent (rule_named ("Diskon Sri")), ==, 20);
  px_screenshot ("admin-discounts-stale");

  /* Told, the admin saves again: theirs is replaced on purpose. */
  save ();
  g_assert_null (bjb_discount_form_get_error (form, "form"));
  g_free (percent);
  percent = px_su ("SELECT percent FROM bjb.discount_rule WHERE name = 'Diskon Sri'");
  g_assert_cmpstr (percent, ==, "12");
}

static gboolean
quoted (gpointer data)
{
  return settled (NULL) && bjb_discount_preview_get_quote (data) != NULL;
}

static void
test_preview (void)
{
  BjbDiscountPreview *preview = bjb_discounts_page_get_preview (page);
  g_autofree char *sql = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *expected, *shown;
  JsonArray *expected_lines, *shown_lines;

  if (px_skip ())
    return;

  px_activate (GTK_WIDGET (page), "discounts.preview", NULL);
  g_assert_cmpstr (bjb_discounts_page_get_visible_pane (page), ==, "preview");
  /* In the side pane the picker leaves out the category, so a product's name shows whole. */
  {
    GObject *picker = gtk_widget_get_template_child (GTK_WIDGET (preview),
                                                     BJB_TYPE_DISCOUNT_PREVIEW, "product_picker");
    GObject *category = gtk_widget_get_template_child (GTK_WIDGET (picker), BJB_TYPE_PRODUCT_PICKER,
                                                       "category_column");

    g_assert_false (gtk_column_view_column_get_visible (GTK_COLUMN_VIEW_COLUMN (category)));
  }
  bjb_discount_preview_set_customer (preview, g_ascii_strtoll (sri, NULL, 10), "Sri Rejeki");
  bjb_discount_preview_add_item (preview, g_ascii_strtoll (paving, NULL, 10), "Paving Segi Enam 8 cm", 10);
  bjb_discount_preview_add_item (preview, g_ascii_strtoll (batako, NULL, 10), "Batako Press", 100);
  px_wait (quoted, preview);

  /* Exactly what bjb.quote says, line by line. */
  sql = g_strdup_printf ("SELECT bjb.quote(%s, '[{\"product_id\": %s, \"qty\": 10},"
                         " {\"product_id\": %s, \"qty\": 100}]')", sri, paving, batako);
  expected_text = px_su (sql);
  g_assert_true (json_parser_load_from_data (parser, expected_text, -1, NULL));
  expected = json_node_get_object (json_parser_get_root (parser));
  shown = bjb_discount_preview_get_quote (preview);
  g_assert_cmpint (json_object_get_int_member (shown, "total"), ==,
                   json_object_get_int_member (expected, "total"));
  g_assert_cmpint (json_object_get_int_member (shown, "discount_total"), ==,
                   json_object_get_int_member (expected, "discount_total"));
  expected_lines = json_object_get_array_member (expected, "lines");
  shown_lines = json_object_get_array_member (shown, "lines");
  g_assert_cmpuint (json_array_get_length (shown_lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *e = json_array_get_object_element (expected_lines, i);
      g_autofree char *text = bjb_discount_preview_get_line_text (preview, i);
      g_autofree char *total = bjb_money_format (json_object_get_int_member (e, "total"));

      g_assert_nonnull (strstr (text, total));
      g_assert_cmpstr (json_object_get_string_member_with_default (json_array_get_object_element (shown_lines, i), "rule", NULL),
                       ==, json_object_get_string_member_with_default (e, "rule", NULL));
    }
  /* The paving line won by the new rule: 12 % of Rp 950.000, named in the UI's words. */
  {
    g_autofree char *paving_text = bjb_discount_preview_get_line_text (preview, 0);
    JsonObject *e = json_array_get_object_element (expected_lines, 0);

    g_assert_cmpstr (json_object_get_string_member (e, "rule"), ==, "manual_product");
    g_assert_cmpint (json_object_get_int_member (e, "discount_amount"), ==, 114000);
    g_assert_nonnull (strstr (paving_text, "Diskon Sri"));
  }
  px_screenshot ("admin-discounts-preview");
}

static void
test_deactivate (void)
{
  g_autofree char *active = NULL;
  BjbDiscountRule *rule;

  if (px_skip ())
    return;

  g_assert_true (bjb_discounts_page_select (page, "Diskon Sri"));
  px_activate (GTK_WIDGET (page), "discounts.toggle-active", NULL);
  px_wait (settled, NULL);
  g_assert_null (bjb_discounts_page_get_error (page));
  active = px_su ("SELECT active FROM bjb.discount_rule WHERE name = 'Diskon Sri'");
  g_assert_cmpstr (active, ==, "f");
  rule = rule_named ("Diskon Sri");
  g_assert_cmpstr (bjb_discount_rule_get_state (rule), ==, "inactive");

  /* The form follows the new version: saving from it is not refused as stale. */
  fill ("name", "Diskon Sri Lama");
  save ();
  g_assert_null (bjb_discount_form_get_error (form, "form"));
  g_free (active);
  active = px_su ("SELECT active FROM bjb.discount_rule WHERE name = 'Diskon Sri Lama'");
  g_assert_cmpstr (active, ==, "f");
}

void
people_add_discount_tests (void)
{
  g_test_add_func ("/people/discounts/list", test_list);
  g_test_add_func ("/people/discounts/invalid", test_invalid);
  g_test_add_func ("/people/discounts/server-refusal", test_server_refusal);
  g_test_add_func ("/people/discounts/create", test_create);
  g_test_add_func ("/people/discounts/stale", test_stale);
  g_test_add_func ("/people/discounts/preview", test_preview);
  g_test_add_func ("/people/discounts/deactivate", test_deactivate);
}
