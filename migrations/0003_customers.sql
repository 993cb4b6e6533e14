-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0003_customers: what the customer pages need at 100 000 customers / 1 000 000 orders.
--
-- * bjb.customer_stats: one row per customer (total spend over paid/shipped/completed
--   orders, order count, last order), kept exact by triggers on bjb.sales_order so that
--   "loyal" and "sort by total spend" are index scans instead of an aggregate over the
--   order table.
-- * bjb.search_customers / bjb.count_customers: the customer list. Keyset pages (never
--   OFFSET), trigram search on name / email / phone fragments, filters, server-side sort.
-- * bjb.save_customer: create or edit a customer and its product preferences in one
--   transaction (the form saves both or nothing).
--
-- Run as a superuser after 0001/0002:  psql -v ON_ERROR_STOP=1 -f 0003_customers.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Per-customer aggregate
---------------------------------------------------------------------------------------------

CREATE TABLE bjb.customer_stats (
  customer_id   bigint PRIMARY KEY REFERENCES bjb.customer ON DELETE CASCADE,
  -- Same definition as bjb.customer_spend(): orders in paid, shipped, completed.
  total_spend   bigint NOT NULL DEFAULT 0 CHECK (total_spend >= 0),
  -- Every order, whatever its status (as bjb.customer_summary's order_count).
  order_count   int NOT NULL DEFAULT 0 CHECK (order_count >= 0),
  last_order_at timestamptz
);
COMMENT ON TABLE bjb.customer_stats IS
  'Derived from bjb.sales_order by triggers; never written by staff.';
-- "Loyal only" is a range on total_spend; "sort by total spend" a walk of this index.
CREATE INDEX customer_stats_spend_idx ON bjb.customer_stats (total_spend, customer_id);

-- Keyset paging of the customer list in creation order.
CREATE INDEX customer_created_idx ON bjb.customer (created_at, id);

CREATE FUNCTION bjb.order_counts(p_status bjb.order_status) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_status IN ('paid', 'shipped', 'completed')
$$;

-- Adds one order's contribution (p_sign = 1) or takes it away (p_sign = -1).
CREATE FUNCTION bjb.customer_stats_add(p_customer bigint, p_sign int, p_status bjb.order_status,
                                       p_total bigint, p_placed_at timestamptz)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO bjb.customer_stats AS s (customer_id, total_spend, order_count, last_order_at)
  VALUES (p_customer,
          CASE WHEN bjb.order_counts(p_status) THEN p_total ELSE 0 END,
          1, p_placed_at)
  ON CONFLICT (customer_id) DO UPDATE
  SET total_spend = s.total_spend
                    + p_sign * CASE WHEN bjb.order_counts(p_status) THEN p_total ELSE 0 END,
      order_count = s.order_count + p_sign,
      last_order_at = CASE WHEN p_sign > 0
                           THEN greatest(s.last_order_at, p_placed_at)
                           ELSE s.last_order_at END;
  IF p_sign < 0 THEN
    -- Only a deleted order (repairs from psql) gets here: recompute the latest one.
    UPDATE bjb.customer_stats
    SET last_order_at = (SELECT max(placed_at) FROM bjb.sales_order WHERE customer_id = p_customer)
    WHERE customer_id = p_customer;
  END IF;
END
$$;

CREATE FUNCTION bjb.sales_order_stats() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bjb.customer_stats_add(NEW.customer_id, 1, NEW.status, NEW.total, NEW.placed_at);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bjb.customer_stats_add(OLD.customer_id, -1, OLD.status, OLD.total, OLD.placed_at);
  ELSIF NEW.customer_id <> OLD.customer_id OR NEW.placed_at <> OLD.placed_at THEN
    PERFORM bjb.customer_stats_add(OLD.customer_id, -1, OLD.status, OLD.total, OLD.placed_at);
    PERFORM bjb.customer_stats_add(NEW.customer_id, 1, NEW.status, NEW.total, NEW.placed_at);
  ELSIF bjb.order_counts(NEW.status) IS DISTINCT FROM bjb.order_counts(OLD.status)
        OR NEW.total <> OLD.total THEN
    -- A status change in or out of paid/shipped/completed (confirm, cancel after payment).
    UPDATE bjb.customer_stats
    SET total_spend = total_spend
                      + CASE WHEN bjb.order_counts(NEW.status) THEN NEW.total ELSE 0 END
                      - CASE WHEN bjb.order_counts(OLD.status) THEN OLD.total ELSE 0 END
    WHERE customer_id = NEW.customer_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_stats AFTER INSERT OR DELETE OR UPDATE OF status, total, customer_id, placed_at
  ON bjb.sales_order FOR EACH ROW EXECUTE FUNCTION bjb.sales_order_stats();

-- Every customer has a row, so sorting by spend and the loyal filter see all of them.
CREATE FUNCTION bjb.customer_stats_init() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO bjb.customer_stats (customer_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER customer_stats AFTER INSERT ON bjb.customer
  FOR EACH ROW EXECUTE FUNCTION bjb.customer_stats_init();

-- Recomputes every row from bjb.sales_order: the backfill below, and after a bulk load that
-- ran with session_replication_role = replica (bench/demo seed), which skips the triggers.
-- Locks out order changes while counting so nothing slips between count and triggers.
CREATE FUNCTION bjb.rebuild_customer_stats() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_n bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  LOCK TABLE bjb.sales_order IN SHARE ROW EXCLUSIVE MODE;
  LOCK TABLE bjb.customer_stats IN EXCLUSIVE MODE;
  DELETE FROM bjb.customer_stats;
  INSERT INTO bjb.customer_stats (customer_id, total_spend, order_count, last_order_at)
  SELECT c.id,
         coalesce(o.spend, 0), coalesce(o.n, 0), o.last_at
  FROM bjb.customer c
  LEFT JOIN (SELECT customer_id,
                    sum(total) FILTER (WHERE status IN ('paid', 'shipped', 'completed')) AS spend,
                    count(*) AS n, max(placed_at) AS last_at
             FROM bjb.sales_order GROUP BY customer_id) o ON o.customer_id = c.id;
  GET DIAGNOSTICS v_n = ROW_COUNT;
  ANALYZE bjb.customer_stats;
  RETURN v_n;
END
$$;

ALTER TABLE bjb.customer_stats ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.customer_stats FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON bjb.customer_stats TO bjb_owner USING (true) WITH CHECK (true);
-- Like bjb.customer: the office reads every row; couriers see no customer list.
CREATE POLICY office_read ON bjb.customer_stats FOR SELECT TO bjb_admin, bjb_cs USING (true);
REVOKE ALL ON bjb.customer_stats FROM PUBLIC;
GRANT SELECT ON bjb.customer_stats TO bjb_admin, bjb_cs;

-- Backfill: the triggers only see changes from now on.
SELECT bjb.rebuild_customer_stats();

---------------------------------------------------------------------------------------------
-- Customer list: search, filters, keyset pages
---------------------------------------------------------------------------------------------

-- Days from p_today until the next birthday (0 = today). A 29 February birthday is
-- celebrated on 28 February in other years, as in bjb.is_birthday.
CREATE FUNCTION bjb.days_to_birthday(p_birth date, p_today date) RETURNS int
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_year int := extract(year FROM p_today)::int;
  v_next date;
BEGIN
  IF p_birth IS NULL THEN
    RETURN NULL;
  END IF;
  FOR y IN v_year .. v_year + 1 LOOP
    IF extract(month FROM p_birth) = 2 AND extract(day FROM p_birth) = 29
       AND NOT (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)) THEN
      v_next := make_date(y, 2, 28);
    ELSE
      v_next := make_date(y, extract(month FROM p_birth)::int, extract(day FROM p_birth)::int);
    END IF;
    IF v_next >= p_today THEN
      RETURN v_next - p_today;
    END IF;
  END LOOP;
  RETURN NULL;  -- not reached
END
$$;

-- The month * 100 + day keys (as bjb.customer's customer_birthday_idx spells them) of the
-- birthdays celebrated on the p_days days starting with p_today (7: today and the next 6).
CREATE FUNCTION bjb.birthday_keys(p_today date, p_days int) RETURNS numeric[]
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT array_agg(DISTINCT k)
  FROM (SELECT extract(month FROM d) * 100 + extract(day FROM d) AS k
        FROM generate_series(p_today, p_today + greatest(p_days, 1) - 1, interval '1 day') AS g (d)
        UNION ALL
        -- 28 February in a common year is also the day of those born on 29 February.
        SELECT 229
        FROM generate_series(p_today, p_today + greatest(p_days, 1) - 1, interval '1 day') AS g (d)
        WHERE extract(month FROM d) = 2 AND extract(day FROM d) = 28
          AND extract(day FROM (date_trunc('month', d) + interval '1 month - 1 day')) = 28) keys
$$;

-- Search as you type: the "short" path for one or two characters (no trigram yet) is a
-- prefix of the name, on this index.
CREATE INDEX customer_name_prefix_idx ON bjb.customer (lower(name) text_pattern_ops);

-- The conditions shared by search_customers and count_customers. Values are never pasted:
-- the SQL refers to the parameters $1… of the EXECUTE … USING in the callers:
--   $1 name/email pattern   $2 phone pattern   $3 status   $4 loyalty threshold
--   $5 product              $6 birthday keys   $11 name prefix pattern
-- text_sql matches the search text (NULL: no text); narrow_sql holds the filters that keep
-- only a few percent of the customers (product preference, birthdays: they have indexes to
-- start from), filter_sql the others (' AND …' each, or '').
CREATE FUNCTION bjb.customer_filter_sql(p_query text, p_status text, p_loyal boolean,
                                        p_product bigint, p_birthday_days int,
                                        OUT text_sql text, OUT narrow_sql text, OUT filter_sql text,
                                        OUT pattern text, OUT phone_pattern text,
                                        OUT prefix_pattern text)
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_q       text := btrim(coalesce(p_query, ''));
  v_escaped text;
  v_digits  text;
BEGIN
  filter_sql := '';
  narrow_sql := '';
  IF v_q <> '' THEN
    v_escaped := replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_');
    pattern := '%' || v_escaped || '%';
    v_digits := regexp_replace(v_q, '[^0-9]', '', 'g');
    IF v_q ~ '^[0-9+()./ -]+$' AND length(v_digits) >= 3 THEN
      -- A phone fragment: "0812 345" and "+62812345" both find the stored "+62812345…".
      IF v_digits ~ '^0' THEN
        v_digits := '62' || substr(v_digits, 2);
      END IF;
      phone_pattern := '%' || v_digits || '%';
      text_sql := '(c.phone LIKE $2 OR c.email ILIKE $1 OR c.name ILIKE $1)';
    ELSIF length(v_q) >= 3 THEN
      -- Any fragment of name or email: the trigram indexes of 0001.
      text_sql := '(c.name ILIKE $1 OR c.email ILIKE $1)';
    ELSE
      -- One or two characters have no trigram: the start of the name.
      prefix_pattern := lower(v_escaped) || '%';
      text_sql := 'lower(c.name) LIKE $11';
    END IF;
  END IF;
  IF p_status IS NOT NULL THEN
    filter_sql := filter_sql || ' AND c.status = $3';
  END IF;
  IF p_loyal IS NOT NULL THEN
    filter_sql := filter_sql || CASE WHEN p_loyal THEN ' AND s.total_spend >= $4' ELSE ' AND s.total_spend < $4' END;
  END IF;
  IF p_product IS NOT NULL THEN
    narrow_sql := narrow_sql || ' AND c.id IN (SELECT cp.customer_id FROM bjb.customer_preference cp'
                                ' WHERE cp.product_id = $5)';
  END IF;
  IF p_birthday_days IS NOT NULL THEN
    narrow_sql := narrow_sql || ' AND c.birth_date IS NOT NULL'
                  ' AND (extract(month FROM c.birth_date) * 100 + extract(day FROM c.birth_date)) = ANY ($6)';
  END IF;
END
$$;

-- One page of the customer list.
--   p_query          fragment of name, email or phone (NULL or '' = all); one or two
--                    characters match the start of the name
--   p_status         'active' / 'inactive' / NULL (both)
--   p_loyal          true: loyal only; false: not loyal; NULL: both
--   p_product        only customers who prefer this product (NULL = any)
--   p_birthday_days  only birthdays on the next N days, today (Jakarta) included (NULL = any)
--   p_sort           'name', 'created_at', 'total_spend'; a leading '-' sorts descending
--   p_after          the sort_key and id of the last row of the previous page, as
--                    {"key": <sort_key>, "id": <id>}; NULL for the first page
--   p_limit          rows per page (1 … 1000)
-- Rows come in (sort key, id) order; sort_key is the text to pass back in p_after.
--
-- Plans: row-level security hides the column statistics from the planner for ILIKE (not
-- leakproof), so it cannot tell a rare fragment from a common one and would walk the whole
-- name index for "zzq". The function finds out itself: it counts up to 3000 matches on the
-- trigram indexes (a bitmap scan, cheap); a rare fragment then sorts its few matches, a
-- common one walks the sort index and stops after one page. Sequential scans are off for
-- these queries: at 100 000 customers every path here has an index.
CREATE FUNCTION bjb.search_customers(p_query text, p_status text, p_loyal boolean,
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
END
$$;

-- How many customers the same filters match (for "12.345 pelanggan" above the list).
CREATE FUNCTION bjb.count_customers(p_query text, p_status text, p_loyal boolean,
                                    p_product bigint, p_birthday_days int)
RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_seqscan text := current_setting('enable_seqscan');
  v_filter  record;
  v_n       bigint;
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  v_filter := bjb.customer_filter_sql(p_query, p_status, p_loyal, p_product, p_birthday_days);
  PERFORM set_config('enable_seqscan', 'off', true);
  EXECUTE 'SELECT count(*) FROM bjb.customer c'
          || CASE WHEN p_loyal IS NOT NULL THEN ' JOIN bjb.customer_stats s ON s.customer_id = c.id' ELSE '' END
          || ' WHERE true' || coalesce(' AND ' || v_filter.text_sql, '') || v_filter.narrow_sql
          || v_filter.filter_sql
    INTO v_n
    USING v_filter.pattern, v_filter.phone_pattern, p_status,
          bjb.setting_bigint('loyalty_threshold'), p_product,
          bjb.birthday_keys((pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date, p_birthday_days),
          NULL::text, NULL::bigint, NULL::int, NULL::date, v_filter.prefix_pattern;
  PERFORM set_config('enable_seqscan', v_seqscan, true);
  RETURN v_n;
END
$$;

---------------------------------------------------------------------------------------------
-- Customer form
---------------------------------------------------------------------------------------------

-- Creates (p_id NULL) or updates a customer and replaces its product preferences, in one
-- transaction. Returns the customer's id. Constraint violations keep their own SQLSTATE and
-- constraint name (23505 customer_phone_key / customer_email_key, 23514 customer_*_check) so
-- the form can mark the field; an unknown p_id is BJ006.
CREATE FUNCTION bjb.save_customer(p_id bigint, p_name text, p_address text, p_phone text,
                                  p_email text, p_birth_date date, p_status text, p_notes text,
                                  p_products bigint[])
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id bigint;
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  IF p_id IS NULL THEN
    INSERT INTO bjb.customer (name, address, phone, email, birth_date, status, notes)
    VALUES (btrim(p_name), nullif(btrim(p_address), ''), nullif(btrim(p_phone), ''),
            nullif(btrim(p_email), ''), p_birth_date, coalesce(p_status, 'active'),
            coalesce(p_notes, ''))
    RETURNING bjb.customer.id INTO v_id;
  ELSE
    UPDATE bjb.customer
    SET name = btrim(p_name), address = nullif(btrim(p_address), ''),
        phone = nullif(btrim(p_phone), ''), email = nullif(btrim(p_email), ''),
        birth_date = p_birth_date, status = coalesce(p_status, 'active'),
        notes = coalesce(p_notes, '')
    WHERE bjb.customer.id = p_id
    RETURNING bjb.customer.id INTO v_id;
    IF v_id IS NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'BJ006',
        MESSAGE = pg_catalog.format('Pelanggan #%s tidak ditemukan.', p_id);
    END IF;
  END IF;

  DELETE FROM bjb.customer_preference
  WHERE customer_id = v_id AND product_id <> ALL (coalesce(p_products, '{}'));
  INSERT INTO bjb.customer_preference (customer_id, product_id)
  SELECT v_id, pid FROM unnest(coalesce(p_products, '{}')) AS u (pid)
  ON CONFLICT DO NOTHING;
  RETURN v_id;
END
$$;

REVOKE ALL ON FUNCTION bjb.order_counts(bjb.order_status),
                       bjb.customer_stats_add(bigint, int, bjb.order_status, bigint, timestamptz),
                       bjb.sales_order_stats(), bjb.customer_stats_init(),
                       bjb.rebuild_customer_stats(),
                       bjb.days_to_birthday(date, date), bjb.birthday_keys(date, int),
                       bjb.customer_filter_sql(text, text, boolean, bigint, int),
                       bjb.search_customers(text, text, boolean, bigint, int, text, jsonb, int),
                       bjb.count_customers(text, text, boolean, bigint, int),
                       bjb.save_customer(bigint, text, text, text, text, date, text, text, bigint[])
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.search_customers(text, text, boolean, bigint, int, text, jsonb, int),
                          bjb.count_customers(text, text, boolean, bigint, int),
                          bjb.save_customer(bigint, text, text, text, text, date, text, text, bigint[])
  TO bjb_admin, bjb_cs;

INSERT INTO bjb.schema_migration (version, name) VALUES (3, '0003_customers');

COMMIT;
