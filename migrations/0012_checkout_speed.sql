-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0012_checkout_speed: issue 13 #1–#3 (bench/README.md "Checkout speed, heavy customers,
-- search count (0012)"; docs/database.md has each function).
--
-- * bjb.customer_product_stats: per customer and product, the quantity bought over paid,
--   shipped and completed orders and the last time, kept exact by triggers on
--   bjb.sales_order (status, customer, time) and bjb.order_line (lines added, changed or
--   removed while their order counts). bjb.customer_top3() becomes an index scan of three
--   rows instead of an aggregate over every line the customer ever bought, and
--   bjb.customer_spend() reads bjb.customer_stats (0003 keeps it exact) instead of summing
--   every order: a contractor with 10 000 orders is quoted as fast as a new customer.
-- * bjb.compute_quote: the customer, its spend and the three settings in two queries, and
--   a generic plan instead of re-planning its candidate query on every call.
-- * bjb.customer_summary: counts and spend from the stats tables.
-- * bjb.place_order: the same rules in fewer statements, generic plans (see its comment);
--   bjb.caller_role in one query; bjb.order_counts / bjb.is_birthday without a SET clause.
-- * bjb.count_customers_upto: the customers page's count stops at a cap (the page says
--   "More than 1.000 customers"); bjb.search_customers never sorts a many-match fragment.
--
-- Run as a superuser after 0011:  psql -v ON_ERROR_STOP=1 -f 0012_checkout_speed.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- What each customer bought
---------------------------------------------------------------------------------------------

CREATE TABLE bjb.customer_product_stats (
  customer_id bigint NOT NULL REFERENCES bjb.customer ON DELETE CASCADE,
  product_id  bigint NOT NULL REFERENCES bjb.product ON DELETE CASCADE,
  -- Same orders as bjb.customer_stats.total_spend: paid, shipped, completed.
  qty         bigint NOT NULL DEFAULT 0 CHECK (qty >= 0),
  -- placed_at of the latest such order with this product (NULL when qty is 0).
  last_bought timestamptz,
  PRIMARY KEY (customer_id, product_id)
);
COMMENT ON TABLE bjb.customer_product_stats IS
  'Derived from bjb.sales_order and bjb.order_line by triggers; never written by staff.';
-- The top-3 order (most quantity, most recent, lowest id) as an index: three rows read.
CREATE INDEX customer_product_stats_top_idx
  ON bjb.customer_product_stats (customer_id, qty DESC, last_bought DESC, product_id);

ALTER TABLE bjb.customer_product_stats ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_product_stats FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON bjb.customer_product_stats TO bjb_owner USING (true) WITH CHECK (true);
-- Staff read it only through bjb.quote and bjb.customer_summary.
REVOKE ALL ON bjb.customer_product_stats FROM PUBLIC;

