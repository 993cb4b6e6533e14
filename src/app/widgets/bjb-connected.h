/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * A page, form or picker that asks the server through one connection, set by its page or
 * window (and directly by tests): its "connection" property, said once where the class is
 * made instead of a get_property and set_property switch in every such widget:
 *
 *   bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStaffForm, connection),
 *                                (BjbConnectedSetter) bjb_staff_form_set_connection);
 *
 * and its public setter starts with
 *
 *   if (!bjb_connected_store (self, connection, &self->cancellable))
 *     return;
 */

typedef void (*BjbConnectedSetter) (gpointer       self,
                                    BjbConnection *connection);

/* Installs "connection" as the only property of @klass, kept in the BjbConnection * field at
 * @offset of the instance and written through @setter; sets the class's get_property and
 * set_property. */
void     bjb_connected_class_install (GObjectClass       *klass,
                                      gsize               offset,
                                      BjbConnectedSetter  setter);

/* Stores @connection in @self's field; FALSE when it held it already. On a change notifies
 * "connection" and, when @cancellable is given, cancels what was asked of the old connection
 * and puts a fresh cancellable in its slot. */
gboolean bjb_connected_store         (gpointer            self,
                                      BjbConnection      *connection,
                                      GCancellable      **cancellable);

/* What every such widget's dispose does first: cancels @cancellable (may be NULL), disposes
 * the template of @type, drops the connection and the cancellable. */
void     bjb_connected_dispose       (gpointer            self,
                                      GType               type,
                                      GCancellable      **cancellable);

G_END_DECLS
