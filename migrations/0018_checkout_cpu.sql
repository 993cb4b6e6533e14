-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0018_checkout_cpu: issue 13 #1, place_order >= 70 % of the bare SQL at 8 clients on a quiet
-- machine. There the checkout is CPU-bound on the two cores, and a profile of one checkout
-- (perf on its backend, pg_stat_statements with track = all) showed where its CPU went
-- beyond the rows it must write: SQL functions that PostgreSQL parses and plans again on
-- every call, because they cannot be inlined (a SET clause, a SECURITY DEFINER, a WITH), and
-- plpgsql that runs a statement per item. Each function below keeps its name, arguments,
-- answers and errors (docs/database.md, "Checkout CPU (0018)"); bench/README.md has the
-- figures.
--
-- Run as a superuser after 0017:  psql -v ON_ERROR_STOP=1 -f 0018_checkout_cpu.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

-- As in 0012, in plpgsql: a SQL function with a SET clause is parsed and planned on each of
-- its calls (every contract function asks it first); plpgsql keeps the plan.
CREATE OR REPLACE FUNCTION bjb.caller_role() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_role text;
BEGIN
  SELECT CASE
    WHEN r.rolsuper THEN 'admin'
    WHEN s.login IS NULL THEN NULL
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_admin', 'MEMBER') THEN 'admin'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_cs', 'MEMBER') THEN 'cs'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_courier', 'MEMBER') THEN 'courier'
    WHEN pg_catalog.pg_has_role(session_user, 'bjb_worker', 'MEMBER') THEN 'worker'
  END INTO v_role
  FROM pg_catalog.pg_roles r
  LEFT JOIN bjb.staff s ON s.login = session_user::text AND s.active
  WHERE r.rolname = session_user;
  RETURN v_role;
END
$$;

-- As in 0012, as one expression (0012's WITH kept it from being inlined, so each quote
-- parsed and planned it): now it inlines into its callers' plans. Same days: Jakarta's
-- calendar, and a 29 February birthday on 28 February in other years.
CREATE OR REPLACE FUNCTION bjb.is_birthday(p_birth date, p_at timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_birth IS NOT NULL AND (
           (extract(month FROM p_birth), extract(day FROM p_birth))
             = (extract(month FROM (p_at AT TIME ZONE 'Asia/Jakarta')::date),
                extract(day FROM (p_at AT TIME ZONE 'Asia/Jakarta')::date))
           -- A 29 February birthday is celebrated on 28 February in other years: on a
           -- 28 February whose next day is 1 March.
           OR (extract(month FROM p_birth) = 2 AND extract(day FROM p_birth) = 29
               AND extract(month FROM (p_at AT TIME ZONE 'Asia/Jakarta')::date) = 2
               AND extract(day FROM (p_at AT TIME ZONE 'Asia/Jakarta')::date) = 28
               AND extract(month FROM (p_at AT TIME ZONE 'Asia/Jakarta')::date + 1) = 3))
$$;

-- Without their SET clause they inline into the summary triggers' queries (three calls per
-- checkout) instead of being planned on every call. Both are IMMUTABLE, use only
-- pg_catalog (and bjb.order_counts, itself inlined), and are not SECURITY DEFINER.
ALTER FUNCTION bjb.sales_day_of(bjb.order_status, timestamptz) RESET search_path;
ALTER FUNCTION bjb.jakarta_month(timestamptz) RESET search_path;