-- Adds (p_sign = 1) or takes away (p_sign = -1) quantities bought by p_customer in an order
-- placed at p_placed_at. Rows are locked in product id order, so two changes for the same
-- customer cannot deadlock. Taking away recomputes last_bought where the order taken away
-- may have been the latest: that statement runs after the row lock is held, so (read
-- committed) its snapshot sees every order committed by a transaction that held the row
-- before, and a later one adds itself with greatest().
CREATE FUNCTION bjb.customer_product_stats_add(p_customer bigint, p_sign int,
                                               p_placed_at timestamptz,
                                               p_products bigint[], p_qtys bigint[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_sign > 0 THEN
    INSERT INTO bjb.customer_product_stats AS s (customer_id, product_id, qty, last_bought)
    SELECT p_customer, u.product_id, sum(u.qty), p_placed_at
    FROM unnest(p_products, p_qtys) AS u (product_id, qty)
    GROUP BY u.product_id
    ORDER BY u.product_id
    ON CONFLICT (customer_id, product_id) DO UPDATE
    SET qty = s.qty + EXCLUDED.qty,
        last_bought = greatest(s.last_bought, EXCLUDED.last_bought);
    RETURN;
  END IF;

  PERFORM 1 FROM bjb.customer_product_stats s
  WHERE s.customer_id = p_customer AND s.product_id = ANY (p_products)
  ORDER BY s.product_id
  FOR UPDATE;
  UPDATE bjb.customer_product_stats s SET qty = s.qty - u.qty
  FROM (SELECT product_id, sum(qty) AS qty FROM unnest(p_products, p_qtys) AS t (product_id, qty)
        GROUP BY product_id) u
  WHERE s.customer_id = p_customer AND s.product_id = u.product_id;
  UPDATE bjb.customer_product_stats s
  SET last_bought = (SELECT max(o.placed_at)
                     FROM bjb.sales_order o
                     JOIN bjb.order_line l ON l.order_id = o.id
                     WHERE o.customer_id = p_customer AND l.product_id = s.product_id
                       AND bjb.order_counts(o.status))
  WHERE s.customer_id = p_customer AND s.product_id = ANY (p_products)
    AND s.last_bought <= p_placed_at;
END
$$;

-- An order entering or leaving paid/shipped/completed, or moved to another customer or time.
CREATE FUNCTION bjb.sales_order_product_stats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_products bigint[];
  v_qtys     bigint[];
BEGIN
  SELECT array_agg(product_id ORDER BY product_id), array_agg(qty::bigint ORDER BY product_id)
  INTO v_products, v_qtys
  FROM bjb.order_line WHERE order_id = NEW.id;
  IF v_products IS NULL THEN
    RETURN NULL;
  END IF;
  IF bjb.order_counts(OLD.status) THEN
    PERFORM bjb.customer_product_stats_add(OLD.customer_id, -1, OLD.placed_at, v_products, v_qtys);
  END IF;
  IF bjb.order_counts(NEW.status) THEN
    PERFORM bjb.customer_product_stats_add(NEW.customer_id, 1, NEW.placed_at, v_products, v_qtys);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_product_stats AFTER UPDATE OF status, customer_id, placed_at ON bjb.sales_order
  FOR EACH ROW
  WHEN (bjb.order_counts(OLD.status) IS DISTINCT FROM bjb.order_counts(NEW.status)
        OR OLD.customer_id <> NEW.customer_id OR OLD.placed_at <> NEW.placed_at)
  EXECUTE FUNCTION bjb.sales_order_product_stats();

-- Lines added, changed or removed while their order counts (an order is placed with its
-- lines while pending, so at checkout this finds nothing; repairs and test data get here).
-- Statement level: one query per INSERT … SELECT of lines, not one call per line.
CREATE FUNCTION bjb.order_line_product_stats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_change record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    FOR v_change IN
      SELECT o.customer_id, o.placed_at, array_agg(l.product_id) AS products,
             array_agg(l.qty::bigint) AS qtys
      FROM old_lines l JOIN bjb.sales_order o ON o.id = l.order_id
      WHERE o.status IN ('paid', 'shipped', 'completed')
      GROUP BY o.id, o.customer_id, o.placed_at
      ORDER BY o.customer_id, o.id
    LOOP
      PERFORM bjb.customer_product_stats_add(v_change.customer_id, -1, v_change.placed_at,
                                             v_change.products, v_change.qtys);
    END LOOP;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    FOR v_change IN
      SELECT o.customer_id, o.placed_at, array_agg(l.product_id) AS products,
             array_agg(l.qty::bigint) AS qtys
      FROM new_lines l JOIN bjb.sales_order o ON o.id = l.order_id
      WHERE o.status IN ('paid', 'shipped', 'completed')
      GROUP BY o.id, o.customer_id, o.placed_at
      ORDER BY o.customer_id, o.id
    LOOP
      PERFORM bjb.customer_product_stats_add(v_change.customer_id, 1, v_change.placed_at,
                                             v_change.products, v_change.qtys);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_product_stats_insert AFTER INSERT ON bjb.order_line
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION bjb.order_line_product_stats();
CREATE TRIGGER customer_product_stats_update AFTER UPDATE ON bjb.order_line
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION bjb.order_line_product_stats();
CREATE TRIGGER customer_product_stats_delete AFTER DELETE ON bjb.order_line
  REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION bjb.order_line_product_stats();

-- Recomputes every row (the backfill below; after a bulk load with triggers off, as the
-- demo and bench seed do: they call every bjb.rebuild_*()).
CREATE FUNCTION bjb.rebuild_customer_product_stats() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.sales_order, bjb.order_line IN SHARE ROW EXCLUSIVE MODE;
  LOCK TABLE bjb.customer_product_stats IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_product_stats;
  INSERT INTO bjb.customer_product_stats (customer_id, product_id, qty, last_bought)
  SELECT o.customer_id, l.product_id, sum(l.qty), max(o.placed_at)
  FROM bjb.sales_order o JOIN bjb.order_line l ON l.order_id = o.id
  WHERE bjb.order_counts(o.status)
  GROUP BY o.customer_id, l.product_id;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  ANALYZE bjb.customer_product_stats;
  RETURN v_n;
END
$$;

---------------------------------------------------------------------------------------------
-- Spend and top-3 from the stats tables
---------------------------------------------------------------------------------------------

-- Total of the customer's paid, shipped and completed orders (bjb.customer_stats).
CREATE OR REPLACE FUNCTION bjb.customer_spend(p_customer bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT s.total_spend FROM bjb.customer_stats s WHERE s.customer_id = p_customer), 0)
$$;

-- The customer's three most bought products over those orders: most quantity, then most
-- recent purchase, then lowest product id (customer_product_stats_top_idx).
CREATE OR REPLACE FUNCTION bjb.customer_top3(p_customer bigint)
RETURNS TABLE (product_id bigint, qty bigint, last_bought timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT s.product_id, s.qty, s.last_bought
  FROM bjb.customer_product_stats s
  WHERE s.customer_id = p_customer AND s.qty > 0
  ORDER BY 2 DESC, 3 DESC, 1
  LIMIT 3
$$;
-- As in 0001 (every rule and its text kept: tests/mutation/mutants.txt mutates it here),
-- reading the customer with its spend (bjb.customer_stats) and the three settings in two
-- queries instead of six function calls, one of them an aggregate over every order.
CREATE OR REPLACE FUNCTION bjb.compute_quote(p_customer bigint, p_items jsonb, p_at timestamptz)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_birth      date;
  v_today      date := (p_at AT TIME ZONE 'Asia/Jakarta')::date;
  v_spend      bigint;
  v_threshold  bigint;
  v_loyal      boolean;
  v_birthday   boolean;
  v_bday_pct   int;
  v_bday_min   bigint;
  v_top3       bigint[];
  v_result     jsonb;
BEGIN
  SELECT c.birth_date, coalesce(s.total_spend, 0) INTO v_birth, v_spend
  FROM bjb.customer c LEFT JOIN bjb.customer_stats s ON s.customer_id = c.id
  WHERE c.id = p_customer;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ006',
      MESSAGE = pg_catalog.format('Pelanggan #%s tidak ditemukan.', p_customer);
  END IF;
  SELECT max((value #>> '{}')::bigint) FILTER (WHERE key = 'loyalty_threshold'),
         max((value #>> '{}')::bigint) FILTER (WHERE key = 'birthday_percent'),
         max((value #>> '{}')::bigint) FILTER (WHERE key = 'birthday_cart_min')
  INTO v_threshold, v_bday_pct, v_bday_min
  FROM bjb.setting WHERE key IN ('loyalty_threshold', 'birthday_percent', 'birthday_cart_min');

  v_loyal := v_spend >= v_threshold;
  v_birthday := bjb.is_birthday(v_birth, p_at);
  -- Only birthday-loyal needs the top-3, so it is looked up only on a loyal customer's birthday.
  v_top3 := '{}';
  IF v_birthday AND v_loyal THEN
    SELECT coalesce(array_agg(t.product_id), '{}') INTO v_top3 FROM bjb.customer_top3(p_customer) t;
  END IF;

  WITH lines AS (
    SELECT i.line_no, i.product_id, i.qty, p.name, p.unit, p.price AS unit_price,
           p.price * i.qty AS subtotal, p.stock
    FROM bjb.parse_items(p_items) i
    JOIN bjb.product p ON p.id = i.product_id
  ),
  cart AS (
    SELECT sum(subtotal)::bigint AS subtotal FROM lines
  ),
  candidate AS (
    -- 1. manual rule for this customer on this line's product
    SELECT l.product_id, 1 AS level, r.percent, r.id AS rule_id, 'manual_product' AS rule,
           pg_catalog.format('Diskon khusus pelanggan untuk produk ini (%s)', r.name) AS reason
    FROM lines l
    JOIN bjb.discount_rule r ON r.audience = 'customer' AND r.customer_id = p_customer
                            AND r.scope = 'single_product' AND r.product_id = l.product_id
    WHERE r.active AND (r.valid_until IS NULL OR r.valid_until >= v_today)
    UNION ALL
    -- 2. manual rule for this customer on every product
    SELECT l.product_id, 2, r.percent, r.id, 'manual_all',
           pg_catalog.format('Diskon khusus pelanggan untuk semua produk (%s)', r.name)
    FROM lines l
    JOIN bjb.discount_rule r ON r.audience = 'customer' AND r.customer_id = p_customer
                            AND r.scope = 'all_products'
    WHERE r.active AND (r.valid_until IS NULL OR r.valid_until >= v_today)
    UNION ALL
    -- 3a. rules for all loyal customers
    SELECT l.product_id, 3, r.percent, r.id, 'loyalty',
           pg_catalog.format('Diskon pelanggan setia (%s)', r.name)
    FROM lines l
    JOIN bjb.discount_rule r ON r.audience = 'loyal'
                            AND (r.scope = 'all_products'
                                 OR (r.scope = 'single_product' AND r.product_id = l.product_id))
    WHERE v_loyal AND r.active AND (r.valid_until IS NULL OR r.valid_until >= v_today)
    UNION ALL
    -- 3b. built-in birthday-loyal: the customer's top-3 products
    SELECT l.product_id, 3, v_bday_pct, NULL::bigint, 'birthday_top3',
           'Diskon ulang tahun — produk favorit pelanggan setia'
    FROM lines l
    WHERE v_birthday AND v_loyal AND l.product_id = ANY (v_top3)
    UNION ALL
    -- 4a. cart threshold rules (this customer's, or loyal customers' when loyal)
    SELECT l.product_id, 4, r.percent, r.id, 'cart_threshold',
           pg_catalog.format('Diskon belanja minimal %s (%s)', bjb.format_rupiah(r.min_cart_total), r.name)
    FROM lines l
    CROSS JOIN cart c
    JOIN bjb.discount_rule r ON r.scope = 'cart_threshold'
                            AND ((r.audience = 'customer' AND r.customer_id = p_customer)
                                 OR (r.audience = 'loyal' AND v_loyal))
    WHERE r.active AND (r.valid_until IS NULL OR r.valid_until >= v_today)
      AND c.subtotal >= r.min_cart_total
    UNION ALL
    -- 4b. built-in birthday-cart, loyal or not
    SELECT l.product_id, 4, v_bday_pct, NULL::bigint, 'birthday_cart',
           pg_catalog.format('Diskon ulang tahun — belanja minimal %s', bjb.format_rupiah(v_bday_min))
    FROM lines l
    CROSS JOIN cart c
    WHERE v_birthday AND c.subtotal >= v_bday_min
  ),
  best AS (
    SELECT DISTINCT ON (product_id) *
    FROM candidate
    ORDER BY product_id, level, percent DESC, (rule_id IS NULL), rule_id
  ),
  priced AS (
    SELECT l.*, b.rule, b.rule_id, b.reason,
           coalesce(b.percent, 0) AS discount_percent,
           -- round half up to a whole rupiah; all operands are non-negative
           (l.subtotal * coalesce(b.percent, 0) + 50) / 100 AS discount_amount
    FROM lines l
    LEFT JOIN best b ON b.product_id = l.product_id
  )
  SELECT jsonb_build_object(
           'customer_id', p_customer,
           'lines', coalesce(jsonb_agg(jsonb_build_object(
                      'line_no', line_no,
                      'product_id', product_id,
                      'name', name,
                      'unit', unit,
                      'qty', qty,
                      'unit_price', unit_price,
                      'subtotal', subtotal,
                      'discount_percent', discount_percent,
                      'discount_amount', discount_amount,
                      'total', subtotal - discount_amount,
                      'rule', rule,
                      'rule_id', rule_id,
                      'reason', reason,
                      'stock', stock) ORDER BY line_no), '[]'),
           'subtotal', coalesce(sum(subtotal), 0)::bigint,
           'discount_total', coalesce(sum(discount_amount), 0)::bigint,
           'total', coalesce(sum(subtotal - discount_amount), 0)::bigint,
           'loyal', v_loyal,
           'birthday', v_birthday,
           'spend', v_spend,
           'loyalty_threshold', v_threshold)
  INTO v_result
  FROM priced;

  RETURN v_result;
END
$$;

-- As in 0001, with the spend and the order count from bjb.customer_stats and the top-3 from
-- bjb.customer_product_stats: the same answer for a customer with 10 000 orders in a few
-- index lookups (the count per status reads one index-only range of sales_order_customer_idx).
CREATE OR REPLACE FUNCTION bjb.customer_summary(p_customer bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_birth     date;
  v_spend     bigint;
  v_count     int;
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  SELECT c.birth_date, coalesce(s.total_spend, 0), coalesce(s.order_count, 0)
  INTO v_birth, v_spend, v_count
  FROM bjb.customer c LEFT JOIN bjb.customer_stats s ON s.customer_id = c.id
  WHERE c.id = p_customer;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ006',
      MESSAGE = pg_catalog.format('Pelanggan #%s tidak ditemukan.', p_customer);
  END IF;

  RETURN jsonb_build_object(
    'customer_id', p_customer,
    'total_spend', v_spend,
    'loyal', v_spend >= v_threshold,
    'loyalty_threshold', v_threshold,
    'to_loyal', greatest(v_threshold - v_spend, 0),
    'birthday', bjb.is_birthday(v_birth, pg_catalog.now()),
    'order_count', v_count,
    'orders_by_status', (SELECT coalesce(jsonb_object_agg(status, n), '{}')
                         FROM (SELECT status, count(*) AS n FROM bjb.sales_order
                               WHERE customer_id = p_customer GROUP BY status) s),
    'top3', (SELECT coalesce(jsonb_agg(jsonb_build_object('product_id', t.product_id, 'name', p.name,
                                                          'unit', p.unit, 'qty', t.qty)
                                       ORDER BY t.qty DESC, t.last_bought DESC, t.product_id), '[]')
             FROM bjb.customer_top3(p_customer) t JOIN bjb.product p ON p.id = t.product_id),
    'last_order', (SELECT jsonb_build_object('id', id, 'number', number, 'status', status,
                                             'placed_at', placed_at, 'total', total)
                   FROM bjb.sales_order WHERE customer_id = p_customer
                   ORDER BY placed_at DESC, id DESC LIMIT 1));
END
$$;

---------------------------------------------------------------------------------------------
-- Small helpers without a SET clause
---------------------------------------------------------------------------------------------

-- A SET clause makes every call switch the search_path twice, and keeps a SQL function from
-- being inlined. These two are IMMUTABLE, not SECURITY DEFINER, use only pg_catalog, and are
-- called (or inlined) only inside definer functions whose search_path is pinned, so they
-- need none: bjb.order_counts now inlines into the stats triggers (two calls per order) and
-- bjb.is_birthday (same body as 0001; tests/mutation/mutants.txt mutates it here) costs a
-- plain call per quote.
CREATE OR REPLACE FUNCTION bjb.order_counts(p_status bjb.order_status) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_status IN ('paid', 'shipped', 'completed')
$$;

-- Jakarta is the business's clock: birthdays and "today" follow it, not UTC.
CREATE OR REPLACE FUNCTION bjb.is_birthday(p_birth date, p_at timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  WITH d AS (SELECT (p_at AT TIME ZONE 'Asia/Jakarta')::date AS today)
  SELECT p_birth IS NOT NULL AND (
           (extract(month FROM p_birth), extract(day FROM p_birth))
             = (extract(month FROM today), extract(day FROM today))
           -- A 29 February birthday is celebrated on 28 February in other years.
           OR (extract(month FROM p_birth) = 2 AND extract(day FROM p_birth) = 29
               AND extract(month FROM today) = 2 AND extract(day FROM today) = 28
               AND extract(day FROM (date_trunc('month', today) + interval '1 month - 1 day')) = 28))
  FROM d
$$;


---------------------------------------------------------------------------------------------
-- Checkout
---------------------------------------------------------------------------------------------

-- As in 0001, in one query: the login's pg_roles row, its active staff row and its group.
-- Every contract function asks this first, so it is on the path of every checkout.
CREATE OR REPLACE FUNCTION bjb.caller_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN r.rolsuper THEN 'admin'
    WHEN s.login IS NULL THEN NULL
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_admin', 'MEMBER') THEN 'admin'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_cs', 'MEMBER') THEN 'cs'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_courier', 'MEMBER') THEN 'courier'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_worker', 'MEMBER') THEN 'worker'
  END
  FROM pg_catalog.pg_roles r
  LEFT JOIN bjb.staff s ON s.login = session_user::text AND s.active
  WHERE r.rolname = session_user
$$;

-- As in 0005 (every rule kept, in the same order), cheaper per call:
-- * plan_cache_mode = force_generic_plan (here and on bjb.compute_quote): plpgsql's plan
--   cache kept re-planning the quote's candidate query for every call, because each call's
--   custom plan looked cheaper than the generic one (half of compute_quote's time);
-- * the two settings in one query, the order id from its sequence by name;
-- * one statement for the stock, the ledger rows and the low-stock events (was a loop with
--   a statement per line), and the status history and the event inserted directly instead
--   of through bjb.record_status / bjb.emit_event (each a function call with its own
--   search_path switch): the rows are the same, and the event triggers still fire.
CREATE OR REPLACE FUNCTION bjb.place_order(p_customer bigint, p_items jsonb, p_delivery text,
                                           p_address text, p_shipping_cost bigint,
                                           p_request_id uuid)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s'
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_id        bigint;
  v_number    text;
  v_quote     jsonb;
  v_short     jsonb;
  v_status    text;
  v_low       int;
  v_window    interval;
  v_shipping  bigint := coalesce(p_shipping_cost, 0);
  v_address   text := nullif(btrim(p_address), '');
  v_now       timestamptz := pg_catalog.now();
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

  v_quote := bjb.compute_quote(p_customer, p_items, v_now);

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

  SELECT max((value #>> '{}')::int) FILTER (WHERE key = 'low_stock_threshold'),
         max((value #>> '{}')::interval) FILTER (WHERE key = 'payment_window')
  INTO v_low, v_window
  FROM bjb.setting WHERE key IN ('low_stock_threshold', 'payment_window');

  v_id := pg_catalog.nextval('bjb.sales_order_id_seq'::pg_catalog.regclass);
  v_number := pg_catalog.format('BJB-%s-%s',
                                pg_catalog.to_char(v_now AT TIME ZONE 'Asia/Jakarta', 'YYMMDD'),
                                -- lpad cuts longer strings: past id 999999 keep every digit
                                pg_catalog.lpad(v_id::text, greatest(6, length(v_id::text)), '0'));

  INSERT INTO bjb.sales_order (id, number, customer_id, status, delivery, address, shipping_cost,
                               subtotal, discount_total, total, request_id, placed_at,
                               payment_due_at, created_by)
  VALUES (v_id, v_number, p_customer, 'pending_payment', p_delivery, v_address, v_shipping,
          (v_quote ->> 'subtotal')::bigint, (v_quote ->> 'discount_total')::bigint,
          (v_quote ->> 'total')::bigint + v_shipping, p_request_id, v_now,
          v_now + v_window, session_user);

  INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal,
                              discount_percent, discount_amount, rule, rule_id, reason, total)
  SELECT v_id, (l ->> 'line_no')::int, (l ->> 'product_id')::bigint, (l ->> 'qty')::int,
         (l ->> 'unit_price')::bigint, (l ->> 'subtotal')::bigint,
         (l ->> 'discount_percent')::int, (l ->> 'discount_amount')::bigint,
         l ->> 'rule', (l ->> 'rule_id')::bigint, l ->> 'reason', (l ->> 'total')::bigint
  FROM jsonb_array_elements(v_quote -> 'lines') l;

  -- The stock goes down by each line, each line gets its ledger row, and a product that
  -- crosses the low-stock threshold gets its event (in product id order, after every lock).
  WITH moved AS (
    UPDATE bjb.product p SET stock = p.stock - l.qty
    FROM (SELECT (l ->> 'product_id')::bigint AS product_id, (l ->> 'qty')::int AS qty
          FROM jsonb_array_elements(v_quote -> 'lines') l) l
    WHERE p.id = l.product_id
    RETURNING p.id, p.name, p.stock, p.stock + l.qty AS old_stock
  ),
  ledger AS (
    INSERT INTO bjb.stock_movement (product_id, delta, reason, order_id)
    SELECT m.id, m.stock - m.old_stock, 'order', v_id FROM moved m
  )
  INSERT INTO bjb.event (kind, product_id, audience_role, details)
  SELECT 'stock_low', m.id, 'admin', jsonb_build_object('name', m.name, 'stock', m.stock)
  FROM moved m
  WHERE m.stock <= v_low AND m.old_stock > v_low
  ORDER BY m.id;

  INSERT INTO bjb.order_status_history (order_id, status, actor, note)
  VALUES (v_id, 'pending_payment', session_user, NULL);
  INSERT INTO bjb.event (kind, order_id, customer_id, audience_role, details)
  VALUES ('order_placed', v_id, p_customer, 'cs',
          jsonb_build_object('number', v_number, 'total', (v_quote ->> 'total')::bigint + v_shipping));
  RETURN v_id;
EXCEPTION WHEN lock_not_available THEN
  -- Another transaction still holds a product, the customer or this request (one left open
  -- in psql, say): say so instead of waiting for it. Nothing of this order was kept.
  RAISE EXCEPTION USING ERRCODE = 'BJ013',
    MESSAGE = 'Stok atau data pelanggan sedang dipakai transaksi lain yang belum selesai; '
              'pesanan belum dibuat. Coba lagi sebentar lagi.';
END
$$;

ALTER FUNCTION bjb.compute_quote(bigint, jsonb, timestamptz) SET plan_cache_mode = force_generic_plan;

---------------------------------------------------------------------------------------------
-- Customers page: a count that stops
---------------------------------------------------------------------------------------------

-- How many customers the filters of bjb.search_customers match, counting at most p_cap + 1
-- of them (NULL: all). Per keystroke the customers page asks for at most 1 000 and shows
-- "more than 1.000" beyond: a common fragment ("yahoo.co", 16 000 customers) then costs a
-- thousand index entries instead of a bitmap heap scan of every match.
CREATE FUNCTION bjb.count_customers_upto(p_query text, p_status text, p_loyal boolean,
                                         p_product bigint, p_birthday_days int, p_cap int)
RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_seqscan text := current_setting('enable_seqscan');
  v_filter  record;
  v_n       bigint;
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  IF p_cap IS NOT NULL AND p_cap < 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Batas hitungan pelanggan harus lebih dari nol.';
  END IF;
  v_filter := bjb.customer_filter_sql(p_query, p_status, p_loyal, p_product, p_birthday_days);
  PERFORM set_config('enable_seqscan', 'off', true);
  EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM bjb.customer c'
          || CASE WHEN p_loyal IS NOT NULL THEN ' JOIN bjb.customer_stats s ON s.customer_id = c.id' ELSE '' END
          || ' WHERE true' || coalesce(' AND ' || v_filter.text_sql, '') || v_filter.narrow_sql
          || v_filter.filter_sql || ' LIMIT $12) x'
    INTO v_n
    USING v_filter.pattern, v_filter.phone_pattern, p_status,
          bjb.setting_bigint('loyalty_threshold'), p_product,
          bjb.birthday_keys((pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date, p_birthday_days),
          NULL::text, NULL::bigint, NULL::int, NULL::date, v_filter.prefix_pattern,
          p_cap::bigint + 1;
  PERFORM set_config('enable_seqscan', v_seqscan, true);
  RETURN v_n;
END
$$;

-- As in 0003 (every match counted), now the same query without a cap.
CREATE OR REPLACE FUNCTION bjb.count_customers(p_query text, p_status text, p_loyal boolean,
                                               p_product bigint, p_birthday_days int)
RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT bjb.count_customers_upto(p_query, p_status, p_loyal, p_product, p_birthday_days, NULL)
$$;

-- As in 0003, with one change: when the fragment matches many customers (the walk in sort
-- order), sorting is off for the page query too.
CREATE OR REPLACE FUNCTION bjb.search_customers(p_query text, p_status text, p_loyal boolean,
                                                p_product bigint, p_birthday_days int, p_sort text,
                                                p_after jsonb, p_limit int)
RETURNS TABLE (id bigint, name text, phone text, email text, address text, status text,
               birth_date date, created_at timestamptz, total_spend bigint, order_count int,
               last_order_at timestamptz, loyal boolean, days_to_birthday int, sort_key text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_seqscan   text := current_setting('enable_seqscan');
  v_hashjoin  text := current_setting('enable_hashjoin');
  v_mergejoin text := current_setting('enable_mergejoin');
  v_sortplan  text := current_setting('enable_sort');
  v_text      text;
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
  v_today     date := (pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date;
  v_desc      boolean := left(coalesce(p_sort, 'name'), 1) = '-';
  v_sort      text := ltrim(coalesce(p_sort, 'name'), '-');
  v_filter    record;
  v_keys      numeric[];
  v_key       text;
  v_id        text;
  v_after_id  bigint;
  v_op        text;
  v_dir       text;
  v_from      text;
  v_hits      int := 0;
  v_sql       text;
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  IF p_status IS NOT NULL AND p_status NOT IN ('active', 'inactive') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Status pelanggan tidak dikenal.';
  END IF;
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Jumlah baris per halaman harus 1 sampai 1000.';
  END IF;
  -- The sort column comes from this fixed list only, never from the caller's text.
  v_key := CASE v_sort
             WHEN 'name' THEN 'c.name'
             WHEN 'created_at' THEN 'c.created_at'
             WHEN 'total_spend' THEN 's.total_spend'
           END;
  IF v_key IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Urutan daftar pelanggan tidak dikenal.';
  END IF;
  v_id := CASE WHEN v_sort = 'total_spend' THEN 's.customer_id' ELSE 'c.id' END;
  v_dir := CASE WHEN v_desc THEN ' DESC' ELSE '' END;
  v_op := CASE WHEN v_desc THEN '<' ELSE '>' END;
  v_filter := bjb.customer_filter_sql(p_query, p_status, p_loyal, p_product, p_birthday_days);
  v_keys := bjb.birthday_keys(v_today, p_birthday_days);

  -- The planner cannot see the statistics (above), so the shape of every query below is
  -- chosen here: nested loops over indexes only. Transaction-local and restored at the end,
  -- and not in force for require_role's catalogue lookups.
  PERFORM set_config('enable_seqscan', 'off', true);
  PERFORM set_config('enable_hashjoin', 'off', true);
  PERFORM set_config('enable_mergejoin', 'off', true);

  v_text := v_filter.text_sql;
  -- (A name prefix of one or two letters is always "few": the walk in name order would
  -- have to pass every name before that letter.)
  IF v_text IS NOT NULL AND v_filter.prefix_pattern IS NULL THEN
    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM bjb.customer c WHERE ' || v_text
            || ' LIMIT 3000) x'
      INTO v_hits
      USING v_filter.pattern, v_filter.phone_pattern, NULL::text, NULL::bigint, NULL::bigint,
            NULL::numeric[], NULL::text, NULL::bigint, NULL::int, NULL::date, v_filter.prefix_pattern;
    IF v_hits >= 3000 THEN
      -- Many matches: walk the sort order, one page of them comes soon. The columns are
      -- wrapped so the search indexes are not used for this.
      v_text := replace(replace(replace(v_text, 'c.name', '(c.name || '''')'),
                                'c.email', '(c.email || '''')'), 'c.phone', '(c.phone || '''')');
      v_filter.filter_sql := ' AND ' || v_text || v_filter.filter_sql;
      v_text := NULL;
      -- ... and never sort: blind to the statistics, the planner guesses a few matches for
      -- the wrapped columns and would read every customer to sort them (1.1 s for
      -- "yahoo.co" at 100 000 customers) instead of stopping after one page.
      PERFORM set_config('enable_sort', 'off', true);
    END IF;
  END IF;
  IF v_text IS NOT NULL OR v_filter.narrow_sql <> '' THEN
    -- Few candidates: take them all from their index, then sort.
    v_from := ' FROM (SELECT c.* FROM bjb.customer c WHERE true'
              || coalesce(' AND ' || v_text, '') || v_filter.narrow_sql
              || ' OFFSET 0) c JOIN bjb.customer_stats s ON s.customer_id = c.id WHERE true';
  ELSIF v_sort = 'total_spend' THEN
    -- LATERAL … OFFSET 0 keeps customer_stats outside: its spend index is the sort order.
    v_from := ' FROM bjb.customer_stats s CROSS JOIN LATERAL (SELECT * FROM bjb.customer c'
              ' WHERE c.id = s.customer_id OFFSET 0) c WHERE true';
  ELSE
    v_from := ' FROM bjb.customer c JOIN bjb.customer_stats s ON s.customer_id = c.id WHERE true';
  END IF;

  v_sql := 'SELECT c.id, c.name, c.phone, c.email, c.address, c.status, c.birth_date, c.created_at,'
           ' s.total_spend, s.order_count, s.last_order_at, s.total_spend >= $4,'
           ' bjb.days_to_birthday(c.birth_date, $10), ' || v_key || '::text'
           || v_from || v_filter.filter_sql;
  IF p_after IS NOT NULL THEN
    v_after_id := (p_after ->> 'id')::bigint;
    -- Row comparison on (key, id): the index (key, id) starts right after the last row.
    v_sql := v_sql || pg_catalog.format(' AND (%s, %s) %s ($7::%s, $8)', v_key, v_id, v_op,
                                        CASE v_sort WHEN 'name' THEN 'text'
                                                    WHEN 'created_at' THEN 'timestamptz'
                                                    ELSE 'bigint' END);
  END IF;
  v_sql := v_sql || ' ORDER BY ' || v_key || v_dir || ', ' || v_id || v_dir || ' LIMIT $9';

  RETURN QUERY EXECUTE v_sql
    USING v_filter.pattern, v_filter.phone_pattern, p_status, v_threshold, p_product,
          v_keys, p_after ->> 'key', v_after_id, p_limit, v_today, v_filter.prefix_pattern;
  PERFORM set_config('enable_seqscan', v_seqscan, true);
  PERFORM set_config('enable_hashjoin', v_hashjoin, true);
  PERFORM set_config('enable_mergejoin', v_mergejoin, true);
  PERFORM set_config('enable_sort', v_sortplan, true);
END
$$;

---------------------------------------------------------------------------------------------
-- Privileges, backfill
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION bjb.customer_product_stats_add(bigint, int, timestamptz, bigint[], bigint[]),
                       bjb.sales_order_product_stats(), bjb.order_line_product_stats(),
                       bjb.rebuild_customer_product_stats(),
                       bjb.count_customers_upto(text, text, boolean, bigint, int, int)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.count_customers_upto(text, text, boolean, bigint, int, int)
  TO bjb_admin, bjb_cs;

SELECT bjb.rebuild_customer_product_stats();

INSERT INTO bjb.schema_migration (version, name) VALUES (12, '0012_checkout_speed');

COMMIT;
