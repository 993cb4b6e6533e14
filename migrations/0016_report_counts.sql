-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0016_report_counts: the customer reports and the year's best sellers without a pass over
-- 100 000 customers or 400 000 summary rows (issue 11, "Done when": every query < 50 ms at
-- 100 000 customers and 1 000 000 orders).
--
-- Counters kept exact by triggers in the same transaction (INSERT … ON CONFLICT deltas):
--
-- * bjb.customer_status_count (status, loyal, slot, customers): customers per status ×
--   loyal. bjb.report_customer_status() sums at most 64 rows.
-- * bjb.product_preference_count (product_id, loyal, slot, customers): customers preferring
--   a product × loyal. bjb.report_customer_preferences() sums a few rows per product.
-- * bjb.customer_new_month (month, slot, customers): customers per Jakarta month of
--   created_at. bjb.report_new_customers() reads 16 rows a month.
-- * bjb.customer_year (customer_id, year, spend, orders): bjb.customer_month per calendar
--   year, kept by a trigger on customer_month. bjb.report_top_customers() ranks with it.
-- * bjb.sales_month_product (month, product_id, qty, revenue): bjb.sales_day_product per
--   calendar month, kept by a trigger on sales_day_product. A year of best sellers reads
--   12 × ~45 month rows plus the partial months' days instead of 335 × ~45 day rows.
--
-- Hot rows. A checkout must not queue behind another on a counter row, so:
--  * "loyal" is customer_stats.total_spend ≥ the loyalty_threshold setting; the counters
--    move only when a customer's loyal flag, status or preferences actually change (one
--    spend crossing the threshold, a clerk's edit), never on an ordinary order: the
--    trigger on customer_stats has WHEN (old spend <> new spend) and then compares flags.
--  * every counter is split in 16 slots (customer_id % 16), so two customers crossing the
--    threshold, or two new sign-ups, at once rarely share a row; a read sums the slots.
--  * one customer's rows are written in key order (old class before new, products in id
--    order), so two transactions never take them in opposite orders.
--  A change of loyalty_threshold recomputes the loyal-dependent counters in the same
--  transaction (a trigger on bjb.setting), after locking out writes to the counted tables.
--
-- Rebuilds (owner only, as the other bjb.rebuild_*(); seed-demo runs every rebuild_* in name
-- order, and these names sort after the tables they read: rebuild_customer_stats before
-- rebuild_customer_status_count, rebuild_customer_month before rebuild_customer_year,
-- rebuild_sales_summary before rebuild_sales_summary_month):
--   bjb.rebuild_customer_status_count(), bjb.rebuild_product_preference_count(),
--   bjb.rebuild_customer_new_month(), bjb.rebuild_customer_year(),
--   bjb.rebuild_sales_summary_month().
--
-- Report functions keep their 0010/0011 names, arguments and results (contract).
--
-- Run as a superuser after 0015:  psql -v ON_ERROR_STOP=1 -f 0016_report_counts.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Tables (derived: no CHECK, no foreign key, like 0010's; a summary out of step after a bulk
-- load must never make a clerk's edit fail, and a key check would share-lock the customer)
---------------------------------------------------------------------------------------------

CREATE TABLE bjb.customer_status_count (
  status    text NOT NULL,
  loyal     boolean NOT NULL,
  slot      smallint NOT NULL,
  customers bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (status, loyal, slot)
);
COMMENT ON TABLE bjb.customer_status_count IS
  'Customers per status and loyal flag, in 16 slots (customer_id % 16); kept by triggers, see 0016.';

CREATE TABLE bjb.product_preference_count (
  product_id bigint NOT NULL,
  loyal      boolean NOT NULL,
  slot       smallint NOT NULL,
  customers  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, loyal, slot)
);
COMMENT ON TABLE bjb.product_preference_count IS
  'Customers preferring a product, per loyal flag and slot; kept by triggers, see 0016.';

CREATE TABLE bjb.customer_new_month (
  month     date NOT NULL,
  slot      smallint NOT NULL,
  customers bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (month, slot)
);
COMMENT ON TABLE bjb.customer_new_month IS
  'Customers per Jakarta month of created_at and slot; kept by triggers, see 0016.';

