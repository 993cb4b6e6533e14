-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0020 search_lower: issue 13 #3, the customers page under 20 ms for every fragment.
--
-- What was left of a keystroke after 0017/0019 is ILIKE itself: it lowers both sides on every
-- row it checks, 1.16 us a row for name and email at 100 000 customers, against 0.30 us for
-- LIKE on text already lower-cased (sequential scan, C.UTF-8). "sant" (3 376 matches) paid it
-- 3 001 times to choose its plan and 8 598 times in its walk (25-28 ms on a slow host).
--
-- The database now keeps lower-case copies of name and email (generated columns), with the
-- trigram indexes and the walk's index on them, and the search and count match the fragment
-- lower-cased with LIKE: the same rows as ILIKE (PostgreSQL's ILIKE lowers both sides).
-- Same arguments, same rows, same order: the contracts of 0003, 0012, 0017 and 0019 stand.
BEGIN;
SET LOCAL ROLE bjb_owner;

ALTER TABLE bjb.customer
  ADD COLUMN name_lower text GENERATED ALWAYS AS (lower(name)) STORED,
  ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(email)) STORED;
CREATE INDEX customer_name_lower_trgm_idx ON bjb.customer USING gin (name_lower gin_trgm_ops);
CREATE INDEX customer_email_lower_trgm_idx ON bjb.customer USING gin (email_lower gin_trgm_ops);
-- 0001's trigram indexes on name and email stay: a plain ILIKE (psql, bench/run's "customer
-- search" row) still finds customers through them.
-- The walk in name order checks the copies, from the index alone.
DROP INDEX bjb.customer_name_walk_idx;
CREATE INDEX customer_name_walk_idx ON bjb.customer (name, id) INCLUDE (name_lower, email_lower, phone);

