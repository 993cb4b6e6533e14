-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0011_reports: the admin's customer and transaction reports (issue 11 #3, #4).
--
-- Every function is SECURITY DEFINER (it reads bjb.customer_month, which no staff login may
-- read directly), STABLE, checks the caller with bjb.require_role('admin') and raises
-- BJ045 (a date range whose end is before its start) or BJ046 (a filter the report does not
-- know) with an Indonesian sentence.
--
--  * bjb.customer_month: per customer per Jakarta month of placed_at, the spend and the count
--    of its paid/shipped/completed orders, kept by a trigger on bjb.sales_order with
--    INSERT … ON CONFLICT deltas (two checkouts of one customer add, never overwrite), so
--    "top customers of a period" reads a few thousand summary rows, not a million orders.
--    bjb.rebuild_customer_month() recomputes it (after the bulk seed, which skips triggers).
--  * bjb.report_customer_status(): customers by status and loyal / not loyal.
--  * bjb.report_new_customers(from, to): new customers per Jakarta month, every month of the
--    range (zero months included).
--  * bjb.report_top_customers(from, to, limit): the biggest spenders of the months from..to.
--  * bjb.report_customer_preferences(): per product, how many customers prefer it.
--  * bjb.report_lapsed_customers(days, after_at, after_id, limit): active customers whose
--    last order is more than N days old, most recent first, keyset-paged (to call back).
--  * bjb.transaction_report(filters…, after_placed, after_id, limit) and
--    bjb.transaction_report_totals(filters…): the orders with customer, items, amounts,
--    status, courier and dates, newest first, keyset-paged; and the totals of the same set.
BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Spend per customer per month
---------------------------------------------------------------------------------------------

CREATE TABLE bjb.customer_month (
  customer_id bigint NOT NULL REFERENCES bjb.customer ON DELETE CASCADE,
  -- The first day of the Jakarta month the orders were placed in.
  month       date NOT NULL CHECK (extract(day FROM month) = 1),
  -- Same definition as bjb.customer_stats.total_spend: orders in paid, shipped, completed.
  spend       bigint NOT NULL DEFAULT 0 CHECK (spend >= 0),
  orders      int NOT NULL DEFAULT 0 CHECK (orders >= 0),
  PRIMARY KEY (customer_id, month)
);
COMMENT ON TABLE bjb.customer_month IS
  'Derived from bjb.sales_order by triggers; never written by staff.';
CREATE INDEX customer_month_month_idx ON bjb.customer_month (month, spend DESC, customer_id);

ALTER TABLE bjb.customer_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_month FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON bjb.customer_month TO bjb_owner USING (true) WITH CHECK (true);
REVOKE ALL ON bjb.customer_month FROM PUBLIC;

-- "Not ordered for N days" walks this index from the cut-off down.
CREATE INDEX customer_stats_last_order_idx ON bjb.customer_stats (last_order_at DESC, customer_id DESC)
  WHERE last_order_at IS NOT NULL;