CREATE TABLE bjb.customer_year (
  customer_id bigint NOT NULL,
  year        int NOT NULL,
  spend       bigint NOT NULL DEFAULT 0,
  orders      int NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, year)
);
COMMENT ON TABLE bjb.customer_year IS
  'bjb.customer_month summed per calendar year; kept by a trigger on it, see 0016.';
-- Sorted access for the top customers of a year (as customer_month_month_idx for a month).
CREATE INDEX customer_year_year_idx ON bjb.customer_year (year, spend DESC, customer_id);

CREATE TABLE bjb.sales_month_product (
  month      date NOT NULL,
  product_id bigint NOT NULL,
  qty        bigint NOT NULL DEFAULT 0,
  revenue    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (month, product_id)
);
COMMENT ON TABLE bjb.sales_month_product IS
  'bjb.sales_day_product summed per calendar month; kept by a trigger on it, see 0016.';

ALTER TABLE bjb.customer_status_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_status_count FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.product_preference_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.product_preference_count FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_new_month ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_new_month FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_year ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_year FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.sales_month_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.sales_month_product FORCE ROW LEVEL SECURITY;
-- Only the owner (the functions below) reads or writes them: staff read the reports.
CREATE POLICY owner_all ON bjb.customer_status_count TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.product_preference_count TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.customer_new_month TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.customer_year TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.sales_month_product TO bjb_owner USING (true) WITH CHECK (true);
REVOKE ALL ON bjb.customer_status_count, bjb.product_preference_count, bjb.customer_new_month,
  bjb.customer_year, bjb.sales_month_product FROM PUBLIC;

---------------------------------------------------------------------------------------------
-- Customer counters
---------------------------------------------------------------------------------------------

CREATE FUNCTION bjb.report_slot(p_customer bigint) RETURNS smallint
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT (p_customer % 16)::smallint
$$;

-- Loyal as every report and the customer list define it.
CREATE FUNCTION bjb.report_loyal(p_spend bigint) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(p_spend, 0) >= bjb.setting_bigint('loyalty_threshold')
$$;

