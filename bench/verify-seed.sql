-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Checks a database filled by src/cli/seed-demo.sql (run as a superuser):
--   psql -v ON_ERROR_STOP=1 -d DB -f bench/verify-seed.sql
-- The big seed skips foreign-key triggers (session_replication_role = replica), so every
-- reference is checked here by hand, with the money and timeline rules the schema's CHECKs
-- cannot express.  Any failure raises and stops psql with a non-zero exit.
\set ON_ERROR_STOP 1

DO $verify$
DECLARE
  v_bad   bigint;
  v_msg   text := '';
  v_check record;
BEGIN
  FOR v_check IN SELECT * FROM (VALUES
    ('product.category_id dangling',
     $q$SELECT count(*) FROM bjb.product p LEFT JOIN bjb.category c ON c.id = p.category_id
        WHERE c.id IS NULL$q$),
    ('customer_preference dangling',
     $q$SELECT count(*) FROM bjb.customer_preference x
        LEFT JOIN bjb.customer c ON c.id = x.customer_id LEFT JOIN bjb.product p ON p.id = x.product_id
        WHERE c.id IS NULL OR p.id IS NULL$q$),
    ('discount_rule dangling',
     $q$SELECT count(*) FROM bjb.discount_rule r
        LEFT JOIN bjb.customer c ON c.id = r.customer_id LEFT JOIN bjb.product p ON p.id = r.product_id
        WHERE (r.customer_id IS NOT NULL AND c.id IS NULL) OR (r.product_id IS NOT NULL AND p.id IS NULL)$q$),
    ('sales_order.customer_id dangling',
     $q$SELECT count(*) FROM bjb.sales_order o LEFT JOIN bjb.customer c ON c.id = o.customer_id
        WHERE c.id IS NULL$q$),
    ('sales_order.courier not an active courier',
     $q$SELECT count(*) FROM bjb.sales_order o LEFT JOIN bjb.staff s ON s.login = o.courier
        WHERE o.courier IS NOT NULL AND (s.login IS NULL OR s.role <> 'courier')$q$),
    ('order_line dangling',
     $q$SELECT count(*) FROM bjb.order_line l
        LEFT JOIN bjb.sales_order o ON o.id = l.order_id LEFT JOIN bjb.product p ON p.id = l.product_id
        LEFT JOIN bjb.discount_rule r ON r.id = l.rule_id
        WHERE o.id IS NULL OR p.id IS NULL OR (l.rule_id IS NOT NULL AND r.id IS NULL)$q$),
    ('order_status_history dangling',
     $q$SELECT count(*) FROM bjb.order_status_history h LEFT JOIN bjb.sales_order o ON o.id = h.order_id
        WHERE o.id IS NULL$q$),
    ('order without lines',
     $q$SELECT count(*) FROM bjb.sales_order o
        WHERE NOT EXISTS (SELECT 1 FROM bjb.order_line l WHERE l.order_id = o.id)$q$),
    ('line numbers not 1..n',
     $q$SELECT count(*) FROM (SELECT order_id, max(line_no) m, count(*) c FROM bjb.order_line
        GROUP BY order_id) x WHERE m <> c$q$),
    ('order subtotal / discount_total <> sum of lines',
     $q$SELECT count(*) FROM bjb.sales_order o
        JOIN (SELECT order_id, sum(subtotal) s, sum(discount_amount) d FROM bjb.order_line
              GROUP BY order_id) l ON l.order_id = o.id
        WHERE o.subtotal <> l.s OR o.discount_total <> l.d$q$),
    ('line discount not round half up of percent',
     $q$SELECT count(*) FROM bjb.order_line
        WHERE discount_amount <> (subtotal * discount_percent + 50) / 100$q$),
    ('line rule without rule_id or the reverse',
     $q$SELECT count(*) FROM bjb.order_line
        WHERE (rule IN ('manual_product', 'manual_all', 'loyalty', 'cart_threshold')) <> (rule_id IS NOT NULL)$q$),
    ('timeline out of order',
     $q$SELECT count(*) FROM bjb.sales_order
        WHERE NOT (placed_at < coalesce(paid_at, 'infinity')
                   AND coalesce(paid_at, placed_at) < coalesce(shipped_at, 'infinity')
                   AND coalesce(shipped_at, paid_at, placed_at) < coalesce(completed_at, 'infinity')
                   AND coalesce(paid_at, placed_at) < coalesce(cancelled_at, 'infinity')
                   AND coalesce(completed_at, placed_at) <= coalesce(feedback_at, 'infinity'))
           OR greatest(placed_at, paid_at, shipped_at, completed_at, cancelled_at, feedback_at) > now()
           OR payment_due_at <> placed_at + interval '24 hours'$q$),
    ('timestamps that do not fit the status',
     $q$SELECT count(*) FROM bjb.sales_order
        WHERE (status = 'pending_payment' AND (paid_at IS NOT NULL OR payment_due_at <= now()))
           OR (status = 'paid' AND (shipped_at IS NOT NULL OR completed_at IS NOT NULL))
           OR (status = 'shipped' AND completed_at IS NOT NULL)
           OR (status = 'completed' AND delivery = 'delivery' AND (shipped_at IS NULL OR courier IS NULL))
           OR (status = 'completed' AND delivery = 'pickup' AND shipped_at IS NOT NULL)
           OR (status <> 'cancelled' AND cancelled_at IS NOT NULL)
           OR (status = 'cancelled' AND (shipped_at IS NOT NULL OR cancel_reason IS NULL))$q$),
    ('order number not BJB-<Jakarta YYMMDD>-<id>',
     $q$SELECT count(*) FROM bjb.sales_order
        WHERE number <> 'BJB-' || to_char(placed_at AT TIME ZONE 'Asia/Jakarta', 'YYMMDD') || '-'
                        || lpad(id::text, greatest(6, length(id::text)), '0')$q$),
    ('identity sequences behind the data',
     $q$SELECT count(*) FROM (VALUES
          ('bjb.customer', (SELECT max(id) FROM bjb.customer)),
          ('bjb.sales_order', (SELECT max(id) FROM bjb.sales_order)),
          ('bjb.order_line', (SELECT max(id) FROM bjb.order_line)),
          ('bjb.product', (SELECT max(id) FROM bjb.product)),
          ('bjb.discount_rule', (SELECT max(id) FROM bjb.discount_rule))) t (tbl, mx)
        WHERE mx IS NOT NULL
          AND mx > (SELECT last_value FROM pg_sequences
                     WHERE schemaname || '.' || sequencename
                           = pg_get_serial_sequence(tbl, 'id'))$q$),
    ('orders of an inactive customer still open',
     $q$SELECT count(*) FROM bjb.sales_order o JOIN bjb.customer c ON c.id = o.customer_id
        WHERE c.status = 'inactive' AND o.status NOT IN ('completed', 'cancelled')$q$),
    ('customer registered after their first order',
     $q$SELECT count(*) FROM bjb.customer c
        WHERE created_at > (SELECT min(placed_at) FROM bjb.sales_order o WHERE o.customer_id = c.id)$q$),
    ('not exactly one birthday today',
     $q$SELECT abs(count(*) - 1) FROM bjb.customer WHERE bjb.is_birthday(birth_date, now())$q$),
    ('birthday customer not loyal or not active',
     $q$SELECT count(*) FROM bjb.customer c
        WHERE bjb.is_birthday(c.birth_date, now())
          AND (c.status <> 'active'
               OR bjb.customer_spend(c.id) < bjb.setting_bigint('loyalty_threshold'))$q$),
    ('fewer than 3 loyal customers',
     $q$SELECT greatest(0, 3 - count(*)) FROM (
          SELECT customer_id FROM bjb.sales_order WHERE status IN ('paid', 'shipped', 'completed')
          GROUP BY customer_id HAVING sum(total) >= bjb.setting_bigint('loyalty_threshold')) x$q$),
    ('a status never used',
     $q$SELECT count(*) FROM unnest(enum_range(NULL::bjb.order_status)) s
        WHERE NOT EXISTS (SELECT 1 FROM bjb.sales_order o WHERE o.status = s)$q$),
    ('phone or email not unique',
     $q$SELECT (SELECT count(*) - count(DISTINCT phone) FROM bjb.customer)
             + (SELECT count(email) - count(DISTINCT lower(email)) FROM bjb.customer)$q$)
  ) AS c (name, sql) LOOP
    EXECUTE v_check.sql INTO v_bad;
    IF v_bad <> 0 THEN
      v_msg := v_msg || format(E'\n  %s: %s', v_check.name, v_bad);
    END IF;
  END LOOP;
  -- 0003 keeps per-customer aggregates by trigger; a bulk seed must have rebuilt them.
  IF to_regclass('bjb.customer_stats') IS NOT NULL THEN
    SELECT count(*) INTO v_bad
      FROM bjb.customer c
      LEFT JOIN bjb.customer_stats s ON s.customer_id = c.id
      LEFT JOIN (SELECT customer_id,
                        coalesce(sum(total) FILTER (WHERE status IN ('paid', 'shipped', 'completed')), 0) AS spend,
                        count(*) AS n
                   FROM bjb.sales_order GROUP BY customer_id) o ON o.customer_id = c.id
     WHERE s.customer_id IS NULL
        OR s.total_spend <> coalesce(o.spend, 0) OR s.order_count <> coalesce(o.n, 0);
    IF v_bad <> 0 THEN
      v_msg := v_msg || format(E'\n  customer_stats out of date: %s', v_bad);
    END IF;
  END IF;
  IF v_msg <> '' THEN
    RAISE EXCEPTION 'seed check failed:%', v_msg;
  END IF;
  RAISE NOTICE 'seed check: every check passed';
END
$verify$;
