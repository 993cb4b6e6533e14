/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BJB_MONEY_ERROR (bjb_money_error_quark ())

typedef enum
{
  BJB_MONEY_ERROR_EMPTY,
  BJB_MONEY_ERROR_INVALID,
  BJB_MONEY_ERROR_FRACTION,
  BJB_MONEY_ERROR_OVERFLOW,
} BjbMoneyError;

GQuark   bjb_money_error_quark (void);
char    *bjb_money_format      (gint64       rupiah);
char    *bjb_money_format_plain (gint64      rupiah);
gboolean bjb_money_parse       (const char  *text,
                                gint64      *out_rupiah,
                                GError     **error);

G_END_DECLS
