/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-page.h"
#include "bjb-session.h"

G_BEGIN_DECLS

#define BJB_TYPE_ROLE_WINDOW (bjb_role_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (BjbRoleWindow, bjb_role_window, BJB, ROLE_WINDOW, AdwApplicationWindow)

/**
 * BjbRoleWindowClass:
 *
 * A role's window (admin, customer service, courier) is a subclass whose template only adds
 * pages, as `<child type="page">` holding an `AdwViewStackPage`; everything around them (the
 * header with the staff member, the connection, the bell and the menu, the offline banner,
 * the page switcher) and the handing of the session and events to pages is here. A
 * subclass must have a template and needs no dispose for it: this class disposes it.
 */
struct _BjbRoleWindowClass
{
  AdwApplicationWindowClass parent_class;

  /*< private >*/
  const char *geometry_child;
  gpointer padding[7];
};

void          bjb_role_window_class_set_template       (BjbRoleWindowClass *klass,
                                                        const char         *resource,
                                                        const char         *geometry_child);

BjbSession   *bjb_role_window_get_session              (BjbRoleWindow      *self);
AdwViewStack *bjb_role_window_get_stack                (BjbRoleWindow      *self);
void          bjb_role_window_add_page                 (BjbRoleWindow      *self,
                                                        BjbPage            *page);

G_END_DECLS
