/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-best-seller-export"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-best-seller-export.h"

/* 100 is the most bjb.best_sellers ranks (BJ043 above): a period rarely sells more kinds of
 * paving and batako than that. */
static const char BEST_SELLERS_EXPORT_SQL[] =
  "SELECT rank, product, category, qty, unit, revenue, share"
  "  FROM bjb.best_sellers($1::date, $2::date, $3, 100)"
  " ORDER BY rank";

BjbExportSpec *
bjb_best_seller_export_spec (const GDate      *from,
                             const GDate      *to,
                             BjbBestSellersBy  by)
{
  g_autofree char *from_param = bjb_dashboard_ops_date_param (from);
  g_autofree char *to_param = bjb_dashboard_ops_date_param (to);
  BjbExportSpec *spec = bjb_export_spec_new ("best-sellers", _("Best sellers"),
                                             BEST_SELLERS_EXPORT_SQL);

  bjb_export_spec_add_param (spec, from_param);
  bjb_export_spec_add_param (spec, to_param);
  bjb_export_spec_add_param (spec, by == BJB_BEST_SELLERS_BY_REVENUE ? "revenue" : "qty");
  bjb_export_spec_add_column (spec, "rank", "#", BJB_EXPORT_INTEGER, 4, FALSE);
  bjb_export_spec_add_column (spec, "product", _("Product"), BJB_EXPORT_TEXT, 30, FALSE);
  bjb_export_spec_add_column (spec, "category", _("Category"), BJB_EXPORT_TEXT, 18, FALSE);
  /* not summed: m² and pieces do not add up */
  bjb_export_spec_add_column (spec, "qty", _("Quantity"), BJB_EXPORT_INTEGER, 10, FALSE);
  bjb_export_spec_add_column (spec, "unit", _("Unit"), BJB_EXPORT_TEXT, 8, FALSE);
  bjb_export_spec_add_column (spec, "revenue", _("Revenue"), BJB_EXPORT_RUPIAH, 16, TRUE);
  bjb_export_spec_add_column (spec, "share", _("Share of revenue"), BJB_EXPORT_PERCENT, 10, FALSE);
  bjb_export_spec_add_filter (spec, _("Ranked by"),
                              by == BJB_BEST_SELLERS_BY_REVENUE ? _("Revenue") : _("Quantity"));
  return spec;
}