-- As in 0003: the fragment lower-cased, matched with LIKE against the copies.
CREATE OR REPLACE FUNCTION bjb.customer_filter_sql(p_query text, p_status text, p_loyal boolean,
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
    pattern := lower('%' || v_escaped || '%');
    v_digits := regexp_replace(v_q, '[^0-9]', '', 'g');
    IF v_q ~ '^[0-9+()./ -]+$' AND length(v_digits) >= 3 THEN
      -- A phone fragment: "0812 345" and "+62812345" both find the stored "+62812345…".
      IF v_digits ~ '^0' THEN
        v_digits := '62' || substr(v_digits, 2);
      END IF;
      phone_pattern := '%' || v_digits || '%';
      text_sql := '(c.phone LIKE $2 OR c.email_lower LIKE $1 OR c.name_lower LIKE $1)';
    ELSIF length(v_q) >= 3 THEN
      -- Any fragment of name or email: the trigram indexes of their lower-case copies.
      text_sql := '(c.name_lower LIKE $1 OR c.email_lower LIKE $1)';
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

-- As in 0019; the checked walk wraps the copies instead of name and email.
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
  v_bitmap    text := current_setting('enable_bitmapscan');
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
  v_rows      tid[];
  v_keyset    text := '';
  v_walk_index boolean := false;
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
    -- One pass over the trigram indexes: up to 3 000 matches, whose row addresses are the
    -- page's candidates below (0012 counted them here, then read and rechecked the same
    -- matches again for the page). The addresses hold: every query of this function reads
    -- the calling statement's snapshot.
    EXECUTE 'SELECT count(*), coalesce(pg_catalog.array_agg(x.ctid), ''{}'') FROM (SELECT c.ctid FROM bjb.customer c WHERE '
            || v_text || ' LIMIT 3001) x'
      INTO v_hits, v_rows
      USING v_filter.pattern, v_filter.phone_pattern, NULL::text, NULL::bigint, NULL::bigint,
            NULL::numeric[], NULL::text, NULL::bigint, NULL::int, NULL::date, v_filter.prefix_pattern;
    IF v_hits > 3000 THEN
      -- Many matches: walk the sort order, one page of them comes soon. The count that
      -- the page asks for next need not find them again (bjb.count_customers_upto).
      PERFORM set_config('bjb.customers_many_key',
                         bjb.customer_filter_key(p_query, p_status, p_loyal, p_product, p_birthday_days), false);
      PERFORM set_config('bjb.customers_many_at', extract(epoch FROM pg_catalog.clock_timestamp())::text, false);
      IF v_sort = 'name' AND v_filter.filter_sql = '' AND v_filter.narrow_sql = '' THEN
        v_walk_index := true;
      ELSE
        -- Under other filters or in another order, each row walked is checked (0012). The
        -- columns are wrapped so the search indexes are not used for this, and sorting is
        -- off: blind to the statistics, the planner guesses a few matches for the wrapped
        -- columns and would read every customer to sort them (1.1 s for "yahoo.co" at
        -- 100 000 customers) instead of stopping after one page.
        v_filter.filter_sql := ' AND ' || replace(replace(replace(v_text, 'c.name_lower', '(c.name_lower || '''')'),
                                                          'c.email_lower', '(c.email_lower || '''')'),
                                                  'c.phone', '(c.phone || '''')')
                               || v_filter.filter_sql;
        PERFORM set_config('enable_sort', 'off', true);
      END IF;
      v_text := NULL;
      v_rows := NULL;
    END IF;
  END IF;
  IF p_after IS NOT NULL THEN
    v_after_id := (p_after ->> 'id')::bigint;
    -- Row comparison on (key, id): the index (key, id) starts right after the last row.
    v_keyset := pg_catalog.format(' AND (%s, %s) %s ($7::%s, $8)', v_key, v_id, v_op,
                                  CASE v_sort WHEN 'name' THEN 'text'
                                              WHEN 'created_at' THEN 'timestamptz'
                                              ELSE 'bigint' END);
  END IF;
  IF v_rows IS NOT NULL AND v_sort <> 'total_spend' AND p_loyal IS NULL THEN
    -- Few matches, found above, in an order of the customer's own: fetched by address,
    -- sorted, and only the page's rows look up their spend.
    -- (OFFSET 0: read by address, never by walking the name index past other rows.)
    v_from := ' FROM (SELECT c.* FROM (SELECT c.* FROM bjb.customer c WHERE c.ctid = ANY ($12)'
              || v_filter.narrow_sql || ' OFFSET 0) c WHERE true' || v_filter.filter_sql || v_keyset
              || ' ORDER BY ' || v_key || v_dir || ', c.id' || v_dir || ' LIMIT $9) c'
              || ' JOIN bjb.customer_stats s ON s.customer_id = c.id WHERE true';
  ELSIF v_rows IS NOT NULL OR v_text IS NOT NULL OR v_filter.narrow_sql <> '' THEN
    -- Few candidates: the matches found above (or, for a name prefix, from its index),
    -- then sort.
    v_from := ' FROM (SELECT c.* FROM bjb.customer c WHERE '
              || CASE WHEN v_rows IS NOT NULL THEN 'c.ctid = ANY ($12)'
                      ELSE 'true' || coalesce(' AND ' || v_text, '') END
              || v_filter.narrow_sql
              || ' OFFSET 0) c JOIN bjb.customer_stats s ON s.customer_id = c.id WHERE true';
  ELSIF v_walk_index THEN
    -- Many matches, sorted by name, nothing else to filter (what typing in the search box
    -- asks): the walk reads customer_name_walk_idx alone (name, id, email, phone: an
    -- index-only scan), and only the page's rows are fetched.
    -- (Bitmap scans off instead of wrapping the columns: a GIN index has no other scan, and
    -- the walk then reads the index's own values.)
    PERFORM set_config('enable_bitmapscan', 'off', true);
    v_from := ' FROM (SELECT w.id FROM bjb.customer w WHERE ' || replace(v_filter.text_sql, 'c.', 'w.')
              || CASE WHEN p_after IS NOT NULL
                      THEN pg_catalog.format(' AND (w.name, w.id) %s ($7::text, $8)', v_op) ELSE '' END
              || ' ORDER BY w.name' || v_dir || ', w.id' || v_dir || ' LIMIT $9) k'
              || ' CROSS JOIN LATERAL (SELECT * FROM bjb.customer c WHERE c.id = k.id OFFSET 0) c'
              || ' JOIN bjb.customer_stats s ON s.customer_id = c.id WHERE true';
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
  v_sql := v_sql || v_keyset;
  v_sql := v_sql || ' ORDER BY ' || v_key || v_dir || ', ' || v_id || v_dir || ' LIMIT $9';

  RETURN QUERY EXECUTE v_sql
    USING v_filter.pattern, v_filter.phone_pattern, p_status, v_threshold, p_product,
          v_keys, p_after ->> 'key', v_after_id, p_limit, v_today, v_filter.prefix_pattern, v_rows;
  PERFORM set_config('enable_seqscan', v_seqscan, true);
  PERFORM set_config('enable_hashjoin', v_hashjoin, true);
  PERFORM set_config('enable_mergejoin', v_mergejoin, true);
  PERFORM set_config('enable_sort', v_sortplan, true);
  PERFORM set_config('enable_bitmapscan', v_bitmap, true);
END
$$;

-- As in 0018, without the copies.
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
  -- The customer's lower-case copies (0020) are the database's, not a change anyone made.
  IF TG_TABLE_NAME = 'customer' THEN
    v_old := v_old - 'name_lower' - 'email_lower';
    v_new := v_new - 'name_lower' - 'email_lower';
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

INSERT INTO bjb.schema_migration (version, name) VALUES (20, '0020_search_lower');
COMMIT;