-- Moves one customer between (status, loyal) classes: p_old_* NULL for a new customer,
-- p_new_* NULL for a deleted one. With p_preferences, the customer's preferred products
-- move between loyal and not loyal too (a loyal flag changed, or the customer comes or
-- goes). Rows in key order: the old class first when it sorts first.
CREATE FUNCTION bjb.report_customer_move(p_customer bigint, p_old_status text,
                                         p_old_loyal boolean, p_new_status text,
                                         p_new_loyal boolean, p_preferences boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_slot smallint := bjb.report_slot(p_customer);
BEGIN
  IF p_old_status IS NOT DISTINCT FROM p_new_status
     AND p_old_loyal IS NOT DISTINCT FROM p_new_loyal THEN
    RETURN;
  END IF;
  INSERT INTO bjb.customer_status_count AS c (status, loyal, slot, customers)
  SELECT d.status, d.loyal, v_slot, d.delta
    FROM (VALUES (p_old_status, p_old_loyal, -1), (p_new_status, p_new_loyal, 1))
         AS d (status, loyal, delta)
   WHERE d.status IS NOT NULL
   ORDER BY d.status, d.loyal
  ON CONFLICT (status, loyal, slot) DO UPDATE SET customers = c.customers + EXCLUDED.customers;
  IF p_preferences AND p_old_loyal IS DISTINCT FROM p_new_loyal THEN
    INSERT INTO bjb.product_preference_count AS c (product_id, loyal, slot, customers)
    SELECT cp.product_id, d.loyal, v_slot, d.delta
      FROM bjb.customer_preference cp
     CROSS JOIN (VALUES (p_old_loyal, -1), (p_new_loyal, 1)) AS d (loyal, delta)
     WHERE cp.customer_id = p_customer AND d.loyal IS NOT NULL
     ORDER BY cp.product_id, d.loyal
    ON CONFLICT (product_id, loyal, slot) DO UPDATE SET customers = c.customers + EXCLUDED.customers;
  END IF;
END
$$;

CREATE FUNCTION bjb.report_new_month_add(p_customer bigint, p_created_at timestamptz,
                                         p_sign int)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO bjb.customer_new_month AS n (month, slot, customers)
  VALUES (bjb.jakarta_month(p_created_at), bjb.report_slot(p_customer), p_sign)
  ON CONFLICT (month, slot) DO UPDATE SET customers = n.customers + EXCLUDED.customers
$$;

CREATE FUNCTION bjb.customer_spend_of(p_customer bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT s.total_spend FROM bjb.customer_stats s WHERE s.customer_id = p_customer
$$;

-- A customer comes, changes status or sign-up date, or goes. The delete is counted BEFORE
-- the row goes: its customer_stats row and its preferences are deleted by cascade after.
CREATE FUNCTION bjb.customer_report_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_loyal boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_loyal := bjb.report_loyal(bjb.customer_spend_of(NEW.id));
    PERFORM bjb.report_customer_move(NEW.id, NULL, NULL, NEW.status, v_loyal, true);
    PERFORM bjb.report_new_month_add(NEW.id, NEW.created_at, 1);
    RETURN NULL;
  END IF;
  v_loyal := bjb.report_loyal(bjb.customer_spend_of(OLD.id));
  IF TG_OP = 'DELETE' THEN
    PERFORM bjb.report_customer_move(OLD.id, OLD.status, v_loyal, NULL, NULL, true);
    PERFORM bjb.report_new_month_add(OLD.id, OLD.created_at, -1);
    RETURN OLD;
  END IF;
  PERFORM bjb.report_customer_move(NEW.id, OLD.status, v_loyal, NEW.status, v_loyal, false);
  IF bjb.jakarta_month(OLD.created_at) <> bjb.jakarta_month(NEW.created_at) THEN
    PERFORM bjb.report_new_month_add(OLD.id, OLD.created_at, -1);
    PERFORM bjb.report_new_month_add(NEW.id, NEW.created_at, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER report_counts AFTER INSERT OR UPDATE OF status, created_at ON bjb.customer
  FOR EACH ROW EXECUTE FUNCTION bjb.customer_report_counts();
CREATE TRIGGER report_counts_delete BEFORE DELETE ON bjb.customer
  FOR EACH ROW EXECUTE FUNCTION bjb.customer_report_counts();

-- Spend changed (a confirmation, a cancel after payment): only a crossing of the threshold
-- moves counters. Ordinary orders (pending: spend unchanged) do not even call this.
-- A crossing locks the customer row (FOR NO KEY UPDATE: place_order's key-share checks do
-- not wait) so that a clerk's save_customer of the same customer, which moves the same
-- counters by the status and preferences it sees, runs wholly before or after: each then
-- reads what the other committed, and no preference or status is counted in a stale class.
CREATE FUNCTION bjb.customer_stats_report_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old boolean := bjb.report_loyal(OLD.total_spend);
  v_new boolean := bjb.report_loyal(NEW.total_spend);
  v_status text;
BEGIN
  IF v_old <> v_new THEN
    SELECT c.status INTO v_status FROM bjb.customer c WHERE c.id = NEW.customer_id
       FOR NO KEY UPDATE;
    IF FOUND THEN
      PERFORM bjb.report_customer_move(NEW.customer_id, v_status, v_old, v_status, v_new, true);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER report_counts AFTER UPDATE OF total_spend ON bjb.customer_stats
  FOR EACH ROW WHEN (OLD.total_spend IS DISTINCT FROM NEW.total_spend)
  EXECUTE FUNCTION bjb.customer_stats_report_counts();

-- A preference added or removed. A cascade from a deleted customer finds no customer: the
-- customer's BEFORE DELETE trigger has already taken its preferences away.
CREATE FUNCTION bjb.customer_preference_report_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE')
     AND EXISTS (SELECT 1 FROM bjb.customer c WHERE c.id = OLD.customer_id) THEN
    INSERT INTO bjb.product_preference_count AS c (product_id, loyal, slot, customers)
    VALUES (OLD.product_id, bjb.report_loyal(bjb.customer_spend_of(OLD.customer_id)),
            bjb.report_slot(OLD.customer_id), -1)
    ON CONFLICT (product_id, loyal, slot) DO UPDATE SET customers = c.customers + EXCLUDED.customers;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO bjb.product_preference_count AS c (product_id, loyal, slot, customers)
    VALUES (NEW.product_id, bjb.report_loyal(bjb.customer_spend_of(NEW.customer_id)),
            bjb.report_slot(NEW.customer_id), 1)
    ON CONFLICT (product_id, loyal, slot) DO UPDATE SET customers = c.customers + EXCLUDED.customers;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER report_counts AFTER INSERT OR DELETE OR UPDATE ON bjb.customer_preference
  FOR EACH ROW EXECUTE FUNCTION bjb.customer_preference_report_counts();

-- Recomputations. The loyal-dependent two lock out every write that moves them (customers,
-- preferences, spend; a checkout waits the few hundred milliseconds) so nothing slips
-- between the count and the triggers; the caller has checked who may run them.
CREATE FUNCTION bjb.recount_customer_status() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  LOCK TABLE bjb.customer, bjb.customer_stats IN SHARE MODE;
  LOCK TABLE bjb.customer_status_count IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_status_count;
  INSERT INTO bjb.customer_status_count (status, loyal, slot, customers)
  SELECT c.status, bjb.report_loyal(s.total_spend), bjb.report_slot(c.id), count(*)
    FROM bjb.customer c LEFT JOIN bjb.customer_stats s ON s.customer_id = c.id
   GROUP BY 1, 2, 3;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;

CREATE FUNCTION bjb.recount_product_preference() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  LOCK TABLE bjb.customer, bjb.customer_preference, bjb.customer_stats IN SHARE MODE;
  LOCK TABLE bjb.product_preference_count IN EXCLUSIVE MODE;
  DELETE FROM bjb.product_preference_count;
  INSERT INTO bjb.product_preference_count (product_id, loyal, slot, customers)
  SELECT cp.product_id, bjb.report_loyal(s.total_spend), bjb.report_slot(cp.customer_id), count(*)
    FROM bjb.customer_preference cp
    LEFT JOIN bjb.customer_stats s ON s.customer_id = cp.customer_id
   GROUP BY 1, 2, 3;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;

-- The threshold moved: who is loyal changes for everyone at once, in this transaction.
CREATE FUNCTION bjb.setting_report_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.recount_customer_status();
  PERFORM bjb.recount_product_preference();
  RETURN NULL;
END
$$;
CREATE TRIGGER report_counts AFTER UPDATE OF value ON bjb.setting
  FOR EACH ROW WHEN (NEW.key = 'loyalty_threshold' AND OLD.value IS DISTINCT FROM NEW.value)
  EXECUTE FUNCTION bjb.setting_report_counts();
CREATE TRIGGER report_counts_key AFTER INSERT OR DELETE ON bjb.setting
  FOR EACH STATEMENT EXECUTE FUNCTION bjb.setting_report_counts();

CREATE FUNCTION bjb.rebuild_customer_status_count() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN bjb.recount_customer_status();
END
$$;

CREATE FUNCTION bjb.rebuild_product_preference_count() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN bjb.recount_product_preference();
END
$$;

CREATE FUNCTION bjb.rebuild_customer_new_month() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.customer IN SHARE MODE;
  LOCK TABLE bjb.customer_new_month IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_new_month;
  INSERT INTO bjb.customer_new_month (month, slot, customers)
  SELECT bjb.jakarta_month(c.created_at), bjb.report_slot(c.id), count(*)
    FROM bjb.customer c GROUP BY 1, 2;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  RETURN v_n;
END
$$;

---------------------------------------------------------------------------------------------
-- Spend per customer per year, sales per month and product: sums of summaries
---------------------------------------------------------------------------------------------

-- customer_month changes only when an order starts or stops counting (0011), so this runs
-- at confirmations and cancels after payment, never at place_order.
CREATE FUNCTION bjb.customer_month_year() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO bjb.customer_year AS y (customer_id, year, spend, orders)
    VALUES (OLD.customer_id, extract(year FROM OLD.month)::int, -OLD.spend, -OLD.orders)
    ON CONFLICT (customer_id, year) DO UPDATE
    SET spend = y.spend + EXCLUDED.spend, orders = y.orders + EXCLUDED.orders;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO bjb.customer_year AS y (customer_id, year, spend, orders)
    VALUES (NEW.customer_id, extract(year FROM NEW.month)::int, NEW.spend, NEW.orders)
    ON CONFLICT (customer_id, year) DO UPDATE
    SET spend = y.spend + EXCLUDED.spend, orders = y.orders + EXCLUDED.orders;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_year AFTER INSERT OR DELETE OR UPDATE ON bjb.customer_month
  FOR EACH ROW EXECUTE FUNCTION bjb.customer_month_year();

CREATE FUNCTION bjb.rebuild_customer_year() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.customer_month IN SHARE MODE;
  LOCK TABLE bjb.customer_year IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_year;
  INSERT INTO bjb.customer_year (customer_id, year, spend, orders)
  SELECT m.customer_id, extract(year FROM m.month)::int, sum(m.spend), sum(m.orders)
    FROM bjb.customer_month m GROUP BY 1, 2;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  ANALYZE bjb.customer_year;
  RETURN v_n;
END
$$;

-- Each sales_day_product row written (in product order, by 0010's upsert) adds its delta to
-- its month's row right after: the same order of locks in every transaction.
CREATE FUNCTION bjb.sales_day_product_month() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO bjb.sales_month_product AS m (month, product_id, qty, revenue)
    VALUES (pg_catalog.date_trunc('month', OLD.day)::date, OLD.product_id, -OLD.qty, -OLD.revenue)
    ON CONFLICT (month, product_id) DO UPDATE
    SET qty = m.qty + EXCLUDED.qty, revenue = m.revenue + EXCLUDED.revenue;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO bjb.sales_month_product AS m (month, product_id, qty, revenue)
    VALUES (pg_catalog.date_trunc('month', NEW.day)::date, NEW.product_id, NEW.qty, NEW.revenue)
    ON CONFLICT (month, product_id) DO UPDATE
    SET qty = m.qty + EXCLUDED.qty, revenue = m.revenue + EXCLUDED.revenue;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sales_month_product AFTER INSERT OR DELETE OR UPDATE ON bjb.sales_day_product
  FOR EACH ROW EXECUTE FUNCTION bjb.sales_day_product_month();

CREATE FUNCTION bjb.rebuild_sales_summary_month() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.sales_day_product IN SHARE MODE;
  LOCK TABLE bjb.sales_month_product IN EXCLUSIVE MODE;
  DELETE FROM bjb.sales_month_product;
  INSERT INTO bjb.sales_month_product (month, product_id, qty, revenue)
  SELECT pg_catalog.date_trunc('month', s.day)::date, s.product_id, sum(s.qty), sum(s.revenue)
    FROM bjb.sales_day_product s GROUP BY 1, 2;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  ANALYZE bjb.sales_month_product;
  RETURN v_n;
END
$$;

-- Quantity and revenue per product of p_from..p_to (Jakarta dates, both included): whole
-- months from sales_month_product, the days of the partial first and last months from
-- sales_day_product. What both best-seller reads aggregate.
CREATE FUNCTION bjb.sales_per_product(p_from date, p_to date)
RETURNS TABLE (product_id bigint, qty bigint, revenue bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH m AS (
    -- m_lo: the first whole month's first day; m_hi: the day after the last whole month.
    SELECT CASE WHEN pg_catalog.date_trunc('month', p_from) = p_from THEN p_from
                ELSE (pg_catalog.date_trunc('month', p_from) + interval '1 month')::date END AS m_lo,
           pg_catalog.date_trunc('month', p_to + 1)::date AS m_hi),
  b AS (
    -- Without a whole month the days cover the range: head to its end, no tail.
    SELECT m.m_lo, m.m_hi,
           CASE WHEN m.m_lo < m.m_hi THEN m.m_lo ELSE p_to + 1 END AS head_end,
           CASE WHEN m.m_lo < m.m_hi THEN m.m_hi ELSE p_to + 1 END AS tail_start
      FROM m),
  rows AS (
    SELECT s.product_id, s.qty, s.revenue
      FROM bjb.sales_month_product s, b
     WHERE s.month >= b.m_lo AND s.month < b.m_hi
    UNION ALL
    SELECT d.product_id, d.qty, d.revenue
      FROM bjb.sales_day_product d, b
     WHERE d.day >= p_from AND d.day < b.head_end
    UNION ALL
    SELECT d.product_id, d.qty, d.revenue
      FROM bjb.sales_day_product d, b
     WHERE d.day >= b.tail_start AND d.day <= p_to)
  SELECT r.product_id, sum(r.qty)::bigint, sum(r.revenue)::bigint
    FROM rows r GROUP BY r.product_id HAVING sum(r.qty) > 0
$$;

---------------------------------------------------------------------------------------------
-- Reads (same names, arguments and results as 0010 / 0011)
---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION bjb.best_sellers(p_from date, p_to date, p_by text DEFAULT 'qty',
                                            p_lim int DEFAULT 10)
RETURNS TABLE (rank int, product_id bigint, product text, unit text, category_id bigint,
               category text, qty bigint, revenue bigint, share numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_range record;
  v_by_qty boolean;
BEGIN
  PERFORM bjb.require_role('admin');
  v_range := bjb.sales_range(p_from, p_to);
  IF p_by IS NULL OR p_by NOT IN ('qty', 'revenue') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ042',
      MESSAGE = 'Urutan produk terlaris harus menurut jumlah (qty) atau pendapatan (revenue).';
  END IF;
  IF p_lim IS NULL OR p_lim NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ043',
      MESSAGE = 'Jumlah produk terlaris yang ditampilkan harus antara 1 dan 100.';
  END IF;
  v_by_qty := p_by = 'qty';
  RETURN QUERY
    WITH per AS (SELECT * FROM bjb.sales_per_product(v_range.r_from, v_range.r_to)),
    total AS (SELECT sum(per.revenue) AS revenue FROM per),
    ranked AS (
      SELECT per.*, pg_catalog.row_number() OVER (
               ORDER BY CASE WHEN v_by_qty THEN per.qty ELSE per.revenue END DESC,
                        CASE WHEN v_by_qty THEN per.revenue ELSE per.qty END DESC,
                        per.product_id) AS rank
        FROM per)
    SELECT r.rank::int, p.id, p.name, p.unit, c.id, c.name, r.qty, r.revenue,
           CASE WHEN t.revenue > 0 THEN pg_catalog.round(r.revenue::numeric / t.revenue, 6)
                ELSE 0 END
      FROM ranked r
      JOIN bjb.product p ON p.id = r.product_id
      JOIN bjb.category c ON c.id = p.category_id
     CROSS JOIN total t
     WHERE r.rank <= p_lim
     ORDER BY r.rank;
END
$$;

CREATE OR REPLACE FUNCTION bjb.best_seller_categories(p_from date, p_to date)
RETURNS TABLE (category_id bigint, category text, products int, qty bigint, unit text,
               revenue bigint, share numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_range record;
BEGIN
  PERFORM bjb.require_role('admin');
  v_range := bjb.sales_range(p_from, p_to);
  RETURN QUERY
    WITH per AS (SELECT * FROM bjb.sales_per_product(v_range.r_from, v_range.r_to)),
    cat AS (
      SELECT p.category_id, count(*)::int AS products, sum(per.qty)::bigint AS qty,
             CASE WHEN count(DISTINCT p.unit) = 1 THEN min(p.unit) END AS unit,
             sum(per.revenue)::bigint AS revenue
        FROM per JOIN bjb.product p ON p.id = per.product_id
       GROUP BY p.category_id),
    total AS (SELECT sum(cat.revenue) AS revenue FROM cat)
    SELECT c.id, c.name, cat.products, cat.qty, cat.unit, cat.revenue,
           CASE WHEN t.revenue > 0 THEN pg_catalog.round(cat.revenue::numeric / t.revenue, 6)
                ELSE 0 END
      FROM cat
      JOIN bjb.category c ON c.id = cat.category_id
     CROSS JOIN total t
     ORDER BY cat.revenue DESC, c.name, c.id;
END
$$;

CREATE OR REPLACE FUNCTION bjb.report_customer_status()
RETURNS TABLE (status text, loyal boolean, customers bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  -- Every (status, loyal) pair, zero included, so the table always has its four rows.
  RETURN QUERY
  SELECT k.status, k.loyal, coalesce(sum(n.customers), 0)::bigint
  FROM (VALUES ('active', true), ('active', false), ('inactive', true), ('inactive', false))
       AS k (status, loyal)
  LEFT JOIN bjb.customer_status_count n ON n.status = k.status AND n.loyal = k.loyal
  GROUP BY k.status, k.loyal
  ORDER BY k.status, k.loyal DESC;
END
$$;

CREATE OR REPLACE FUNCTION bjb.report_new_customers(p_from date, p_to date)
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
  LEFT JOIN (SELECT c.month, sum(c.customers)::bigint AS customers
             FROM bjb.customer_new_month c
             WHERE c.month >= v_from AND c.month <= v_to
             GROUP BY 1) n ON n.month = m::date
  ORDER BY 1;
END
$$;

CREATE OR REPLACE FUNCTION bjb.report_customer_preferences()
RETURNS TABLE (product_id bigint, product_name text, category text, customers bigint,
               loyal_customers bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN QUERY
  SELECT p.id, p.name, cat.name, n.customers, n.loyal_customers
  FROM (SELECT c.product_id, sum(c.customers)::bigint AS customers,
               coalesce(sum(c.customers) FILTER (WHERE c.loyal), 0)::bigint AS loyal_customers
        FROM bjb.product_preference_count c
        GROUP BY c.product_id
        HAVING sum(c.customers) > 0) n
  JOIN bjb.product p ON p.id = n.product_id
  JOIN bjb.category cat ON cat.id = p.category_id
  ORDER BY 4 DESC, p.name, p.id;
END
$$;

-- The biggest spenders of the months from..to, exact, without summing every customer's
-- months: Fagin's threshold algorithm over sorted lists, one per whole calendar year inside
-- the range (customer_year_year_idx) and one per remaining month (customer_month_month_idx).
-- Each round takes the top `depth` customers of every list, sums each candidate's months of
-- the range exactly (its primary-key range in customer_month) and keeps the best p_limit.
-- A customer not among any list's top `depth` has at most the depth-th value in each list,
-- so at most their sum, the bound: when the last kept spend is above the bound (or the
-- bound is 0: every list is exhausted) nobody unseen can enter or tie. Else depth × 4.
-- The spend is so skewed (a few builders buy most) that one round usually decides; past
-- 16 384 per list the plain sum of 0011 is cheaper and answers instead.
-- A year counts as one list only when the range covers every month of it holding rows.
CREATE OR REPLACE FUNCTION bjb.report_top_customers(p_from date, p_to date, p_limit int)
RETURNS TABLE (customer_id bigint, name text, phone text, spend bigint, orders bigint,
               loyal boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_threshold bigint := bjb.setting_bigint('loyalty_threshold');
  v_k      int := coalesce(p_limit, 1000);
  v_lo     date;
  v_hi     date;
  v_a      date;
  v_b      date;
  v_months date[] := '{}';
  v_years  int[] := '{}';
  v_depth  int;
  v_bound  bigint;
  v_ids    bigint[];
  v_spend  bigint[];
  v_orders bigint[];
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.report_check_months(p_from, p_to);
  PERFORM bjb.report_check_limit(p_limit);
  v_lo := pg_catalog.date_trunc('month', p_from)::date;
  v_hi := pg_catalog.date_trunc('month', p_to)::date;
  v_depth := greatest(64, 2 * v_k);

  FOR y IN extract(year FROM v_lo)::int .. extract(year FROM v_hi)::int LOOP
    v_a := greatest(v_lo, pg_catalog.make_date(y, 1, 1));
    v_b := least(v_hi, pg_catalog.make_date(y, 12, 1));
    IF NOT EXISTS (SELECT 1 FROM bjb.customer_month m
                    WHERE m.month >= pg_catalog.make_date(y, 1, 1) AND m.month < v_a)
       AND NOT EXISTS (SELECT 1 FROM bjb.customer_month m
                        WHERE m.month > v_b AND m.month <= pg_catalog.make_date(y, 12, 1)) THEN
      v_years := v_years || y;
    ELSE
      v_months := v_months || ARRAY(SELECT g::date FROM pg_catalog.generate_series(
                                      v_a::timestamp, v_b::timestamp, interval '1 month') g);
    END IF;
  END LOOP;

  LOOP
    IF v_depth > 16384 THEN
      SELECT pg_catalog.array_agg(t.customer_id ORDER BY t.spend DESC, t.customer_id),
             pg_catalog.array_agg(t.spend ORDER BY t.spend DESC, t.customer_id),
             pg_catalog.array_agg(t.orders ORDER BY t.spend DESC, t.customer_id)
        INTO v_ids, v_spend, v_orders
        FROM (SELECT m.customer_id, sum(m.spend)::bigint AS spend, sum(m.orders)::bigint AS orders
                FROM bjb.customer_month m
               WHERE m.month BETWEEN v_lo AND v_hi
               GROUP BY m.customer_id
              HAVING sum(m.spend) > 0
               ORDER BY 2 DESC, 1
               LIMIT v_k) t;
      EXIT;
    END IF;

    WITH cand AS (
      SELECT t.customer_id
        FROM pg_catalog.unnest(v_months) AS l (month)
       CROSS JOIN LATERAL (SELECT m.customer_id FROM bjb.customer_month m
                            WHERE m.month = l.month
                            ORDER BY m.spend DESC, m.customer_id LIMIT v_depth) t
      UNION
      SELECT t.customer_id
        FROM pg_catalog.unnest(v_years) AS l (year)
       CROSS JOIN LATERAL (SELECT y.customer_id FROM bjb.customer_year y
                            WHERE y.year = l.year
                            ORDER BY y.spend DESC, y.customer_id LIMIT v_depth) t),
    exact AS (
      SELECT c.customer_id, s.spend, s.orders
        FROM cand c
       CROSS JOIN LATERAL (SELECT sum(m.spend)::bigint AS spend, sum(m.orders)::bigint AS orders
                             FROM bjb.customer_month m
                            WHERE m.customer_id = c.customer_id
                              AND m.month >= v_lo AND m.month <= v_hi) s
       WHERE s.spend > 0
       ORDER BY s.spend DESC, c.customer_id
       LIMIT v_k)
    SELECT pg_catalog.array_agg(e.customer_id ORDER BY e.spend DESC, e.customer_id),
           pg_catalog.array_agg(e.spend ORDER BY e.spend DESC, e.customer_id),
           pg_catalog.array_agg(e.orders ORDER BY e.spend DESC, e.customer_id)
      INTO v_ids, v_spend, v_orders
      FROM exact e;

    SELECT coalesce(sum(greatest(x.spend, 0)), 0) INTO v_bound
      FROM (SELECT (SELECT m.spend FROM bjb.customer_month m WHERE m.month = l.month
                     ORDER BY m.spend DESC, m.customer_id OFFSET v_depth - 1 LIMIT 1) AS spend
              FROM pg_catalog.unnest(v_months) AS l (month)
            UNION ALL
            SELECT (SELECT y.spend FROM bjb.customer_year y WHERE y.year = l.year
                     ORDER BY y.spend DESC, y.customer_id OFFSET v_depth - 1 LIMIT 1)
              FROM pg_catalog.unnest(v_years) AS l (year)) x;

    EXIT WHEN v_bound <= 0
           OR (coalesce(pg_catalog.array_length(v_ids, 1), 0) >= v_k AND v_spend[v_k] > v_bound);
    v_depth := v_depth * 4;
  END LOOP;

  RETURN QUERY
  SELECT t.id, c.name, c.phone, t.spend, t.orders, coalesce(s.total_spend, 0) >= v_threshold
    FROM unnest(v_ids, v_spend, v_orders) WITH ORDINALITY AS t (id, spend, orders, n)
    JOIN bjb.customer c ON c.id = t.id
    LEFT JOIN bjb.customer_stats s ON s.customer_id = t.id
   ORDER BY t.n;
END
$$;

---------------------------------------------------------------------------------------------
-- Grants: nothing new for staff (the reports keep their 0010/0011 grants)
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION bjb.report_slot(bigint), bjb.report_loyal(bigint),
  bjb.report_customer_move(bigint, text, boolean, text, boolean, boolean),
  bjb.report_new_month_add(bigint, timestamptz, int), bjb.customer_spend_of(bigint),
  bjb.customer_report_counts(), bjb.customer_stats_report_counts(),
  bjb.customer_preference_report_counts(), bjb.recount_customer_status(),
  bjb.recount_product_preference(), bjb.setting_report_counts(),
  bjb.rebuild_customer_status_count(), bjb.rebuild_product_preference_count(),
  bjb.rebuild_customer_new_month(), bjb.customer_month_year(), bjb.rebuild_customer_year(),
  bjb.sales_day_product_month(), bjb.rebuild_sales_summary_month(),
  bjb.sales_per_product(date, date)
  FROM PUBLIC;

-- Backfill: the triggers only see changes from now on.
SELECT bjb.recount_customer_status(), bjb.recount_product_preference(),
       bjb.rebuild_customer_new_month(), bjb.rebuild_customer_year(),
       bjb.rebuild_sales_summary_month();

INSERT INTO bjb.schema_migration (version, name) VALUES (16, '0016_report_counts');

COMMIT;
