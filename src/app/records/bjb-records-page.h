/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-date-field.h"
#include "bjb-page.h"
#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

/* What the records pages (audit, feedback, messages) share beside their queries. */

/**
 * bjb_records_page_status:
 * @filter_error: (nullable): why the filters typed were not applied
 *
 * Returns: (transfer full): the line under a list: the filter's error, the model's error
 *   as a sentence, @loading, @empty, or how many rows are shown.
 */
char     *bjb_records_page_status     (BjbPagedQueryModel *model,
                                       const char         *filter_error,
                                       const char         *loading,
                                       const char         *empty);

/**
 * bjb_records_page_date_range:
 * @instants: TRUE: the range as ISO 8601 instants [local midnight of from, local midnight
 *   after to); FALSE: the days typed, as the server reads them (YYYY-MM-DD)
 * @from: (out) (transfer full) (nullable): NULL when that side is empty
 * @to: (out) (transfer full) (nullable)
 * @error: (out) (transfer full): the sentence when FALSE
 *
 * Reads the two fields, marking the wrong one. Returns: FALSE for a day that cannot be
 * read or a range that ends before it starts.
 */
gboolean  bjb_records_page_date_range (BjbDateField       *from_field,
                                       BjbDateField       *to_field,
                                       gboolean            instants,
                                       char              **from,
                                       char              **to,
                                       char              **error);

/* The BjbPage set_session and refresh of a records page whose template has its
 * BjbRecordsQuery as "query" and the model over it as "list_model": the session's
 * connection goes to the query, a refresh reads the model's first page again. */
void      bjb_records_page_set_session (BjbPage            *page,
                                        BjbSession         *session);
void      bjb_records_page_refresh     (BjbPage            *page);

G_END_DECLS
