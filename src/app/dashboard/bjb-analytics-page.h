/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-event.h"
#include "bjb-period-bar.h"

G_BEGIN_DECLS

#define BJB_TYPE_ANALYTICS_PAGE (bjb_analytics_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (BjbAnalyticsPage, bjb_analytics_page, BJB, ANALYTICS_PAGE, AdwBin)

/**
 * BjbAnalyticsPageClass:
 * @wanted_range: the range the page's period bar asks for; FALSE when a typed date is not
 *   one (the page then says how to type one and loads nothing). A cleared date is the
 *   server's default. Required.
 * @load: asks the server for @from..@to on @connection; the callback hands its answer to
 *   bjb_analytics_page_take_answer() first. Required.
 * @wants_event: whether a bjb.event moves what the page shows (then it reloads once after
 *   the burst). Required.
 * @connection_changed: the page now works on @connection (%NULL allowed), before it loads
 *   with it: for the widgets of the page that ask the server too. Optional.
 *
 * What the analytics pages (dashboard, best sellers) have in common: a period bar and a
 * status line in their template, the session's connection, one load in flight (a newer one
 * cancels it), a reload after a burst of events that concern the page, and the answer
 * counted and its failure said in the status line while what was shown stays. Each page
 * keeps its own query and drawing.
 *
 * The page's template holds a #BjbPeriodBar "period_bar" whose "changed" signal calls
 * "on_period_changed", and a #GtkLabel "status_label": bind them with
 * bjb_analytics_page_class_bind_template().
 */
struct _BjbAnalyticsPageClass
{
  AdwBinClass parent_class;

  gboolean (*wanted_range)       (BjbAnalyticsPage *self,
                                  GDate            *from,
                                  GDate            *to);
  void     (*load)               (BjbAnalyticsPage *self,
                                  BjbConnection    *connection,
                                  const GDate      *from,
                                  const GDate      *to,
                                  GCancellable     *cancellable);
  gboolean (*wants_event)        (BjbAnalyticsPage *self,
                                  BjbEvent         *event);
  void     (*connection_changed) (BjbAnalyticsPage *self,
                                  BjbConnection    *connection);
};

/* Sets the template of @widget_class from @resource and binds "period_bar", "status_label"
 * and "on_period_changed" of it to the page. */
void          bjb_analytics_page_class_bind_template (GtkWidgetClass   *widget_class,
                                                      const char       *resource);

void          bjb_analytics_page_set_connection      (BjbAnalyticsPage *self,
                                                      BjbConnection    *connection);
/* Loads again what the period bar asks for. */
void          bjb_analytics_page_load                (BjbAnalyticsPage *self);

/* For the page's load callback: counts the answer and, on an error, says it in the status
 * line (what was shown stays). FALSE when there is nothing to show: @error is set (a
 * cancelled load is not counted: a newer one answers). */
gboolean      bjb_analytics_page_take_answer         (BjbAnalyticsPage *self,
                                                      const GError     *error);
/* (transfer none) */
BjbPeriodBar *bjb_analytics_page_get_period_bar      (BjbAnalyticsPage *self);
void          bjb_analytics_page_set_status          (BjbAnalyticsPage *self,
                                                      const char       *text);

/* For tests: how many answers the page has taken (each load that arrived, error or not),
 * and its status line. */
guint         bjb_analytics_page_get_n_loads         (BjbAnalyticsPage *self);
const char   *bjb_analytics_page_get_status_text     (BjbAnalyticsPage *self);

G_END_DECLS
