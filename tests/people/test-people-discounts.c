/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-discounts"

#include "config.h"

#include "people-test.h"

void
people_add_discount_tests (void)
{
}
