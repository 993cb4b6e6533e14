/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What the customer form checks before anything is sent, field by field, with the limits of
 * bjb.customer's CHECK constraints (migrations/0001_core.sql): the form checks a field again
 * as soon as it changes, so a reason disappears the moment the field is right.
 */

/* The database's limits, in characters; the form's entries refuse more as the user types. */
#define BJB_CUSTOMER_NAME_MAX     200
#define BJB_CUSTOMER_ADDRESS_MAX 1000
#define BJB_CUSTOMER_EMAIL_MAX    254
#define BJB_CUSTOMER_NOTES_MAX   4000
/* "+62 812-3456-7890-12": room for spaces and dashes around the 13 digits allowed. */
#define BJB_CUSTOMER_PHONE_MAX     24

/**
 * bjb_customer_check_field:
 * @field: "name", "phone", "email", "address", "birth-date" or "notes"
 * @text: what the field holds, trimmed
 * @value: (out) (optional) (transfer full) (nullable): the value to store (phone as +62…,
 *   birth date as ISO yyyy-mm-dd; NULL for an empty optional field); NULL when invalid
 *
 * Returns: (transfer full) (nullable): the reason the field is wrong, in the UI language,
 *   or NULL when it is fine
 */
char *bjb_customer_check_field (const char  *field,
                                const char  *text,
                                char       **value);

G_END_DECLS
