-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0010_sales_summary: what the dashboard and best-seller pages read at a million orders
-- (issue 11 #1, #2, #6), without scanning the order table per view.
--
-- * bjb.sales_day (day, orders, revenue) and bjb.sales_day_product (day, product_id, qty,
--   revenue): sales per Jakarta day and per day and product, kept exact in the same
--   transaction by triggers on bjb.sales_order and bjb.order_line with INSERT … ON CONFLICT
--   DO UPDATE deltas.
--
--   An order counts while it is paid, shipped or completed (bjb.order_counts, as loyalty and
--   customer_stats), on the Jakarta date of its payment (paid_at): "what came in this month"
--   is money confirmed this month, so an order placed on 31 January and paid on 2 February
--   is February's revenue, and a paid order cancelled later leaves the day it was paid on.
--   Revenue of a day is the orders' total (lines after discount + shipping); revenue of a
--   product is its lines' total after discount (shipping belongs to no product).
--
--   Why this shape keeps checkouts fast: a new order is pending_payment, so place_order only
--   pays one primary-key lookup per line in the line trigger; the summary rows are written
--   by confirm_payment and cancel_order (and by completion of nothing: paid → shipped →
--   completed keeps counting). The rows of one order are upserted day first, then products
--   in id order, so two confirmations never deadlock on them.
--
-- * bjb.rebuild_sales_summary(): recomputes both tables (the backfill below, and after a
--   bulk load with session_replication_role = replica, which skips triggers; seed-demo
--   calls every bjb.rebuild_*()). Owner / superuser only: it locks out order writes while
--   it counts, which no staff login may do to the desks.
-- * bjb.dashboard(from, to) → jsonb, bjb.best_sellers(from, to, by, lim),
--   bjb.best_seller_categories(from, to): the pages' reads, admin only.
--
-- Errors: BJ040 a date range whose start is after its end, BJ041 a range longer than ten
-- years, BJ042 a ranking other than 'qty' / 'revenue', BJ043 a limit outside 1–100.
--
-- Run as a superuser after 0009:  psql -v ON_ERROR_STOP=1 -f 0010_sales_summary.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Tables
---------------------------------------------------------------------------------------------

-- No CHECK (>= 0) and no foreign key: these rows are derived. A summary out of step (a bulk
-- load not yet rebuilt) must never make a clerk's cancel fail, and a product key check would
-- take a share lock on a product row a checkout holds.
CREATE TABLE bjb.sales_day (
  day     date PRIMARY KEY,
  orders  int NOT NULL DEFAULT 0,
  revenue bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE bjb.sales_day IS
  'Paid/shipped/completed orders per Jakarta payment date; kept by triggers, see 0010.';

CREATE TABLE bjb.sales_day_product (
  day        date NOT NULL,
  product_id bigint NOT NULL,
  qty        bigint NOT NULL DEFAULT 0,
  revenue    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, product_id)
);
COMMENT ON TABLE bjb.sales_day_product IS
  'Quantity and line revenue per Jakarta payment date and product; kept by triggers, see 0010.';

ALTER TABLE bjb.sales_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.sales_day FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.sales_day_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.sales_day_product FORCE ROW LEVEL SECURITY;
-- Only the owner (the functions below) reads or writes them: staff read the pages' functions.
CREATE POLICY owner_all ON bjb.sales_day TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.sales_day_product TO bjb_owner USING (true) WITH CHECK (true);
REVOKE ALL ON bjb.sales_day, bjb.sales_day_product FROM PUBLIC;

---------------------------------------------------------------------------------------------
-- Maintenance
---------------------------------------------------------------------------------------------

-- The day an order counts on, or NULL while it does not count.
CREATE FUNCTION bjb.sales_day_of(p_status bjb.order_status, p_paid_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN bjb.order_counts(p_status)
              THEN (p_paid_at AT TIME ZONE 'Asia/Jakarta')::date END
$$;

-- Adds one order (p_sign = 1) to p_day or takes it away (-1); with p_lines its lines too
-- (a status change; an inserted order has no lines yet, a deleted one has lost them).
-- This and the trigger functions are SECURITY INVOKER: orders change only inside the
-- owner's SECURITY DEFINER functions (or by a superuser), which is who they then run as.
CREATE FUNCTION bjb.sales_summary_add(p_day date, p_order bigint, p_sign int, p_total bigint,
                                      p_lines boolean)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO bjb.sales_day AS s (day, orders, revenue)
  VALUES (p_day, p_sign, p_sign * p_total)
  ON CONFLICT (day) DO UPDATE
  SET orders = s.orders + EXCLUDED.orders, revenue = s.revenue + EXCLUDED.revenue;
  IF p_lines THEN
    INSERT INTO bjb.sales_day_product AS s (day, product_id, qty, revenue)
    SELECT p_day, l.product_id, p_sign * sum(l.qty), p_sign * sum(l.total)
      FROM bjb.order_line l
     WHERE l.order_id = p_order
     GROUP BY l.product_id
     ORDER BY l.product_id
    ON CONFLICT (day, product_id) DO UPDATE
    SET qty = s.qty + EXCLUDED.qty, revenue = s.revenue + EXCLUDED.revenue;
  END IF;
END
$$;

CREATE FUNCTION bjb.sales_summary_order() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old date;
  v_new date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := bjb.sales_day_of(OLD.status, OLD.paid_at);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := bjb.sales_day_of(NEW.status, NEW.paid_at);
  END IF;
  IF TG_OP = 'UPDATE' AND v_old IS NOT DISTINCT FROM v_new AND OLD.total = NEW.total THEN
    RETURN NULL;      -- shipped, completed, a note: still the same day, same money
  END IF;
  IF v_old IS NOT NULL THEN
    PERFORM bjb.sales_summary_add(v_old, OLD.id, -1, OLD.total, TG_OP = 'UPDATE');
  END IF;
  IF v_new IS NOT NULL THEN
    PERFORM bjb.sales_summary_add(v_new, NEW.id, 1, NEW.total, TG_OP = 'UPDATE');
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sales_summary AFTER INSERT OR DELETE OR UPDATE OF status, paid_at, total
  ON bjb.sales_order FOR EACH ROW EXECUTE FUNCTION bjb.sales_summary_order();

-- place_order writes lines while its order is pending (nothing to add); a repair from psql
-- or a seed may write lines of an order that already counts.
CREATE FUNCTION bjb.sales_summary_line() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_day date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT bjb.sales_day_of(o.status, o.paid_at) INTO v_day
      FROM bjb.sales_order o WHERE o.id = OLD.order_id;
    IF v_day IS NOT NULL THEN
      INSERT INTO bjb.sales_day_product AS s (day, product_id, qty, revenue)
      VALUES (v_day, OLD.product_id, -OLD.qty, -OLD.total)
      ON CONFLICT (day, product_id) DO UPDATE
      SET qty = s.qty + EXCLUDED.qty, revenue = s.revenue + EXCLUDED.revenue;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT bjb.sales_day_of(o.status, o.paid_at) INTO v_day
      FROM bjb.sales_order o WHERE o.id = NEW.order_id;
    IF v_day IS NOT NULL THEN
      INSERT INTO bjb.sales_day_product AS s (day, product_id, qty, revenue)
      VALUES (v_day, NEW.product_id, NEW.qty, NEW.total)
      ON CONFLICT (day, product_id) DO UPDATE
      SET qty = s.qty + EXCLUDED.qty, revenue = s.revenue + EXCLUDED.revenue;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sales_summary AFTER INSERT OR DELETE OR UPDATE OF order_id, product_id, qty, total
  ON bjb.order_line FOR EACH ROW EXECUTE FUNCTION bjb.sales_summary_line();

-- Recomputes both tables from the orders. Locks out order writes while counting so nothing
-- slips between the count and the triggers.
CREATE FUNCTION bjb.rebuild_sales_summary() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.sales_order, bjb.order_line IN SHARE ROW EXCLUSIVE MODE;
  LOCK TABLE bjb.sales_day, bjb.sales_day_product IN EXCLUSIVE MODE;
  DELETE FROM bjb.sales_day;
  DELETE FROM bjb.sales_day_product;
  INSERT INTO bjb.sales_day (day, orders, revenue)
  SELECT bjb.sales_day_of(o.status, o.paid_at), count(*), sum(o.total)
    FROM bjb.sales_order o
   WHERE o.status IN ('paid', 'shipped', 'completed')
   GROUP BY 1;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  INSERT INTO bjb.sales_day_product (day, product_id, qty, revenue)
  SELECT bjb.sales_day_of(o.status, o.paid_at), l.product_id, sum(l.qty), sum(l.total)
    FROM bjb.sales_order o
    JOIN bjb.order_line l ON l.order_id = o.id
   WHERE o.status IN ('paid', 'shipped', 'completed')
   GROUP BY 1, 2;
  ANALYZE bjb.sales_day, bjb.sales_day_product;
  RETURN v_n;
END
$$;

---------------------------------------------------------------------------------------------
-- Reads
---------------------------------------------------------------------------------------------

-- The checks every read shares: a range that starts before it ends and spans at most ten
-- years (the chart has one bar per month of it).
CREATE FUNCTION bjb.check_sales_range(p_from date, p_to date) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_from > p_to THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ040',
      MESSAGE = pg_catalog.format('Tanggal awal %s jatuh setelah tanggal akhir %s.',
                                  pg_catalog.to_char(p_from, 'DD-MM-YYYY'),
                                  pg_catalog.to_char(p_to, 'DD-MM-YYYY'));
  END IF;
  IF p_to - p_from > 3660 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ041',
      MESSAGE = 'Rentang tanggal paling panjang 10 tahun.';
  END IF;
END
$$;

-- The dashboard in one round trip. Range: p_from..p_to (Jakarta dates, both included);
-- NULL p_to is today, NULL p_from the first day of the month five months before p_to's
-- (the last six months). "Today" and "this month" are always the current Jakarta ones.
CREATE FUNCTION bjb.dashboard(p_from date DEFAULT NULL, p_to date DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_now   timestamptz := pg_catalog.now();
  v_today date := (v_now AT TIME ZONE 'Asia/Jakarta')::date;
  v_month date := pg_catalog.date_trunc('month', v_today)::date;
  v_to    date;
  v_from  date;
  v_low   int := bjb.setting_bigint('low_stock_threshold')::int;
  v_out   jsonb;
BEGIN
  PERFORM bjb.require_role('admin');
  v_to := coalesce(p_to, v_today);
  v_from := coalesce(p_from, (pg_catalog.date_trunc('month', v_to) - interval '5 months')::date);
  PERFORM bjb.check_sales_range(v_from, v_to);

  SELECT pg_catalog.jsonb_build_object(
    'today', v_today,
    'from', v_from,
    'to', v_to,
    'revenue_today', coalesce((SELECT d.revenue FROM bjb.sales_day d WHERE d.day = v_today), 0),
    'paid_today', coalesce((SELECT d.orders FROM bjb.sales_day d WHERE d.day = v_today), 0),
    'revenue_month', coalesce((SELECT sum(d.revenue) FROM bjb.sales_day d
                               WHERE d.day >= v_month AND d.day <= v_today), 0),
    'paid_month', coalesce((SELECT sum(d.orders) FROM bjb.sales_day d
                            WHERE d.day >= v_month AND d.day <= v_today), 0),
    -- Every order placed, whatever became of it: a range of sales_order_placed_idx.
    'orders_today', (SELECT count(*) FROM bjb.sales_order o
                     WHERE o.placed_at >= v_today::timestamp AT TIME ZONE 'Asia/Jakarta'),
    'orders_month', (SELECT count(*) FROM bjb.sales_order o
                     WHERE o.placed_at >= v_month::timestamp AT TIME ZONE 'Asia/Jakarta'),
    -- Unpaid orders with a proof that still counts: a clerk has to look at the transfer.
    'awaiting_confirmation',
      (SELECT count(*) FROM bjb.sales_order o
       WHERE o.status = 'pending_payment'
         AND EXISTS (SELECT 1 FROM bjb.photo ph
                     WHERE ph.order_id = o.id AND ph.kind = 'payment_proof'
                       AND NOT EXISTS (SELECT 1 FROM bjb.payment_proof_note n
                                       WHERE n.photo_id = ph.id AND n.rejected_at IS NOT NULL))),
    -- Past their payment window with no proof to look at: the worker expires them next.
    'overdue_unpaid',
      (SELECT count(*) FROM bjb.sales_order o
       WHERE o.status = 'pending_payment' AND o.payment_due_at < v_now
         AND NOT EXISTS (SELECT 1 FROM bjb.photo ph
                         WHERE ph.order_id = o.id AND ph.kind = 'payment_proof'
                           AND NOT EXISTS (SELECT 1 FROM bjb.payment_proof_note n
                                           WHERE n.photo_id = ph.id
                                             AND n.rejected_at IS NOT NULL))),
    'deliveries_under_way', (SELECT count(*) FROM bjb.sales_order o WHERE o.status = 'shipped'),
    -- One entry per calendar month touching the range, zeros included; the first and last
    -- month count only their days inside the range.
    'months', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                        'month', m.month, 'revenue', coalesce(s.revenue, 0),
                        'orders', coalesce(s.orders, 0)) ORDER BY m.month)
               FROM (SELECT g::date AS month
                     FROM pg_catalog.generate_series(pg_catalog.date_trunc('month', v_from),
                                                     v_to, interval '1 month') g) m
               LEFT JOIN (SELECT pg_catalog.date_trunc('month', d.day)::date AS month,
                                 sum(d.revenue) AS revenue, sum(d.orders) AS orders
                          FROM bjb.sales_day d
                          WHERE d.day >= v_from AND d.day <= v_to
                          GROUP BY 1) s ON s.month = m.month),
    'latest_orders', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                               'id', o.id, 'number', o.number, 'customer', c.name,
                               'status', o.status, 'total', o.total, 'placed_at', o.placed_at)
                             ORDER BY o.placed_at DESC, o.id DESC), '[]'::jsonb)
                      FROM (SELECT * FROM bjb.sales_order
                            ORDER BY placed_at DESC, id DESC LIMIT 5) o
                      JOIN bjb.customer c ON c.id = o.customer_id),
    'low_stock_threshold', v_low,
    -- At or below the threshold, as the stock_low event: the emptiest first.
    'low_stock', (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                           'id', p.id, 'name', p.name, 'unit', p.unit, 'stock', p.stock)
                         ORDER BY p.stock, p.name, p.id), '[]'::jsonb)
                  FROM (SELECT * FROM bjb.product
                        WHERE active AND stock <= v_low
                        ORDER BY stock, name, id LIMIT 50) p))
  INTO v_out;
  RETURN v_out;
