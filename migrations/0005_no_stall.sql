-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0005_no_stall: one desk can no longer make another desk's order wait, and payments can
-- require four eyes.
--
--  * Event ordering takes no lock. Until now every event insert updated the one row of
--    bjb.event_counter, so `BEGIN; SELECT bjb.place_order(…);` left open held that row and
--    every other desk's order waited behind it. Now each event records the id of its
--    transaction (pg_current_xact_id()) and readers deliver events in (xact_id, id) order,
--    only those of transactions older than every transaction still running
--    (pg_snapshot_xmin). An idle transaction can at worst delay notifications, never orders.
--    bjb.events_after / bjb.events_held_back are the readers; bjb.event_counter is dropped.
--  * Staff cannot take row locks that orders need: customer and customer_preference are
--    written only through bjb.save_customer (the direct INSERT/UPDATE/DELETE grants, which
--    also allowed SELECT … FOR UPDATE on customer rows and so blocked place_order's
--    foreign-key check, are revoked). Orders and products are locked FOR NO KEY UPDATE,
--    which a foreign-key check (FOR KEY SHARE) of another transaction never blocks.
--  * Every operation has lock_timeout = 5s: a lock held by a transaction somebody left
--    open becomes an error after 5 seconds instead of a hang (BJ013 for orders).
--  * A courier refused on an order that is not theirs learns nothing about it (no number,
--    not even whether it exists).
--  * Setting require_second_confirmer (off by default): confirm_payment refuses the login
--    that attached every payment proof still counting (BJ012).
--
-- Errors added (as in 0001: SQLSTATE class BJ, message in Indonesian):
--   BJ012 payment proof attached by the confirming login while require_second_confirmer is on
--   BJ013 the order, its products or its customer are held by another unfinished transaction
--
-- Run as a superuser after 0001–0004:  psql -v ON_ERROR_STOP=1 -f 0005_no_stall.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Events: ordered by transaction id, drawn without a lock
---------------------------------------------------------------------------------------------

-- Events before this migration committed in id order (the counter row lock saw to that);
-- xact_id 0 puts them first, in id order, ahead of every later transaction.
ALTER TABLE bjb.event ADD COLUMN xact_id xid8 NOT NULL DEFAULT '0';
ALTER TABLE bjb.event ALTER COLUMN xact_id SET DEFAULT pg_current_xact_id();
COMMENT ON COLUMN bjb.event.xact_id IS
  'Transaction that wrote the event. Readers deliver in (xact_id, id) order and only below '
  'pg_snapshot_xmin(pg_current_snapshot()), so an event can never appear behind one already read.';
CREATE INDEX event_xact_idx ON bjb.event (xact_id, id);

CREATE SEQUENCE bjb.event_id_seq AS bigint OWNED BY bjb.event.id;
SELECT pg_catalog.setval('bjb.event_id_seq', greatest(n, 1), n > 0)
FROM (SELECT greatest((SELECT last_id FROM bjb.event_counter),
                      (SELECT coalesce(max(id), 0) FROM bjb.event)) AS n) last;

-- Ids now come from a sequence, so a lower id can commit after a higher one; readers
-- therefore never use the id alone as their cursor's order (see bjb.events_after).
CREATE OR REPLACE FUNCTION bjb.event_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.id := pg_catalog.nextval('bjb.event_id_seq');
  NEW.xact_id := pg_catalog.pg_current_xact_id();
  NEW.created_at := pg_catalog.clock_timestamp();
  RETURN NEW;
END
$$;

DROP TABLE bjb.event_counter;

