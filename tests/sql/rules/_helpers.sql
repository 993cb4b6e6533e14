-- Shared helpers for tests/sql/rules/*.pg, included with `\ir _helpers.sql`
-- right after BEGIN. Everything lives in schema t, created inside the test's
-- transaction and rolled back with it. Run as the superuser (RLS does not
-- apply), so historic data can be inserted directly.
CREATE SCHEMA t;
GRANT USAGE ON SCHEMA t TO PUBLIC;
CREATE SEQUENCE t.seq;
GRANT USAGE ON SEQUENCE t.seq TO PUBLIC;

-- A 2×2 baseline JPEG (632 bytes) written by gdk-pixbuf.
CREATE FUNCTION t.jpeg() RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT
'\xffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d3042605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffdb0043011c1e1e2823284e2b2b4ea46e5d6ea4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4ffc00011080002000203012200021101031101ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f0100030101010101010101010000000000000102030405060708090a0bffc400b51100020102040403040705040400010277000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9faffda000c03010002110311003f00a945145701eb9fffd9'::bytea $$;

CREATE FUNCTION t.category() RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO bjb.category (name) VALUES ('Uji ' || nextval('t.seq')) RETURNING id $$;

CREATE FUNCTION t.product(p_name text, p_price bigint, p_stock int DEFAULT 1000,
                          p_active boolean DEFAULT true) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO bjb.product (category_id, name, unit, price, stock, active)
  VALUES (t.category(), p_name || ' ' || nextval('t.seq'), 'pcs', p_price, p_stock, p_active)
  RETURNING id $$;

CREATE FUNCTION t.customer(p_name text, p_birth date DEFAULT NULL,
                           p_status text DEFAULT 'active') RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO bjb.customer (name, address, phone, email, birth_date, status)
  VALUES (p_name, 'Jl. Uji No. 1, Sleman',
          '+62899' || lpad(nextval('t.seq')::text, 9, '0'), NULL, p_birth, p_status)
  RETURNING id $$;

-- A historic order written directly (shipped/completed deliveries are t_courier's) (superuser): p_lines = [[product, qty, unit_price], …],
-- no discounts, no shipping; timestamps consistent with p_status.
CREATE FUNCTION t.hist(p_customer bigint, p_status text, p_at timestamptz, p_lines jsonb,
                       p_delivery text DEFAULT 'pickup') RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_sub bigint;
BEGIN
  SELECT sum((l->>1)::bigint * (l->>2)::bigint) INTO v_sub FROM jsonb_array_elements(p_lines) l;
  INSERT INTO bjb.sales_order (number, customer_id, status, delivery, address, shipping_cost, subtotal,
                               discount_total, total, request_id, placed_at, payment_due_at,
                               paid_at, shipped_at, completed_at, cancelled_at, courier)
  VALUES ('HIST-' || nextval('t.seq'), p_customer, p_status::bjb.order_status, p_delivery,
          CASE WHEN p_delivery = 'delivery' THEN 'Jl. Uji No. 1' END, 0, v_sub, 0, v_sub,
          gen_random_uuid(), p_at, p_at + interval '24 hours',
          CASE WHEN p_status IN ('paid', 'shipped', 'completed') THEN p_at + interval '1 hour' END,
          CASE WHEN p_status IN ('shipped', 'completed') AND p_delivery = 'delivery'
               THEN p_at + interval '2 hours' END,
          CASE WHEN p_status = 'completed' THEN p_at + interval '3 hours' END,
          CASE WHEN p_status = 'cancelled' THEN p_at + interval '3 hours' END,
          CASE WHEN p_status IN ('shipped', 'completed') AND p_delivery = 'delivery'
               THEN 't_courier' END)
  RETURNING id INTO v_id;
  INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal, discount_percent,
                              discount_amount, rule, rule_id, total)
  SELECT v_id, n, (l->>0)::bigint, (l->>1)::int, (l->>2)::bigint, (l->>1)::bigint * (l->>2)::bigint,
         0, 0, NULL, NULL, (l->>1)::bigint * (l->>2)::bigint
    FROM jsonb_array_elements(p_lines) WITH ORDINALITY AS x (l, n);
  RETURN v_id;
END $$;

-- A discount rule. Audience is 'customer' when p_customer is given, else 'loyal'.
CREATE FUNCTION t.rule(p_percent int, p_scope text, p_customer bigint DEFAULT NULL,
                       p_product bigint DEFAULT NULL, p_min bigint DEFAULT NULL,
                       p_active boolean DEFAULT true, p_valid_until date DEFAULT NULL)
  RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO bjb.discount_rule (name, percent, audience, customer_id, scope, product_id,
                                 min_cart_total, active, valid_until)
  VALUES ('aturan ' || nextval('t.seq'), p_percent,
          CASE WHEN p_customer IS NULL THEN 'loyal' ELSE 'customer' END,
          p_customer, p_scope, p_product, p_min, p_active, p_valid_until)
  RETURNING id $$;

-- items jsonb from pairs: t.items(product, qty, product, qty, …)
CREATE FUNCTION t.items(VARIADIC p bigint[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('product_id', p[i], 'qty', p[i + 1]) ORDER BY i),
                  '[]'::jsonb)
    FROM generate_series(1, coalesce(array_length(p, 1), 0), 2) i $$;

-- The quote line of one product.
CREATE FUNCTION t.line(q jsonb, p_product bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT l FROM jsonb_array_elements(q->'lines') l WHERE (l->>'product_id')::bigint = p_product $$;

-- The keys of j named in expected (missing ones come out as JSON null).
CREATE FUNCTION t.pick(j jsonb, expected jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, coalesce(j->k, 'null'::jsonb)), '{}'::jsonb)
    FROM jsonb_object_keys(expected) k $$;

-- is() on the named keys of one quote line / of the quote's top level.
CREATE FUNCTION t.line_is(q jsonb, p_product bigint, expected jsonb, descr text)
  RETURNS text LANGUAGE sql AS $$
  SELECT is(t.pick(t.line(q, p_product), expected), expected, descr) $$;
CREATE FUNCTION t.quote_is(q jsonb, expected jsonb, descr text) RETURNS text LANGUAGE sql AS $$
  SELECT is(t.pick(q, expected), expected, descr) $$;

-- Expected line: unit price, qty, percent, rule, rule id → every money field.
-- Half up: (subtotal * percent + 50) / 100 in integer arithmetic.
CREATE FUNCTION t.exp(p_price bigint, p_qty int, p_percent int, p_rule text, p_rule_id bigint)
  RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'unit_price', p_price, 'qty', p_qty, 'subtotal', p_price * p_qty,
    'discount_percent', p_percent,
    'discount_amount', (p_price * p_qty * p_percent + 50) / 100,
    'total', p_price * p_qty - (p_price * p_qty * p_percent + 50) / 100,
    'rule', p_rule, 'rule_id', p_rule_id) $$;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA t TO PUBLIC;

-- Data loaded by tests/sql/fixtures/ must not change the numbers a file expects:
-- rules that already exist are switched off (inside this transaction only).
UPDATE bjb.discount_rule SET active = false WHERE active;