-- As in 0001; the image columns are taken out only of the rows that have them (each "-"
-- copies the whole value: twice per audited row, five rows per checkout).
CREATE OR REPLACE FUNCTION bjb.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN v_old := to_jsonb(OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN v_new := to_jsonb(NEW); END IF;
  -- Image bytes would bloat the log; the photo row's metadata is enough.
  IF TG_TABLE_NAME IN ('photo', 'product_photo') THEN
    v_old := v_old - 'data' - 'thumb';
    v_new := v_new - 'data' - 'thumb';
  END IF;
  v_row := coalesce(v_new, v_old);
  INSERT INTO bjb.audit_log (actor, table_name, row_key, action, old, new)
  VALUES (session_user, TG_TABLE_NAME,
          coalesce(v_row ->> 'id', v_row ->> 'login', v_row ->> 'key',
                   (v_row ->> 'customer_id') || '/' || (v_row ->> 'product_id')),
          TG_OP, v_old, v_new);
  RETURN NULL;
END
$$;

-- As in 0001 (same checks, same order, same sentences), in three statements instead of five
-- plus one per item: every quote and checkout parses its items.
CREATE OR REPLACE FUNCTION bjb.parse_items(p_items jsonb)
RETURNS TABLE (product_id bigint, qty int, line_no int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_elem      jsonb;
  v_shape_bad boolean;
  v_pids      bigint[];
  v_qtys      bigint[];
  v_most      bigint;
  v_missing   bigint;
  v_retired   text;
BEGIN
  IF p_items IS NULL OR jsonb_typeof(p_items) <> 'array' OR jsonb_array_length(p_items) = 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Pesanan harus berisi minimal satu produk.';
  END IF;
  IF jsonb_array_length(p_items) > 200 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005', MESSAGE = 'Satu pesanan paling banyak 200 baris.';
  END IF;
  -- The first item, in the caller's order, that is malformed or not a positive quantity.
  SELECT x.e, NOT x.shape_ok INTO v_elem, v_shape_bad
  FROM (SELECT t.e, t.pos,
               coalesce(jsonb_typeof(t.e) = 'object'
                        AND jsonb_typeof(t.e -> 'product_id') = 'number'
                        AND jsonb_typeof(t.e -> 'qty') = 'number'
                        AND (t.e ->> 'product_id') ~ '^[0-9]{1,18}$'
                        AND (t.e ->> 'qty') ~ '^-?[0-9]{1,9}$', false) AS shape_ok
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t (e, pos)) x
  WHERE CASE WHEN x.shape_ok THEN (x.e ->> 'qty')::int <= 0 ELSE true END
  ORDER BY x.pos
  LIMIT 1;
  IF v_shape_bad THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = 'Baris pesanan tidak valid: setiap baris butuh product_id dan qty berupa bilangan bulat.',
      DETAIL = v_elem::text;
  ELSIF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = 'Jumlah produk harus lebih dari nol.', DETAIL = v_elem::text;
  END IF;

  -- Duplicates merged at their first position; with what each product is in the catalogue.
  SELECT array_agg(m.pid ORDER BY m.first_pos), array_agg(m.total_qty ORDER BY m.first_pos),
         max(m.total_qty), min(m.pid) FILTER (WHERE p.id IS NULL),
         (array_agg(p.name ORDER BY m.first_pos) FILTER (WHERE NOT p.active))[1]
  INTO v_pids, v_qtys, v_most, v_missing, v_retired
  FROM (SELECT (t.e ->> 'product_id')::bigint AS pid, sum((t.e ->> 'qty')::bigint) AS total_qty,
               min(t.pos) AS first_pos
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t (e, pos)
        GROUP BY 1) m
  LEFT JOIN bjb.product p ON p.id = m.pid;
  IF v_most > 1000000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = 'Jumlah satu produk paling banyak 1.000.000 per pesanan.';
  END IF;
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = pg_catalog.format('Produk #%s tidak ditemukan.', v_missing);
  END IF;
  IF v_retired IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ005',
      MESSAGE = pg_catalog.format('Produk %s tidak dijual lagi.', v_retired);
  END IF;

  RETURN QUERY
    SELECT u.pid, u.qty::int, u.n::int
    FROM unnest(v_pids, v_qtys) WITH ORDINALITY AS u (pid, qty, n);
END
$$;

-- (status, placed_at DESC) is the front of sales_order_status_placed_id_idx (0004): every
-- order paid for one more index entry that no query needs.
DROP INDEX bjb.sales_order_status_placed_idx;

INSERT INTO bjb.schema_migration (version, name) VALUES (18, '0018_checkout_cpu');
COMMIT;