CREATE FUNCTION bjb.jakarta_month(p_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT pg_catalog.date_trunc('month', p_at AT TIME ZONE 'Asia/Jakarta')::date
$$;

-- Adds one order's contribution (p_sign = 1) or takes it away (p_sign = -1). Orders that do
-- not count add nothing and write nothing.
CREATE FUNCTION bjb.customer_month_add(p_customer bigint, p_sign int, p_status bjb.order_status,
                                       p_total bigint, p_placed_at timestamptz)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT bjb.order_counts(p_status) THEN
    RETURN;
  END IF;
  -- A row's CHECKs apply to the proposed row before ON CONFLICT looks: a negative delta
  -- would fail them. Taking away, the row is there (the order was added to it), so update.
  IF p_sign < 0 THEN
    UPDATE bjb.customer_month
    SET spend = spend - p_total, orders = orders - 1
    WHERE customer_id = p_customer AND month = bjb.jakarta_month(p_placed_at);
    RETURN;
  END IF;
  INSERT INTO bjb.customer_month AS m (customer_id, month, spend, orders)
  VALUES (p_customer, bjb.jakarta_month(p_placed_at), p_total, 1)
  ON CONFLICT (customer_id, month) DO UPDATE
  SET spend = m.spend + EXCLUDED.spend, orders = m.orders + EXCLUDED.orders;
END
$$;

CREATE FUNCTION bjb.sales_order_customer_month() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  -- paid → shipped → completed keeps an order counted in the same month: nothing to do.
  IF TG_OP = 'UPDATE' AND bjb.order_counts(OLD.status) = bjb.order_counts(NEW.status)
     AND OLD.customer_id = NEW.customer_id AND OLD.total = NEW.total
     AND bjb.jakarta_month(OLD.placed_at) = bjb.jakarta_month(NEW.placed_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bjb.customer_month_add(OLD.customer_id, -1, OLD.status, OLD.total, OLD.placed_at);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM bjb.customer_month_add(NEW.customer_id, 1, NEW.status, NEW.total, NEW.placed_at);
  END IF;
  RETURN NULL;
END
$$;
-- Only the columns the summary depends on: a courier note or a feedback does not fire it.
CREATE TRIGGER customer_month AFTER INSERT OR DELETE OR UPDATE OF customer_id, status, total, placed_at
  ON bjb.sales_order FOR EACH ROW EXECUTE FUNCTION bjb.sales_order_customer_month();

-- Recomputes every row from bjb.sales_order (the backfill below; after a bulk load that ran
-- with session_replication_role = replica). Order changes wait while it counts.
CREATE FUNCTION bjb.rebuild_customer_month() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.sales_order IN SHARE ROW EXCLUSIVE MODE;
  LOCK TABLE bjb.customer_month IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_month;
  INSERT INTO bjb.customer_month (customer_id, month, spend, orders)
  SELECT o.customer_id, bjb.jakarta_month(o.placed_at), sum(o.total), count(*)
  FROM bjb.sales_order o
  WHERE bjb.order_counts(o.status)
  GROUP BY 1, 2;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  ANALYZE bjb.customer_month;
  RETURN v_n;
END
$$;

---------------------------------------------------------------------------------------------
-- Checks shared by the reports
---------------------------------------------------------------------------------------------

CREATE FUNCTION bjb.report_check_range(p_from date, p_to date) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_from IS NOT NULL AND p_to IS NOT NULL AND p_from > p_to THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ045',
      MESSAGE = pg_catalog.format('Tanggal awal (%s) tidak boleh sesudah tanggal akhir (%s).',
                                  pg_catalog.to_char(p_from, 'DD-MM-YYYY'),
                                  pg_catalog.to_char(p_to, 'DD-MM-YYYY'));
  END IF;
END
$$;

CREATE FUNCTION bjb.report_filter_error(p_message text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'BJ046', MESSAGE = p_message;
END
$$;

-- The months reports: both ends given, in order, at most 10 years apart.
CREATE FUNCTION bjb.report_check_months(p_from date, p_to date) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL THEN
    PERFORM bjb.report_filter_error('Pilih bulan awal dan bulan akhir.');
  END IF;
  PERFORM bjb.report_check_range(p_from, p_to);
  IF p_to > p_from + interval '10 years' THEN
    PERFORM bjb.report_filter_error('Rentang paling panjang 10 tahun.');
  END IF;
END
$$;

-- A page of at most 1000 rows; NULL is every row (the export's cursor).
CREATE FUNCTION bjb.report_check_limit(p_limit int) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_limit IS NOT NULL AND (p_limit < 1 OR p_limit > 1000) THEN
    PERFORM bjb.report_filter_error('Jumlah baris per halaman harus antara 1 dan 1000.');
  END IF;
END
$$;

---------------------------------------------------------------------------------------------
-- Customer reports
---------------------------------------------------------------------------------------------

CREATE FUNCTION bjb.report_customer_status()
RETURNS TABLE (status text, loyal boolean, customers bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
BEGIN
  PERFORM bjb.require_role('admin');
  -- Every (status, loyal) pair, zero included, so the table always has its four rows.
  RETURN QUERY
  SELECT k.status, k.loyal, coalesce(n.customers, 0)
  FROM (VALUES ('active', true), ('active', false), ('inactive', true), ('inactive', false))
       AS k (status, loyal)
  LEFT JOIN (SELECT c.status, coalesce(s.total_spend, 0) >= v_threshold AS loyal,
                    count(*) AS customers
             FROM bjb.customer c LEFT JOIN bjb.customer_stats s ON s.customer_id = c.id
             GROUP BY 1, 2) n ON n.status = k.status AND n.loyal = k.loyal
  ORDER BY k.status, k.loyal DESC;
END
$$;

CREATE FUNCTION bjb.report_new_customers(p_from date, p_to date)
RETURNS TABLE (month date, customers bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_from date := date_trunc('month', p_from)::date;
  v_to   date := date_trunc('month', p_to)::date;
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.report_check_months(p_from, p_to);
  RETURN QUERY
  SELECT m::date, coalesce(n.customers, 0)
  FROM generate_series(v_from, v_to, interval '1 month') m
  LEFT JOIN (SELECT bjb.jakarta_month(c.created_at) AS month, count(*) AS customers
             FROM bjb.customer c
             WHERE c.created_at >= (v_from::timestamp AT TIME ZONE 'Asia/Jakarta')
               AND c.created_at < ((v_to + interval '1 month')::timestamp AT TIME ZONE 'Asia/Jakarta')
             GROUP BY 1) n ON n.month = m::date
  ORDER BY 1;
END
$$;

-- Whole months: p_from and p_to name the first and the last month (any day of them).
CREATE FUNCTION bjb.report_top_customers(p_from date, p_to date, p_limit int)
RETURNS TABLE (customer_id bigint, name text, phone text, spend bigint, orders bigint,
               loyal boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.report_check_months(p_from, p_to);
  PERFORM bjb.report_check_limit(p_limit);
  RETURN QUERY
  SELECT t.customer_id, c.name, c.phone, t.spend, t.orders,
         coalesce(s.total_spend, 0) >= v_threshold
  FROM (SELECT m.customer_id, sum(m.spend)::bigint AS spend, sum(m.orders)::bigint AS orders
        FROM bjb.customer_month m
        WHERE m.month BETWEEN date_trunc('month', p_from)::date AND date_trunc('month', p_to)::date
        GROUP BY m.customer_id
        HAVING sum(m.spend) > 0
        ORDER BY 2 DESC, 1
        LIMIT coalesce(p_limit, 1000)) t
  JOIN bjb.customer c ON c.id = t.customer_id
  LEFT JOIN bjb.customer_stats s ON s.customer_id = t.customer_id
  ORDER BY t.spend DESC, t.customer_id;
END
$$;

CREATE FUNCTION bjb.report_customer_preferences()
RETURNS TABLE (product_id bigint, product_name text, category text, customers bigint,
               loyal_customers bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN QUERY
  SELECT p.id, p.name, cat.name, count(cp.customer_id),
         count(cp.customer_id) FILTER (WHERE s.total_spend >= v_threshold)
  FROM bjb.product p
  JOIN bjb.category cat ON cat.id = p.category_id
  LEFT JOIN bjb.customer_preference cp ON cp.product_id = p.id
  LEFT JOIN bjb.customer_stats s ON s.customer_id = cp.customer_id
  GROUP BY p.id, p.name, cat.name
  HAVING count(cp.customer_id) > 0
  ORDER BY 4 DESC, p.name, p.id;
END
$$;

-- Active customers whose last order (any status) is more than p_days days old, the most
-- recently lapsed first: they are the ones a call most likely brings back.
CREATE FUNCTION bjb.report_lapsed_customers(p_days int, p_after_at timestamptz,
                                            p_after_id bigint, p_limit int)
RETURNS TABLE (customer_id bigint, name text, phone text, last_order_at timestamptz,
               order_count int, total_spend bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_days IS NULL OR p_days < 1 OR p_days > 3650 THEN
    PERFORM bjb.report_filter_error('Jumlah hari harus antara 1 dan 3650.');
  END IF;
  PERFORM bjb.report_check_limit(p_limit);
  RETURN QUERY
  SELECT s.customer_id, c.name, c.phone, s.last_order_at, s.order_count, s.total_spend
  FROM bjb.customer_stats s
  JOIN bjb.customer c ON c.id = s.customer_id
  WHERE s.last_order_at IS NOT NULL
    AND s.last_order_at < pg_catalog.now() - pg_catalog.make_interval(days => p_days)
    AND (p_after_at IS NULL OR (s.last_order_at, s.customer_id) < (p_after_at, p_after_id))
    AND c.status = 'active'
  ORDER BY s.last_order_at DESC, s.customer_id DESC
  LIMIT p_limit;
END
$$;

---------------------------------------------------------------------------------------------
-- Transaction report
---------------------------------------------------------------------------------------------

-- The WHERE of both transaction functions, as fragments over $1..$6 (the values go in with
-- USING, never pasted). Dynamic so each filter combination gets its own plan: a customer's
-- orders through its index, a month through placed_at.
CREATE FUNCTION bjb.transaction_report_where(p_from date, p_to date, p_status text,
                                             p_customer bigint, p_courier text, p_delivery text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_where text[] := ARRAY['true'];
BEGIN
  PERFORM bjb.report_check_range(p_from, p_to);
  IF p_status IS NOT NULL
     AND NOT p_status = ANY (enum_range(NULL::bjb.order_status)::text[]) THEN
    PERFORM bjb.report_filter_error(pg_catalog.format('Status pesanan "%s" tidak dikenal.', p_status));
  END IF;
  IF p_delivery IS NOT NULL AND p_delivery NOT IN ('delivery', 'pickup') THEN
    PERFORM bjb.report_filter_error('Pilih diantar atau diambil sendiri.');
  END IF;
  IF p_from IS NOT NULL THEN
    v_where := v_where || '(o.placed_at >= ($1::timestamp AT TIME ZONE ''Asia/Jakarta''))'::text;
  END IF;
  IF p_to IS NOT NULL THEN
    v_where := v_where || '(o.placed_at < (($2 + 1)::timestamp AT TIME ZONE ''Asia/Jakarta''))'::text;
  END IF;
  IF p_status IS NOT NULL THEN
    v_where := v_where || 'o.status = $3::bjb.order_status'::text;
  END IF;
  IF p_customer IS NOT NULL THEN
    v_where := v_where || 'o.customer_id = $4'::text;
  END IF;
  IF p_courier IS NOT NULL THEN
    v_where := v_where || 'o.courier = $5'::text;
  END IF;
  IF p_delivery IS NOT NULL THEN
    v_where := v_where || 'o.delivery = $6'::text;
  END IF;
  RETURN array_to_string(v_where, ' AND ');
END
$$;

CREATE FUNCTION bjb.transaction_report(p_from date, p_to date, p_status text, p_customer bigint,
                                       p_courier text, p_delivery text,
                                       p_after_placed timestamptz, p_after_id bigint, p_limit int)
RETURNS TABLE (id bigint, number text, placed_at timestamptz, customer_id bigint,
               customer_name text, items text, quantity bigint, subtotal bigint,
               discount_total bigint, shipping_cost bigint, total bigint, status text,
               delivery text, courier text, courier_name text, paid_at timestamptz,
               shipped_at timestamptz, completed_at timestamptz, cancelled_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_where text;
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.report_check_limit(p_limit);
  v_where := bjb.transaction_report_where(p_from, p_to, p_status, p_customer, p_courier, p_delivery);
  IF p_after_placed IS NOT NULL THEN
    v_where := v_where || ' AND (o.placed_at, o.id) < ($7, $8)'::text;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT o.id, o.number, o.placed_at, o.customer_id, c.name, l.items, l.quantity, '
    '       o.subtotal, o.discount_total, o.shipping_cost, o.total, o.status::text, '
    '       o.delivery, o.courier, st.display_name, o.paid_at, o.shipped_at, '
    '       o.completed_at, o.cancelled_at '
    'FROM (SELECT * FROM bjb.sales_order o WHERE ' || v_where ||
    '      ORDER BY o.placed_at DESC, o.id DESC LIMIT $9) o '
    'JOIN bjb.customer c ON c.id = o.customer_id '
    'LEFT JOIN bjb.staff st ON st.login = o.courier '
    'CROSS JOIN LATERAL (SELECT string_agg(p.name || '' × '' || ol.qty, '', '' ORDER BY ol.line_no) AS items, '
    '                           sum(ol.qty)::bigint AS quantity '
    '                    FROM bjb.order_line ol JOIN bjb.product p ON p.id = ol.product_id '
    '                    WHERE ol.order_id = o.id) l '
    'ORDER BY o.placed_at DESC, o.id DESC'
  USING p_from, p_to, p_status, p_customer, p_courier, p_delivery, p_after_placed, p_after_id,
        p_limit;
END
$$;

-- gross = the lines before discounts, net = what the customers pay (gross − discount + shipping).
CREATE FUNCTION bjb.transaction_report_totals(p_from date, p_to date, p_status text,
                                              p_customer bigint, p_courier text, p_delivery text)
RETURNS TABLE (orders bigint, gross bigint, discount bigint, shipping bigint, net bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN QUERY EXECUTE
    'SELECT count(*), coalesce(sum(o.subtotal), 0)::bigint, coalesce(sum(o.discount_total), 0)::bigint, '
    '       coalesce(sum(o.shipping_cost), 0)::bigint, coalesce(sum(o.total), 0)::bigint '
    'FROM bjb.sales_order o WHERE '
    || bjb.transaction_report_where(p_from, p_to, p_status, p_customer, p_courier, p_delivery)
  USING p_from, p_to, p_status, p_customer, p_courier, p_delivery;
END
$$;

---------------------------------------------------------------------------------------------
-- Grants
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION bjb.jakarta_month(timestamptz),
                       bjb.customer_month_add(bigint, int, bjb.order_status, bigint, timestamptz),
                       bjb.sales_order_customer_month(), bjb.rebuild_customer_month(),
                       bjb.report_check_range(date, date), bjb.report_filter_error(text),
                       bjb.report_check_limit(int), bjb.report_check_months(date, date),
                       bjb.report_customer_status(), bjb.report_new_customers(date, date),
                       bjb.report_top_customers(date, date, int),
                       bjb.report_customer_preferences(),
                       bjb.report_lapsed_customers(int, timestamptz, bigint, int),
                       bjb.transaction_report_where(date, date, text, bigint, text, text),
                       bjb.transaction_report(date, date, text, bigint, text, text,
                                              timestamptz, bigint, int),
                       bjb.transaction_report_totals(date, date, text, bigint, text, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.report_customer_status(), bjb.report_new_customers(date, date),
                          bjb.report_top_customers(date, date, int),
                          bjb.report_customer_preferences(),
                          bjb.report_lapsed_customers(int, timestamptz, bigint, int),
                          bjb.transaction_report(date, date, text, bigint, text, text,
                                                 timestamptz, bigint, int),
                          bjb.transaction_report_totals(date, date, text, bigint, text, text)
  TO bjb_admin;

-- Backfill: the trigger only sees changes from now on.
INSERT INTO bjb.customer_month (customer_id, month, spend, orders)
SELECT o.customer_id, bjb.jakarta_month(o.placed_at), sum(o.total), count(*)
FROM bjb.sales_order o
WHERE bjb.order_counts(o.status)
GROUP BY 1, 2;

INSERT INTO bjb.schema_migration (version, name) VALUES (11, '0011_reports');

COMMIT;
