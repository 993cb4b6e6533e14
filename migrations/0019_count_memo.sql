-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0019 count_memo: issue 13 #3, the customers page's search + count under 20 ms for every
-- fragment. The page searches, then counts with the same filters (at most 1 000). For a
-- fragment that matches most customers ("812": the phones start +62812) both calls built
-- the same trigram bitmap of ~70 000 entries before they could stop (20.5 ms together, quiet,
-- at 100 000 customers). Now the search remembers, for its session, that these filters
-- have more than 3 000 matches, and the count that follows within 10 seconds answers
-- "more than p_cap" from that (p_cap < 3 000) instead of finding them again.
--
-- Only the count can read it, only for the very same filters, and only as "more than":
-- the page shows "More than 1.000 customers" either way. A login that sets the two settings
-- itself changes nothing but its own count's display. Same arguments, same rows: the
-- contracts of 0003 and 0012 stand (docs/database.md, "The count after a search (0019)").
BEGIN;
SET LOCAL ROLE bjb_owner;

-- The filters of bjb.search_customers and bjb.count_customers_upto as one text: the key
-- under which the search leaves what it learned for the count.
CREATE FUNCTION bjb.customer_filter_key(p_query text, p_status text, p_loyal boolean,
                                        p_product bigint, p_birthday_days int)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_catalog.jsonb_build_array(p_query, p_status, p_loyal, p_product, p_birthday_days)::text
$$;
REVOKE ALL ON FUNCTION bjb.customer_filter_key(text, text, boolean, bigint, int) FROM PUBLIC;

-- As in 0017, leaving what it found for the count.
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
        -- 100 000 customers) instead of stopping after one page. (Every column the text
        -- filter names is wrapped, whichever bjb.customer_filter_sql writes.)
        v_filter.filter_sql := ' AND ' || regexp_replace(v_text, '\mc\.([a-z_]+)', '(c.\1 || '''')', 'g')
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

-- As in 0012, first asking what the search just learned.
CREATE OR REPLACE FUNCTION bjb.count_customers_upto(p_query text, p_status text, p_loyal boolean,
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
  -- The customers page counts right after its first page: if that search has just found
  -- more than 3 000 matches for these very filters, there are more than p_cap.
  IF p_cap < 3000
     AND current_setting('bjb.customers_many_key', true)
         = bjb.customer_filter_key(p_query, p_status, p_loyal, p_product, p_birthday_days)
     AND current_setting('bjb.customers_many_at', true) ~ '^[0-9]+(\.[0-9]+)?$'
     AND extract(epoch FROM pg_catalog.clock_timestamp())
         - current_setting('bjb.customers_many_at', true)::numeric BETWEEN 0 AND 10 THEN
    RETURN p_cap::bigint + 1;
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

INSERT INTO bjb.schema_migration (version, name) VALUES (19, '0019_count_memo');
COMMIT;