-- The events the caller may see (row-level security: SECURITY INVOKER) that come after the
-- event p_after in delivery order, oldest first, at most p_limit (1 … 1000).
--
-- Delivery order is (xact_id, id), and only events of transactions older than every
-- transaction still running are returned: those transactions have ended, so no event can
-- later appear before the last one returned. A cursor is therefore one event id: the
-- position of that event. 0 (or NULL) starts at the beginning; an id the caller cannot see
-- (another database, another role) falls back to the events with a higher id.
--
-- STABLE: the horizon and the rows are read in one snapshot, the calling statement's.
CREATE FUNCTION bjb.events_after(p_after bigint, p_limit int DEFAULT 500)
RETURNS SETOF bjb.event
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_horizon xid8 := pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot());
  v_after   bigint := greatest(coalesce(p_after, 0), 0);
  v_limit   int := least(greatest(coalesce(p_limit, 500), 1), 1000);
  v_xact    xid8;
BEGIN
  IF v_after > 0 THEN
    SELECT e.xact_id INTO v_xact FROM bjb.event e WHERE e.id = v_after;
    IF NOT FOUND THEN
      RETURN QUERY
        SELECT e.* FROM bjb.event e
        WHERE e.id > v_after AND e.xact_id < v_horizon
        ORDER BY e.xact_id, e.id LIMIT v_limit;
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
    SELECT e.* FROM bjb.event e
    WHERE (e.xact_id, e.id) > (coalesce(v_xact, '0'::xid8), v_after) AND e.xact_id < v_horizon
    ORDER BY e.xact_id, e.id LIMIT v_limit;
END
$$;

-- Whether the caller can see committed events that bjb.events_after holds back because an
-- older transaction is still running. A reader polls while this is true: the transaction
-- holding them back may end without an event of its own, hence without a NOTIFY.
CREATE FUNCTION bjb.events_held_back() RETURNS boolean
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM bjb.event e
                 WHERE e.xact_id >= pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot()))
$$;

---------------------------------------------------------------------------------------------
-- Row locks staff could take on rows that orders need
---------------------------------------------------------------------------------------------

-- UPDATE (even of one column) allowed SELECT … FOR UPDATE on customer rows, which blocks the
-- FOR KEY SHARE of place_order's foreign-key check; INSERT into customer_preference takes
-- FOR KEY SHARE on products. The client writes both through bjb.save_customer only.
-- (Revoking the table privilege revokes the column privileges too.)
REVOKE INSERT, UPDATE ON bjb.customer FROM bjb_admin, bjb_cs;
REVOKE INSERT, DELETE ON bjb.customer_preference FROM bjb_admin, bjb_cs;
REVOKE USAGE ON SEQUENCE bjb.customer_id_seq FROM bjb_admin, bjb_cs;
DROP POLICY office_insert ON bjb.customer;
DROP POLICY office_update ON bjb.customer;
DROP POLICY office_all ON bjb.customer_preference;
CREATE POLICY office_read ON bjb.customer_preference FOR SELECT TO bjb_admin, bjb_cs USING (true);

-- Locks an order for a change and returns it; BJ007 when it does not exist.
-- FOR NO KEY UPDATE: enough to serialise changes of the order (they never change its keys),
-- and never blocked by another transaction's foreign-key check on it (photos, lines).
-- A courier may only ever act on their own orders, and a refusal tells them nothing about
-- somebody else's order (not its number, not whether it exists). The check reads without a
-- lock, so a courier cannot make anyone wait by asking for other orders.
CREATE OR REPLACE FUNCTION bjb.lock_order(p_order bigint) RETURNS bjb.sales_order
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_order bjb.sales_order;
BEGIN
  IF bjb.caller_role() = 'courier'
     AND NOT EXISTS (SELECT 1 FROM bjb.sales_order o
                     WHERE o.id = p_order AND o.courier = session_user) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ004',
      MESSAGE = pg_catalog.format('Pesanan #%s tidak ditugaskan kepada Anda.', p_order);
  END IF;
  BEGIN
    SELECT * INTO v_order FROM bjb.sales_order WHERE id = p_order FOR NO KEY UPDATE;
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ013',
      MESSAGE = pg_catalog.format('Pesanan #%s sedang diubah oleh transaksi lain yang belum selesai. '
                                  'Coba lagi sebentar lagi.', p_order);
  END;
  IF v_order.id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ007',
      MESSAGE = pg_catalog.format('Pesanan #%s tidak ditemukan.', p_order);
  END IF;
  RETURN v_order;
