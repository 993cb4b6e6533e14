-- SPDX-License-Identifier: GPL-3.0-or-later
-- bench/worker/run: one product for the new-product messages the bench queues.
INSERT INTO bjb.category (name) VALUES ('Paving');
INSERT INTO bjb.product (category_id, name, unit, price, stock)
SELECT id, 'Paving K-300 Hexagon', 'buah', 4500, 10 FROM bjb.category;
