/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BJB_PHONE_ERROR (bjb_phone_error_quark ())

typedef enum
{
  BJB_PHONE_ERROR_EMPTY,
  BJB_PHONE_ERROR_INVALID_CHARACTER,
  BJB_PHONE_ERROR_NOT_INDONESIAN,
  BJB_PHONE_ERROR_LEADING_ZERO,
  BJB_PHONE_ERROR_TOO_SHORT,
  BJB_PHONE_ERROR_TOO_LONG,
} BjbPhoneError;

#define BJB_PHONE_MIN_DIGITS 8
#define BJB_PHONE_MAX_DIGITS 13

GQuark  bjb_phone_error_quark (void);
char   *bjb_phone_normalize   (const char  *text,
                               GError     **error);

G_END_DECLS