END
$$;

-- As in 0001, but FOR NO KEY UPDATE (the stock update never changes a product's keys), so a
-- foreign-key check on a product (an order line, a preference, a discount rule) in another
-- transaction never blocks a cancellation or an expiry.
CREATE OR REPLACE FUNCTION bjb.restore_stock(p_orders bigint[], p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM 1 FROM bjb.product
  WHERE id IN (SELECT l.product_id FROM bjb.order_line l WHERE l.order_id = ANY (p_orders))
  ORDER BY id
  FOR NO KEY UPDATE;

  UPDATE bjb.product p SET stock = p.stock + s.qty
  FROM (SELECT l.product_id, sum(l.qty)::int AS qty FROM bjb.order_line l
        WHERE l.order_id = ANY (p_orders) GROUP BY l.product_id) s
  WHERE p.id = s.product_id;

  INSERT INTO bjb.stock_movement (product_id, delta, reason, order_id)
  SELECT l.product_id, l.qty, p_reason, l.order_id
  FROM bjb.order_line l WHERE l.order_id = ANY (p_orders);
END
$$;

-- As in 0001 (every rule kept), with three changes: products are locked FOR NO KEY UPDATE
-- (see bjb.restore_stock), a lock wait longer than lock_timeout becomes BJ013 instead of a
-- hang, and event ids no longer serialise orders (bjb.event_before_insert above).
CREATE OR REPLACE FUNCTION bjb.place_order(p_customer bigint, p_items jsonb, p_delivery text,
                                           p_address text, p_shipping_cost bigint,
                                           p_request_id uuid)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_id        bigint;
  v_number    text;
  v_quote     jsonb;
  v_short     jsonb;
  v_status    text;
  v_low       int := bjb.setting_bigint('low_stock_threshold')::int;
  v_shipping  bigint := coalesce(p_shipping_cost, 0);
  v_address   text := nullif(btrim(p_address), '');
  v_product   record;
BEGIN
  PERFORM bjb.require_role('admin', 'cs');

  IF p_request_id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Pesanan tanpa request_id ditolak.';
  END IF;
  -- A retried request waits for the first attempt to finish, then gets its order back.
  PERFORM pg_catalog.pg_advisory_xact_lock(6449763, pg_catalog.hashtext(p_request_id::text));
  SELECT id INTO v_id FROM bjb.sales_order WHERE request_id = p_request_id;
  IF FOUND THEN
    RETURN v_id;
  END IF;

  IF p_delivery IS NULL OR p_delivery NOT IN ('delivery', 'pickup') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = 'Cara pengambilan harus "delivery" (diantar) atau "pickup" (ambil sendiri).';
  END IF;
  IF p_delivery = 'delivery' AND v_address IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Pesanan diantar membutuhkan alamat pengiriman.';
  END IF;
  IF v_shipping < 0 OR v_shipping > 100000000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Ongkos kirim tidak valid.';
  END IF;
  IF p_delivery = 'pickup' AND v_shipping <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Pesanan ambil sendiri tidak dikenai ongkos kirim.';
  END IF;

  SELECT status INTO v_status FROM bjb.customer WHERE id = p_customer;
  IF NOT FOUND OR v_status <> 'active' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ006',
      MESSAGE = pg_catalog.format('Pelanggan #%s tidak ditemukan atau tidak aktif.', p_customer);
  END IF;

  -- Lock the products in id order (one global order, so concurrent orders cannot deadlock),
  -- then quote: the quote reads the stock as it is under the lock, and validates the items
  -- (here only well-formed ids are picked out, so a bad item fails there with BJ005).
  PERFORM 1 FROM bjb.product
  WHERE id IN (SELECT (e ->> 'product_id')::bigint
               FROM jsonb_array_elements(CASE jsonb_typeof(p_items) WHEN 'array' THEN p_items
                                                                    ELSE '[]' END) AS e
               WHERE jsonb_typeof(e) = 'object' AND (e ->> 'product_id') ~ '^[0-9]{1,18}$')
  ORDER BY id
  FOR NO KEY UPDATE;

  v_quote := bjb.compute_quote(p_customer, p_items, pg_catalog.now());

  SELECT jsonb_agg(jsonb_build_object('product_id', l ->> 'product_id', 'name', l ->> 'name',
                                      'requested', (l ->> 'qty')::int, 'available', (l ->> 'stock')::int))
  INTO v_short
  FROM jsonb_array_elements(v_quote -> 'lines') l
  WHERE (l ->> 'qty')::int > (l ->> 'stock')::int;
  IF v_short IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ001',
      MESSAGE = pg_catalog.format('Stok %s tidak cukup: diminta %s, tersedia %s.',
                                  v_short -> 0 ->> 'name', v_short -> 0 ->> 'requested',
                                  v_short -> 0 ->> 'available'),
      DETAIL = v_short::text;
  END IF;

  v_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('bjb.sales_order', 'id'));
  v_number := pg_catalog.format('BJB-%s-%s',
                                pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'Asia/Jakarta', 'YYMMDD'),
                                -- lpad cuts longer strings: past id 999999 keep every digit
                                pg_catalog.lpad(v_id::text, greatest(6, length(v_id::text)), '0'));

  INSERT INTO bjb.sales_order (id, number, customer_id, status, delivery, address, shipping_cost,
                               subtotal, discount_total, total, request_id, placed_at,
                               payment_due_at, created_by)
  VALUES (v_id, v_number, p_customer, 'pending_payment', p_delivery, v_address, v_shipping,
          (v_quote ->> 'subtotal')::bigint, (v_quote ->> 'discount_total')::bigint,
          (v_quote ->> 'total')::bigint + v_shipping, p_request_id, pg_catalog.now(),
          pg_catalog.now() + bjb.setting_text('payment_window')::interval, session_user);

  INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal,
                              discount_percent, discount_amount, rule, rule_id, reason, total)
  SELECT v_id, (l ->> 'line_no')::int, (l ->> 'product_id')::bigint, (l ->> 'qty')::int,
         (l ->> 'unit_price')::bigint, (l ->> 'subtotal')::bigint,
         (l ->> 'discount_percent')::int, (l ->> 'discount_amount')::bigint,
         l ->> 'rule', (l ->> 'rule_id')::bigint, l ->> 'reason', (l ->> 'total')::bigint
  FROM jsonb_array_elements(v_quote -> 'lines') l;

  FOR v_product IN
    UPDATE bjb.product p SET stock = p.stock - l.qty
    FROM (SELECT product_id, qty FROM bjb.order_line WHERE order_id = v_id) l
    WHERE p.id = l.product_id
    RETURNING p.id, p.name, p.stock, p.stock + l.qty AS old_stock
  LOOP
    INSERT INTO bjb.stock_movement (product_id, delta, reason, order_id)
    VALUES (v_product.id, v_product.stock - v_product.old_stock, 'order', v_id);
    IF v_product.stock <= v_low AND v_product.old_stock > v_low THEN
      PERFORM bjb.emit_event('stock_low', NULL, v_product.id, NULL, 'admin', NULL,
                             jsonb_build_object('name', v_product.name, 'stock', v_product.stock));
    END IF;
  END LOOP;

  PERFORM bjb.record_status(v_id, 'pending_payment', NULL);
  PERFORM bjb.emit_event('order_placed', v_id, NULL, p_customer, 'cs', NULL,
                         jsonb_build_object('number', v_number,
                                            'total', (v_quote ->> 'total')::bigint + v_shipping));
  RETURN v_id;
