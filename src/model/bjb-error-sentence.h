/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-server-profile.h"

G_BEGIN_DECLS

/**
 * bjb_error_sentence:
 * @error: (nullable): any error (database, file, image, …)
 *
 * The one place that turns an error into what a shop clerk reads, in the language of the
 * UI: rule errors (SQLSTATE class BJ) become their translated sentence, connection errors
 * the login window's sentences, file and image errors plain sentences. Never the raw
 * error->message of a library glued to an English sentence.
 *
 * Returns: (transfer full): the sentence
 */
char *bjb_error_sentence            (const GError     *error);

/**
 * bjb_error_sentence_for_server:
 * @error: (nullable): as for bjb_error_sentence()
 * @profile: (nullable): the server the error came from; its host, port and database name
 *   make the connection sentences say which server (the login window has one)
 *
 * Returns: (transfer full): the sentence
 */
char *bjb_error_sentence_for_server (const GError     *error,
                                     BjbServerProfile *profile);

/**
 * bjb_ui_speaks_server_language:
 *
 * Whether the catalogue in use is the server's language (Indonesian): then the server's
 * own rule messages, which name the product, the order and the numbers, read right as they
 * are. Decided by the translation in use, not by $LANG, so a missing catalogue means
 * English all through rather than a mix.
 */
gboolean bjb_ui_speaks_server_language (void);

G_END_DECLS
