-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0009_reads: a function for every read the client still made on a table directly (issue 7 #1).
--
-- A widget reads through a bjb.* function or a view made for it, so the grants on these
-- functions and RLS on the tables below them stay the only gate (a courier's column grants
-- already break a generic SELECT; a new column or policy is one place to look).
--
-- Every function here is SECURITY INVOKER: it reads with the caller's table grants and RLS
-- policies, so it widens nothing; its EXECUTE grant only narrows who may ask. Each returns
-- exactly the rows and columns the client's SELECT returned before (same names, same order),
-- so the ops layer changed only its SQL text.
--
--  * bjb.customer_card(customer, orders): the customer detail and form in one round trip.
--  * bjb.customer_duplicates(phone, email): which customers already use a phone / an e-mail.
--  * bjb.preference_products(): the active products a customer may prefer.
--  * bjb.list_categories(), bjb.search_products(pattern, category, limit): the product picker
--    (bjb.list_products of 0007 is the admin's catalogue, low stock first; cs may not call it).
--  * bjb.photo_data(photo): one stored JPEG (RLS: office staff every photo, a courier its own
--    orders' photos; none is no row).
--  * bjb.active_couriers(): whom an order can be shipped with.
--  * bjb.nota_header(): the business settings the nota prints.
--  * bjb.events_first_cursor(): where a listener that never ran at this desk starts.
--  * bjb.recent_notifications(limit, role): the bell's newest events and whether this login
--    read each (RLS on bjb.event: the events the login may see).
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE FUNCTION bjb.customer_card(p_customer bigint, p_orders int)
RETURNS TABLE (id bigint, name text, address text, phone text, email text, birth_date date,
               status text, notes text, created_at timestamptz, summary jsonb,
               preference_ids bigint[], preferences text, orders jsonb)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id, c.name, c.address, c.phone, c.email, c.birth_date, c.status, c.notes, c.created_at,
         bjb.customer_summary(c.id),
         ARRAY(SELECT cp.product_id FROM bjb.customer_preference cp
               WHERE cp.customer_id = c.id ORDER BY cp.product_id),
         (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM bjb.customer_preference cp
          JOIN bjb.product p ON p.id = cp.product_id WHERE cp.customer_id = c.id),
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'number', o.number,
                   'status', o.status, 'placed_at', o.placed_at, 'total', o.total,
                   'feedback', o.feedback) ORDER BY o.placed_at DESC, o.id DESC), '[]')
          FROM (SELECT * FROM bjb.sales_order so WHERE so.customer_id = c.id
                ORDER BY so.placed_at DESC, so.id DESC LIMIT p_orders) o)
  FROM bjb.customer c WHERE c.id = p_customer
$$;

-- Both columns are unique (customer_phone_key, customer_email_key on lower(email)): at most
-- one row a field. The form checks before saving so it can name the other customer.
CREATE FUNCTION bjb.customer_duplicates(p_phone text, p_email text)
RETURNS TABLE (field text, id bigint, name text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT 'phone', c.id, c.name FROM bjb.customer c WHERE c.phone = p_phone
  UNION ALL
  SELECT 'email', c.id, c.name FROM bjb.customer c WHERE lower(c.email) = lower(p_email)
$$;

CREATE FUNCTION bjb.preference_products()
RETURNS TABLE (id bigint, name text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.name FROM bjb.product p WHERE p.active ORDER BY p.name, p.id
$$;

CREATE FUNCTION bjb.list_categories()
RETURNS TABLE (id bigint, name text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id, c.name FROM bjb.category c ORDER BY c.name, c.id
$$;

-- p_pattern is an ILIKE pattern the client built (its own wildcards escaped).
CREATE FUNCTION bjb.search_products(p_pattern text, p_category bigint, p_limit int)
RETURNS TABLE (id bigint, name text, category text, unit text, price bigint, stock int)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, p.name, c.name, p.unit, p.price, p.stock
  FROM bjb.product p JOIN bjb.category c ON c.id = p.category_id
  WHERE p.active AND p.name ILIKE p_pattern
    AND (p_category IS NULL OR p.category_id = p_category)
  ORDER BY p.name, p.id LIMIT p_limit
$$;

CREATE FUNCTION bjb.photo_data(p_photo bigint)
RETURNS TABLE (data bytea)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT ph.data FROM bjb.photo ph WHERE ph.id = p_photo
$$;

-- bjb.ship_order checks again that the login is an active courier (BJ008).
CREATE FUNCTION bjb.active_couriers()
RETURNS TABLE (login text, display_name text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT s.login, s.display_name FROM bjb.staff s
  WHERE s.role = 'courier' AND s.active ORDER BY s.display_name, s.login
$$;

CREATE FUNCTION bjb.nota_header() RETURNS jsonb
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_object_agg(s.key, s.value), '{}') FROM bjb.setting s
  WHERE s.key IN ('business_name', 'business_address', 'business_phone', 'bank_accounts')
$$;

-- p_role is the reader's role, for the events addressed to the role rather than the login.
CREATE FUNCTION bjb.recent_notifications(p_limit int, p_role text)
RETURNS TABLE (id bigint, kind text, order_id bigint, product_id bigint, customer_id bigint,
               audience_role text, audience_login text, created_at timestamptz, details jsonb,
               read boolean)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT e.id, e.kind, e.order_id, e.product_id, e.customer_id, e.audience_role,
         e.audience_login, e.created_at, e.details, r.event_id IS NOT NULL
  FROM bjb.event e
  LEFT JOIN bjb.notification_read r ON r.event_id = e.id AND r.login = session_user
  WHERE e.audience_login = session_user OR e.audience_role = p_role
  ORDER BY e.id DESC LIMIT p_limit
$$;

-- Where a listener that has never run at this desk starts: the last event (of those this
-- login may see) that bjb.events_after would deliver now, in its (xact_id, id) order below
-- the horizon of transactions still running (0005). Not the newest id: a lower id can
-- commit later and would fall behind that cursor. 0 when there is none.
CREATE FUNCTION bjb.events_first_cursor()
RETURNS bigint
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT e.id FROM bjb.event e
                    WHERE e.xact_id < pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())
                    ORDER BY e.xact_id DESC, e.id DESC LIMIT 1), 0)
$$;

REVOKE ALL ON FUNCTION bjb.customer_card(bigint, int), bjb.customer_duplicates(text, text),
                       bjb.preference_products(), bjb.list_categories(),
                       bjb.search_products(text, bigint, int), bjb.photo_data(bigint),
                       bjb.active_couriers(), bjb.nota_header(),
                       bjb.recent_notifications(int, text), bjb.events_first_cursor()
  FROM PUBLIC;
-- The customer desk and the admin (who opens the same customer and order pages).
GRANT EXECUTE ON FUNCTION bjb.customer_card(bigint, int), bjb.customer_duplicates(text, text),
                          bjb.preference_products(), bjb.list_categories(),
                          bjb.search_products(text, bigint, int),
                          bjb.active_couriers(), bjb.nota_header()
  TO bjb_admin, bjb_cs;
-- A courier sees the photos of its own deliveries (RLS on bjb.photo).
GRANT EXECUTE ON FUNCTION bjb.photo_data(bigint) TO bjb_admin, bjb_cs, bjb_courier;
-- Every window with a bell.
GRANT EXECUTE ON FUNCTION bjb.recent_notifications(int, text), bjb.events_first_cursor()
  TO bjb_admin, bjb_cs, bjb_courier;

INSERT INTO bjb.schema_migration (version, name) VALUES (9, '0009_reads');

COMMIT;
