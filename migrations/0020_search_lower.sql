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
