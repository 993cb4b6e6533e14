-- SPDX-License-Identifier: GPL-3.0-or-later
-- tests/reports: 2 500 completed orders (three FETCHes, many PDF pages) of 50 customers, as
-- the superuser with the triggers on (customer_stats and customer_month follow), every
-- third with a 10 % discount; and one delivery order shipped by t_courier.
INSERT INTO bjb.category (name) VALUES ('Uji Laporan');
INSERT INTO bjb.product (category_id, name, unit, price, stock, active)
SELECT (SELECT id FROM bjb.category WHERE name = 'Uji Laporan'), 'Paving Laporan ' || g, 'pcs', 2500,
       100000, true
FROM generate_series(1, 2) g;
INSERT INTO bjb.customer (name, address, phone, status, created_at)
SELECT 'Pelanggan Laporan ' || lpad(g::text, 2, '0'), 'Jl. Laporan ' || g, '+62811' || lpad(g::text, 7, '0'),
       'active', now() - g * interval '20 days'
FROM generate_series(1, 50) g;

CREATE TEMP TABLE rep_order AS
SELECT g, (SELECT id FROM bjb.customer WHERE name = 'Pelanggan Laporan ' || lpad((1 + g % 50)::text, 2, '0')) AS customer_id,
       (1 + g % 7) * 4 AS qty, CASE WHEN g % 3 = 0 THEN 10 ELSE 0 END AS pct,
       now() - g * interval '3 hours' AS placed_at
FROM generate_series(1, 2500) g;

INSERT INTO bjb.sales_order (number, customer_id, status, delivery, shipping_cost, subtotal,
                             discount_total, total, request_id, placed_at, payment_due_at, paid_at,
                             completed_at)
SELECT 'LAP-' || lpad(g::text, 5, '0'), customer_id, 'completed', 'pickup', 0, qty * 2500,
       qty * 2500 * pct / 100, qty * 2500 - qty * 2500 * pct / 100, gen_random_uuid(), placed_at,
       placed_at + interval '1 day', placed_at + interval '10 minutes', placed_at + interval '20 minutes'
FROM rep_order;

INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal, discount_percent,
                            discount_amount, rule, total)
SELECT o.id, 1, (SELECT min(id) FROM bjb.product WHERE name LIKE 'Paving Laporan %'), r.qty, 2500,
       r.qty * 2500, r.pct, r.qty * 2500 * r.pct / 100, CASE WHEN r.pct > 0 THEN 'loyalty' END,
       r.qty * 2500 - r.qty * 2500 * r.pct / 100
FROM rep_order r JOIN bjb.sales_order o ON o.number = 'LAP-' || lpad(r.g::text, 5, '0');

INSERT INTO bjb.sales_order (number, customer_id, status, delivery, address, shipping_cost, subtotal,
                             discount_total, total, request_id, placed_at, payment_due_at, paid_at,
                             shipped_at, courier)
SELECT 'LAP-KIRIM', (SELECT id FROM bjb.customer WHERE name = 'Pelanggan Laporan 01'), 'shipped',
       'delivery', 'Jl. Kaliurang, Sleman', 15000, 50000, 0, 65000, gen_random_uuid(),
       now() - interval '1 hour', now() + interval '1 day', now() - interval '50 minutes',
       now() - interval '30 minutes', 't_courier';
INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal, total)
SELECT o.id, 1, (SELECT max(id) FROM bjb.product WHERE name LIKE 'Paving Laporan %'), 20, 2500, 50000, 50000
FROM bjb.sales_order o WHERE o.number = 'LAP-KIRIM';
DROP TABLE rep_order;