EXCEPTION WHEN lock_not_available THEN
  -- Another transaction still holds a product, the customer or this request (one left open
  -- in psql, say): say so instead of waiting for it. Nothing of this order was kept.
  RAISE EXCEPTION USING ERRCODE = 'BJ013',
    MESSAGE = 'Stok atau data pelanggan sedang dipakai transaksi lain yang belum selesai; '
              'pesanan belum dibuat. Coba lagi sebentar lagi.';
END
$$;

-- Every other operation that changes data: a lock wait ends after 5 seconds with an error
-- (BJ013 where bjb.lock_order or place_order waits, 55P03 elsewhere) instead of hanging.
ALTER FUNCTION bjb.attach_photo(bigint, text, text, bytea, bytea, int, int) SET lock_timeout = '5s';
ALTER FUNCTION bjb.attach_payment_proof(bigint, text, bytea, bytea, int, int, text, bigint, text)
  SET lock_timeout = '5s';
ALTER FUNCTION bjb.reject_payment_proof(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.confirm_payment(bigint) SET lock_timeout = '5s';
ALTER FUNCTION bjb.cancel_order(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.ship_order(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.complete_order(bigint) SET lock_timeout = '5s';
ALTER FUNCTION bjb.record_feedback(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.expire_overdue_orders() SET lock_timeout = '5s';
ALTER FUNCTION bjb.restock(bigint, int, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.save_customer(bigint, text, text, text, text, date, text, text, bigint[])
  SET lock_timeout = '5s';
ALTER FUNCTION bjb.create_staff(text, text, text, text, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.set_staff_active(text, boolean) SET lock_timeout = '5s';
ALTER FUNCTION bjb.mark_events_read(bigint[]) SET lock_timeout = '5s';

---------------------------------------------------------------------------------------------
-- Four eyes on payments
---------------------------------------------------------------------------------------------

INSERT INTO bjb.setting (key, value, description) VALUES
  ('require_second_confirmer', 'false',
   'Jika aktif, pembayaran hanya dapat dikonfirmasi oleh staf selain yang melampirkan bukti pembayarannya');

-- bjb.confirm_payment needs a proof that counts (0004: not rejected). With the setting on, a
-- proof counts only for a login other than the one who attached it: when every counting
-- proof is the caller's own, the refusal has its own code (BJ012) and sentence, so the clerk
-- knows to ask a colleague rather than to attach another photo.
CREATE OR REPLACE FUNCTION bjb.has_payment_proof(p_order bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_any   boolean;
  v_other boolean;
BEGIN
  SELECT count(*) > 0, coalesce(bool_or(ph.uploaded_by <> session_user), false)
  INTO v_any, v_other
  FROM bjb.photo ph
  WHERE ph.order_id = p_order AND ph.kind = 'payment_proof'
    AND NOT EXISTS (SELECT 1 FROM bjb.payment_proof_note n
                    WHERE n.photo_id = ph.id AND n.rejected_at IS NOT NULL);
  IF v_any AND NOT v_other
     AND (SELECT s.value = 'true'::jsonb FROM bjb.setting s WHERE s.key = 'require_second_confirmer') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ012',
      MESSAGE = pg_catalog.format('Bukti pembayaran pesanan %s Anda lampirkan sendiri; pembayaran harus '
                                  'dikonfirmasi oleh staf lain.',
                                  (SELECT o.number FROM bjb.sales_order o WHERE o.id = p_order));
  END IF;
  RETURN v_any;
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION bjb.events_after(bigint, int), bjb.events_held_back() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.events_after(bigint, int), bjb.events_held_back()
  TO bjb_admin, bjb_cs, bjb_courier;

INSERT INTO bjb.schema_migration (version, name) VALUES (5, '0005_no_stall');

COMMIT;