END
$$;

-- The window both best-seller reads use: NULL p_to is today, NULL p_from the first day of
-- p_to's month.
CREATE FUNCTION bjb.sales_range(p_from date, p_to date, OUT r_from date, OUT r_to date)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  r_to := coalesce(p_to, (pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date);
  r_from := coalesce(p_from, pg_catalog.date_trunc('month', r_to)::date);
  PERFORM bjb.check_sales_range(r_from, r_to);
END
$$;

-- Top products of a period by quantity or by revenue. share = the product's line revenue
-- over every product's in the period (0–1; 0 when nothing sold). Ties: the other measure,
-- then product id. Products only of the top: the category subtotals are
-- bjb.best_seller_categories over the whole period.
CREATE FUNCTION bjb.best_sellers(p_from date, p_to date, p_by text DEFAULT 'qty',
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
    WITH per AS (
      SELECT s.product_id, sum(s.qty)::bigint AS qty, sum(s.revenue)::bigint AS revenue
        FROM bjb.sales_day_product s
       WHERE s.day >= v_range.r_from AND s.day <= v_range.r_to
       GROUP BY s.product_id
      HAVING sum(s.qty) > 0),
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

-- Every category that sold in the period, by revenue: products sold, quantity (unit when
-- every product sold in it shares one, else NULL: m² and pieces do not add up), revenue and
-- share of the period's revenue. The period's total is the sum of these rows' revenue.
CREATE FUNCTION bjb.best_seller_categories(p_from date, p_to date)
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
    WITH per AS (
      SELECT s.product_id, sum(s.qty)::bigint AS qty, sum(s.revenue)::bigint AS revenue
        FROM bjb.sales_day_product s
       WHERE s.day >= v_range.r_from AND s.day <= v_range.r_to
       GROUP BY s.product_id
      HAVING sum(s.qty) > 0),
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

---------------------------------------------------------------------------------------------
-- Grants
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION bjb.sales_day_of(bjb.order_status, timestamptz),
  bjb.sales_summary_add(date, bigint, int, bigint, boolean), bjb.sales_summary_order(),
  bjb.sales_summary_line(), bjb.rebuild_sales_summary(), bjb.check_sales_range(date, date),
  bjb.dashboard(date, date), bjb.sales_range(date, date),
  bjb.best_sellers(date, date, text, int), bjb.best_seller_categories(date, date)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.dashboard(date, date), bjb.best_sellers(date, date, text, int),
  bjb.best_seller_categories(date, date) TO bjb_admin;

-- Backfill: the triggers only see changes from now on.
SELECT bjb.rebuild_sales_summary();

INSERT INTO bjb.schema_migration (version, name) VALUES (10, '0010_sales_summary');

COMMIT;
