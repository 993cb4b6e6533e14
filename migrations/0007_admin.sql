-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0007_admin: the database side of the admin window (issue 10, part 1), so the pages are
-- only UI: catalogue, stock, discount rules, staff, settings, audit and feedback.
--
--  * The catalogue, discount rules and settings are written only through functions. The
--    direct INSERT/UPDATE/DELETE grants of 0001 are revoked: a direct UPDATE would bypass
--    the stale-edit check (two admins overwriting each other silently) and the per-field
--    validation. (They could not stall orders for longer than 0005's lock_timeout either
--    way; the functions lock products FOR NO KEY UPDATE and time out after 5 s.)
--  * Optimistic concurrency: product, category and discount_rule carry a `version`
--    (bumped by every edit, not by stock changes) and who edited last when. An edit names
--    the version it started from; a stale one is refused with BJ020 "… diubah oleh X pada T".
--  * Price history in bjb.price_change (a trigger, so every path records it); stock
--    corrections and stocktakes in the bjb.stock_movement ledger with new reasons.
--  * Sign-ins recorded by bjb.record_sign_in (the client calls it after connecting); the
--    staff list also shows sessions open now (pg_stat_activity).
--
-- Errors added (SQLSTATE class BJ, message in Indonesian):
--   BJ020 the row was changed by someone else since the edit began (DETAIL: JSON with
--         version, updated_by, updated_at)
--   BJ021 the row is still in use (a category with products)
-- Field validation raises BJ011 with the field's name in the COLUMN diagnostic
-- (PG_DIAG_COLUMN_NAME), so a form can mark the field; staff rules raise BJ010.
--
-- Run as a superuser after 0001–0006:  psql -v ON_ERROR_STOP=1 -f 0007_admin.sql

BEGIN;
SET LOCAL ROLE bjb_owner;

---------------------------------------------------------------------------------------------
-- Columns, tables, indexes
---------------------------------------------------------------------------------------------

ALTER TABLE bjb.product ADD COLUMN version int NOT NULL DEFAULT 1,
                        ADD COLUMN edited_at timestamptz NOT NULL DEFAULT now(),
                        ADD COLUMN edited_by text NOT NULL DEFAULT session_user,
                        ADD CONSTRAINT product_description_check CHECK (length(description) <= 4000);
ALTER TABLE bjb.category ADD COLUMN version int NOT NULL DEFAULT 1,
                         ADD COLUMN edited_at timestamptz NOT NULL DEFAULT now(),
                         ADD COLUMN edited_by text NOT NULL DEFAULT session_user;
ALTER TABLE bjb.discount_rule ADD COLUMN version int NOT NULL DEFAULT 1,
                              ADD COLUMN edited_at timestamptz NOT NULL DEFAULT now(),
                              ADD COLUMN edited_by text NOT NULL DEFAULT session_user;
COMMENT ON COLUMN bjb.product.version IS
  'Bumped by every catalogue edit (not by stock changes); an edit names the version it began from.';

-- Who changed the price when (the audit log has it too, among millions of stock updates).
CREATE TABLE bjb.price_change (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES bjb.product ON DELETE CASCADE,
  old_price  bigint,
  new_price  bigint NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL DEFAULT session_user
);
CREATE INDEX price_change_product_idx ON bjb.price_change (product_id, id);

-- The product's picture: its own table so reading products never drags image bytes along.
CREATE TABLE bjb.product_photo (
  product_id  bigint PRIMARY KEY REFERENCES bjb.product ON DELETE CASCADE,
  mime        text NOT NULL CHECK (mime = 'image/jpeg'),
  data        bytea NOT NULL CHECK (octet_length(data) BETWEEN 4 AND 10485760
                                    AND substring(data FROM 1 FOR 3) = '\xffd8ff'::bytea),
  thumb       bytea NOT NULL CHECK (octet_length(thumb) BETWEEN 4 AND 524288
                                    AND substring(thumb FROM 1 FOR 3) = '\xffd8ff'::bytea),
  width       int NOT NULL CHECK (width BETWEEN 1 AND 1600),
  height      int NOT NULL CHECK (height BETWEEN 1 AND 1600),
  uploaded_by text NOT NULL DEFAULT session_user,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- Last sign-in per login, written by bjb.record_sign_in. Not audited: it is not business data.
CREATE TABLE bjb.staff_sign_in (
  login   text PRIMARY KEY REFERENCES bjb.staff ON DELETE CASCADE,
  last_at timestamptz NOT NULL,
  count   bigint NOT NULL DEFAULT 1
);

ALTER TABLE bjb.stock_movement DROP CONSTRAINT stock_movement_reason_check,
  ADD CONSTRAINT stock_movement_reason_check CHECK (reason IN (
    'order', 'cancel', 'expire', 'restock', 'damaged', 'stocktake', 'correction', 'return'));
-- Ledger pages, newest first, per product or of every product (the primary key).
CREATE INDEX stock_movement_product_id_idx ON bjb.stock_movement (product_id, id);

-- Audit pages, newest first by (at, id), under every filter the page offers.
CREATE INDEX audit_log_at_idx ON bjb.audit_log (at, id);
CREATE INDEX audit_log_table_at_idx ON bjb.audit_log (table_name, at, id);
DROP INDEX bjb.audit_log_table_idx;
CREATE INDEX audit_log_row_idx ON bjb.audit_log (table_name, row_key, at, id);
DROP INDEX bjb.audit_log_actor_idx;
CREATE INDEX audit_log_actor_idx ON bjb.audit_log (actor, at, id);

-- Usage of a discount rule: orders whose lines carry it. An index, not a counter: a counter
-- row updated by every order would make concurrent orders with the same rule wait.
CREATE INDEX order_line_rule_idx ON bjb.order_line (rule_id, order_id) WHERE rule_id IS NOT NULL;

-- Feedback review, newest first.
CREATE INDEX sales_order_feedback_idx ON bjb.sales_order (feedback_at, id) WHERE feedback IS NOT NULL;

ALTER TABLE bjb.setting ADD COLUMN label text NOT NULL DEFAULT '';
UPDATE bjb.setting s SET label = v.label
FROM (VALUES ('loyalty_threshold', 'Ambang pelanggan setia (Rp)'),
             ('birthday_percent', 'Persen diskon ulang tahun'),
             ('birthday_cart_min', 'Belanja minimal diskon ulang tahun (Rp)'),
             ('low_stock_threshold', 'Ambang stok menipis'),
             ('payment_window', 'Batas waktu pembayaran (jam)'),
             ('require_second_confirmer', 'Konfirmasi pembayaran oleh staf kedua'),
             ('business_name', 'Nama usaha'),
             ('business_address', 'Alamat usaha'),
             ('business_phone', 'Telepon usaha'),
             ('bank_accounts', 'Rekening bank')) v (key, label)
WHERE s.key = v.key;

ALTER TABLE bjb.price_change ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.product_photo ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE bjb.staff_sign_in ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON bjb.price_change TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.product_photo TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON bjb.staff_sign_in TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY admin_read ON bjb.price_change FOR SELECT TO bjb_admin USING (true);
CREATE POLICY office_read ON bjb.product_photo FOR SELECT TO bjb_admin, bjb_cs USING (true);
CREATE POLICY admin_read ON bjb.staff_sign_in FOR SELECT TO bjb_admin USING (true);
GRANT SELECT ON bjb.price_change, bjb.staff_sign_in TO bjb_admin;
GRANT SELECT ON bjb.product_photo TO bjb_admin, bjb_cs;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bjb.product_photo
  FOR EACH ROW EXECUTE FUNCTION bjb.audit_row();

-- Writes only through the functions below (see the header).
REVOKE INSERT, UPDATE, DELETE ON bjb.category, bjb.product, bjb.discount_rule FROM bjb_admin;
REVOKE UPDATE ON bjb.setting FROM bjb_admin;
REVOKE USAGE ON SEQUENCE bjb.category_id_seq, bjb.product_id_seq, bjb.discount_rule_id_seq FROM bjb_admin;
DROP POLICY admin_write ON bjb.category;
DROP POLICY admin_write ON bjb.product;
DROP POLICY admin_write ON bjb.discount_rule;
DROP POLICY admin_update ON bjb.setting;
CREATE POLICY admin_read ON bjb.category FOR SELECT TO bjb_admin USING (true);
CREATE POLICY admin_read ON bjb.product FOR SELECT TO bjb_admin USING (true);
CREATE POLICY admin_read ON bjb.discount_rule FOR SELECT TO bjb_admin USING (true);

---------------------------------------------------------------------------------------------
-- Helpers (no EXECUTE for anyone)
---------------------------------------------------------------------------------------------

-- A field the form must mark: BJ011 with the field's name in the COLUMN diagnostic.
-- VOLATILE (the default): an immutable one could be folded, and raise, while planning.
CREATE FUNCTION bjb.field_error(p_field text, p_message text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'BJ011', COLUMN = p_field, MESSAGE = p_message;
END
$$;

-- The stale-edit check: p_version is the version the form began from, p_current the row's;
-- the refusal names who changed the row and when (Jakarta time).
CREATE FUNCTION bjb.check_version(p_what text, p_version int, p_current int, p_by text, p_at timestamptz)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_version IS NOT DISTINCT FROM p_current THEN
    RETURN;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'BJ020',
    MESSAGE = pg_catalog.format('%s sudah diubah oleh %s pada %s sejak Anda mulai mengubahnya. '
                                'Muat ulang untuk melihat perubahannya.', p_what,
                                coalesce((SELECT s.display_name FROM bjb.staff s WHERE s.login = p_by), p_by),
                                pg_catalog.to_char(p_at AT TIME ZONE 'Asia/Jakarta', 'DD-MM-YYYY HH24:MI "WIB"')),
    DETAIL = pg_catalog.json_build_object('version', p_current, 'updated_by', p_by,
                                          'updated_at', p_at)::text;
END
$$;

CREATE FUNCTION bjb.price_change_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' OR OLD.price IS DISTINCT FROM NEW.price THEN
    INSERT INTO bjb.price_change (product_id, old_price, new_price)
    VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.price END, NEW.price);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER price_change AFTER INSERT OR UPDATE OF price ON bjb.product
  FOR EACH ROW EXECUTE FUNCTION bjb.price_change_record();
-- Products from before 0007 start their history with the price they have now.
INSERT INTO bjb.price_change (product_id, old_price, new_price, at, actor)
SELECT id, NULL, price, created_at, session_user FROM bjb.product ORDER BY id;

-- Locks a product for a change (FOR NO KEY UPDATE, as orders do) and returns it: BJ013 when
-- an unfinished transaction holds it past lock_timeout, BJ011 on p_field when it is missing.
CREATE FUNCTION bjb.lock_product(p_product bigint, p_field text) RETURNS bjb.product
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_product bjb.product;
BEGIN
  BEGIN
    SELECT * INTO v_product FROM bjb.product WHERE id = p_product FOR NO KEY UPDATE;
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ013',
      MESSAGE = 'Produk ini sedang dipakai transaksi lain yang belum selesai. Coba lagi sebentar lagi.';
  END;
  IF v_product.id IS NULL THEN
    PERFORM bjb.field_error(p_field, pg_catalog.format('Produk #%s tidak ditemukan.', p_product));
  END IF;
  RETURN v_product;
END
$$;

-- Every stock change but orders: lock the product (FOR NO KEY UPDATE, as orders do), refuse
-- going below zero (BJ001), write the ledger row, tell admins when it falls to the threshold.
CREATE FUNCTION bjb.apply_stock_delta(p_product bigint, p_delta int, p_reason text, p_note text)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_product bjb.product;
  v_low     int := bjb.setting_bigint('low_stock_threshold')::int;
BEGIN
  v_product := bjb.lock_product(p_product, 'product_id');
  IF v_product.stock + p_delta < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ001',
      MESSAGE = pg_catalog.format('Stok %s hanya %s; tidak dapat dikurangi %s.',
                                  v_product.name, v_product.stock, -p_delta);
  END IF;
  UPDATE bjb.product SET stock = stock + p_delta WHERE id = p_product;
  INSERT INTO bjb.stock_movement (product_id, delta, reason, note)
  VALUES (p_product, p_delta, p_reason, nullif(btrim(p_note), ''));
  IF v_product.stock + p_delta <= v_low AND v_product.stock > v_low THEN
    PERFORM bjb.emit_event('stock_low', NULL, p_product, NULL, 'admin', NULL,
                           jsonb_build_object('name', v_product.name, 'stock', v_product.stock + p_delta));
  END IF;
  RETURN v_product.stock + p_delta;
END
$$;

---------------------------------------------------------------------------------------------
-- Products and categories
---------------------------------------------------------------------------------------------

-- Creates (p_id NULL) or edits a product; returns {"id", "version"}. An edit names the
-- version its form was loaded with (BJ020 when somebody saved in between). Stock is not
-- edited here (bjb.adjust_stock).
CREATE FUNCTION bjb.save_product(p_id bigint, p_version int, p_category bigint, p_name text,
                                 p_unit text, p_price bigint, p_description text, p_active boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_old  bjb.product;
  v_name text := btrim(p_name);
  v_unit text := btrim(p_unit);
  v_row  bjb.product;
BEGIN
  PERFORM bjb.require_role('admin');
  IF v_name IS NULL OR v_name = '' OR length(v_name) > 200 THEN
    PERFORM bjb.field_error('name', 'Nama produk harus diisi, paling banyak 200 karakter.');
  END IF;
  IF p_category IS NULL OR NOT EXISTS (SELECT 1 FROM bjb.category c WHERE c.id = p_category) THEN
    PERFORM bjb.field_error('category_id', 'Pilih kategori produk.');
  END IF;
  IF v_unit IS NULL OR v_unit = '' OR length(v_unit) > 20 THEN
    PERFORM bjb.field_error('unit', 'Satuan harus diisi, paling banyak 20 karakter.');
  END IF;
  IF p_price IS NULL OR p_price < 0 OR p_price > 10000000000 THEN
    PERFORM bjb.field_error('price', 'Harga harus antara Rp 0 dan Rp 10.000.000.000.');
  END IF;
  IF length(p_description) > 4000 THEN
    PERFORM bjb.field_error('description', 'Deskripsi paling banyak 4000 karakter.');
  END IF;
  IF p_active IS NULL THEN
    PERFORM bjb.field_error('active', 'Status aktif harus ya atau tidak.');
  END IF;
  IF EXISTS (SELECT 1 FROM bjb.product p WHERE lower(p.name) = lower(v_name) AND p.id IS DISTINCT FROM p_id) THEN
    PERFORM bjb.field_error('name', pg_catalog.format('Nama produk "%s" sudah dipakai.', v_name));
  END IF;

  IF p_id IS NULL THEN
    INSERT INTO bjb.product (category_id, name, unit, price, description, active)
    VALUES (p_category, v_name, v_unit, p_price, coalesce(p_description, ''), p_active)
    RETURNING * INTO v_row;
  ELSE
    v_old := bjb.lock_product(p_id, 'id');
    PERFORM bjb.check_version(pg_catalog.format('Produk %s', v_old.name), p_version, v_old.version,
                              v_old.edited_by, v_old.edited_at);
    UPDATE bjb.product
    SET category_id = p_category, name = v_name, unit = v_unit, price = p_price,
        description = coalesce(p_description, ''), active = p_active,
        version = version + 1, edited_at = pg_catalog.now(), edited_by = session_user
    WHERE id = p_id
    RETURNING * INTO v_row;
  END IF;
  RETURN jsonb_build_object('id', v_row.id, 'version', v_row.version);
EXCEPTION WHEN unique_violation THEN
  -- Two admins creating the same name at once: the second learns it as a field error.
  PERFORM bjb.field_error('name', pg_catalog.format('Nama produk "%s" sudah dipakai.', v_name));
END
$$;

-- Replaces the product's photo (the client scaled it as for order photos); NULL data removes it.
CREATE FUNCTION bjb.set_product_photo(p_product bigint, p_mime text, p_data bytea, p_thumb bytea,
                                      p_width int, p_height int)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF NOT EXISTS (SELECT 1 FROM bjb.product WHERE id = p_product) THEN
    PERFORM bjb.field_error('product_id', pg_catalog.format('Produk #%s tidak ditemukan.', p_product));
  END IF;
  IF p_data IS NULL THEN
    DELETE FROM bjb.product_photo WHERE product_id = p_product;
    RETURN;
  END IF;
  IF p_mime IS DISTINCT FROM 'image/jpeg' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ009', MESSAGE = 'Foto harus disimpan sebagai JPEG.';
  END IF;
  IF octet_length(p_data) < 4 OR substring(p_data FROM 1 FOR 3) <> '\xffd8ff'::bytea
     OR p_thumb IS NULL OR octet_length(p_thumb) < 4 OR substring(p_thumb FROM 1 FOR 3) <> '\xffd8ff'::bytea THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ009', MESSAGE = 'Berkas foto bukan JPEG yang valid.';
  END IF;
  IF octet_length(p_data) > 10485760 OR octet_length(p_thumb) > 524288 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ009', MESSAGE = 'Berkas foto terlalu besar.';
  END IF;
  IF p_width IS NULL OR p_height IS NULL OR p_width NOT BETWEEN 1 AND 1600 OR p_height NOT BETWEEN 1 AND 1600 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ009', MESSAGE = 'Ukuran foto harus 1–1600 piksel pada sisi terpanjang.';
  END IF;
  INSERT INTO bjb.product_photo (product_id, mime, data, thumb, width, height)
  VALUES (p_product, p_mime, p_data, p_thumb, p_width, p_height)
  ON CONFLICT (product_id) DO UPDATE
    SET mime = EXCLUDED.mime, data = EXCLUDED.data, thumb = EXCLUDED.thumb, width = EXCLUDED.width,
        height = EXCLUDED.height, uploaded_by = session_user, uploaded_at = pg_catalog.now();
END
$$;

-- Who changed the product's price when, newest first (the first row of a product is its
-- creation: old_price NULL).
CREATE FUNCTION bjb.price_history(p_product bigint)
RETURNS TABLE (at timestamptz, old_price bigint, new_price bigint, actor text, actor_name text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.at, c.old_price, c.new_price, c.actor, s.display_name
  FROM bjb.price_change c LEFT JOIN bjb.staff s ON s.login = c.actor
  WHERE c.product_id = p_product
  ORDER BY c.id DESC
$$;

-- Products for the catalogue and stock pages: low stock (at or below the threshold, active
-- products) first, then by name. A shop has hundreds of products, not millions: no paging.
CREATE FUNCTION bjb.list_products(p_search text DEFAULT NULL, p_category bigint DEFAULT NULL,
                                  p_active boolean DEFAULT NULL)
RETURNS TABLE (id bigint, name text, category_id bigint, category_name text, unit text, price bigint,
               stock int, low_stock boolean, active boolean, description text, has_photo boolean,
               version int, edited_at timestamptz, edited_by text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  WITH t AS (SELECT (s.value #>> '{}')::int AS low FROM bjb.setting s WHERE s.key = 'low_stock_threshold')
  SELECT p.id, p.name, p.category_id, c.name, p.unit, p.price, p.stock,
         p.active AND p.stock <= t.low, p.active, p.description,
         EXISTS (SELECT 1 FROM bjb.product_photo ph WHERE ph.product_id = p.id),
         p.version, p.edited_at, p.edited_by
  FROM bjb.product p JOIN bjb.category c ON c.id = p.category_id CROSS JOIN t
  WHERE (p_category IS NULL OR p.category_id = p_category)
    AND (p_active IS NULL OR p.active = p_active)
    AND (nullif(btrim(p_search), '') IS NULL
         OR p.name ILIKE '%' || replace(replace(replace(btrim(p_search), '\', '\\'), '%', '\%'), '_', '\_') || '%')
  ORDER BY (p.active AND p.stock <= t.low) DESC, p.name, p.id
  LIMIT 2000
$$;

-- Creates (p_id NULL) or renames a category; returns {"id", "version"}.
CREATE FUNCTION bjb.save_category(p_id bigint, p_version int, p_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_name text := btrim(p_name);
  v_old  bjb.category;
  v_row  bjb.category;
BEGIN
  PERFORM bjb.require_role('admin');
  IF v_name IS NULL OR v_name = '' OR length(v_name) > 100 THEN
    PERFORM bjb.field_error('name', 'Nama kategori harus diisi, paling banyak 100 karakter.');
  END IF;
  IF EXISTS (SELECT 1 FROM bjb.category c WHERE lower(c.name) = lower(v_name) AND c.id IS DISTINCT FROM p_id) THEN
    PERFORM bjb.field_error('name', pg_catalog.format('Kategori "%s" sudah ada.', v_name));
  END IF;
  IF p_id IS NULL THEN
    INSERT INTO bjb.category (name) VALUES (v_name) RETURNING * INTO v_row;
  ELSE
    SELECT * INTO v_old FROM bjb.category WHERE id = p_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
      PERFORM bjb.field_error('id', pg_catalog.format('Kategori #%s tidak ditemukan.', p_id));
    END IF;
    PERFORM bjb.check_version(pg_catalog.format('Kategori %s', v_old.name), p_version, v_old.version,
                              v_old.edited_by, v_old.edited_at);
    UPDATE bjb.category
    SET name = v_name, version = version + 1, edited_at = pg_catalog.now(), edited_by = session_user
    WHERE id = p_id RETURNING * INTO v_row;
  END IF;
  RETURN jsonb_build_object('id', v_row.id, 'version', v_row.version);
EXCEPTION WHEN unique_violation THEN
  PERFORM bjb.field_error('name', pg_catalog.format('Kategori "%s" sudah ada.', v_name));
END
$$;

-- Removes a category no product uses (BJ021 names how many still do).
CREATE FUNCTION bjb.delete_category(p_id bigint, p_version int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_old bjb.category;
  v_n   bigint;
BEGIN
  PERFORM bjb.require_role('admin');
  -- FOR UPDATE: a product being created in it meanwhile waits, then fails its foreign key.
  SELECT * INTO v_old FROM bjb.category WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM bjb.field_error('id', pg_catalog.format('Kategori #%s tidak ditemukan.', p_id));
  END IF;
  PERFORM bjb.check_version(pg_catalog.format('Kategori %s', v_old.name), p_version, v_old.version,
                            v_old.edited_by, v_old.edited_at);
  SELECT count(*) INTO v_n FROM bjb.product WHERE category_id = p_id;
  IF v_n > 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ021',
      MESSAGE = pg_catalog.format('Kategori %s masih dipakai %s produk; pindahkan produknya ke kategori lain dulu.',
                                  v_old.name, v_n);
  END IF;
  DELETE FROM bjb.category WHERE id = p_id;
END
$$;

---------------------------------------------------------------------------------------------
-- Stock
---------------------------------------------------------------------------------------------

-- A correction of one product's stock; returns the new stock. damaged takes stock away,
-- restock and return add to it, stocktake and correction go either way.
CREATE FUNCTION bjb.adjust_stock(p_product bigint, p_delta int, p_reason text, p_note text)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_reason IS NULL OR p_reason NOT IN ('restock', 'damaged', 'stocktake', 'correction', 'return') THEN
    PERFORM bjb.field_error('reason', 'Alasan harus restock, damaged, stocktake, correction atau return.');
  END IF;
  IF p_delta IS NULL OR p_delta = 0 OR abs(p_delta) > 10000000 THEN
    PERFORM bjb.field_error('delta', 'Jumlah penyesuaian stok harus bukan nol, paling banyak 10.000.000.');
  END IF;
  IF p_reason = 'damaged' AND p_delta > 0 THEN
    PERFORM bjb.field_error('delta', 'Barang rusak mengurangi stok: jumlahnya harus negatif.');
  END IF;
  IF p_reason IN ('restock', 'return') AND p_delta < 0 THEN
    PERFORM bjb.field_error('delta', 'Barang masuk atau retur menambah stok: jumlahnya harus positif.');
  END IF;
  IF length(p_note) > 1000 THEN
    PERFORM bjb.field_error('note', 'Catatan paling banyak 1000 karakter.');
  END IF;
  RETURN bjb.apply_stock_delta(p_product, p_delta, p_reason, p_note);
END
$$;

-- As in 0001, through the same path as adjust_stock (FOR NO KEY UPDATE, BJ013 on a lock wait).
CREATE OR REPLACE FUNCTION bjb.restock(p_product bigint, p_qty int, p_note text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_qty IS NULL OR p_qty = 0 OR abs(p_qty) > 10000000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Jumlah penyesuaian stok tidak valid.';
  END IF;
  RETURN bjb.apply_stock_delta(p_product, p_qty, 'restock', p_note);
END
$$;

-- Applies counted quantities, [{"product_id": 1, "counted": 40}, …], in one transaction:
-- each product whose stock differs gets a stocktake ledger row. Returns
-- {"changed": n, "lines": [{"product_id", "name", "old", "new", "delta"}]}.
CREATE FUNCTION bjb.apply_stocktake(p_counts jsonb, p_note text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_elem  jsonb;
  v_line  record;
  v_lines jsonb := '[]';
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_counts IS NULL OR jsonb_typeof(p_counts) <> 'array' OR jsonb_array_length(p_counts) = 0
     OR jsonb_array_length(p_counts) > 2000 THEN
    PERFORM bjb.field_error('counts', 'Isi hasil hitung stok untuk 1–2000 produk.');
  END IF;
  FOR v_elem IN SELECT e FROM jsonb_array_elements(p_counts) e LOOP
    IF jsonb_typeof(v_elem) <> 'object' OR (v_elem ->> 'product_id') !~ '^[0-9]{1,18}$'
       OR jsonb_typeof(v_elem -> 'counted') IS DISTINCT FROM 'number'
       OR (v_elem ->> 'counted') !~ '^[0-9]{1,8}$' OR (v_elem ->> 'counted')::int > 10000000 THEN
      PERFORM bjb.field_error('counts', pg_catalog.format(
        'Hasil hitung tidak valid (%s): setiap baris butuh product_id dan jumlah bulat 0–10.000.000.', v_elem));
    END IF;
  END LOOP;
  IF (SELECT count(DISTINCT e ->> 'product_id') FROM jsonb_array_elements(p_counts) e)
     <> jsonb_array_length(p_counts) THEN
    PERFORM bjb.field_error('counts', 'Satu produk tercantum dua kali dalam hasil hitung.');
  END IF;
  IF length(p_note) > 1000 THEN
    PERFORM bjb.field_error('note', 'Catatan paling banyak 1000 karakter.');
  END IF;

  -- All products locked first, in id order, as orders lock them (no deadlock with an order).
  BEGIN
    PERFORM 1 FROM bjb.product
    WHERE id IN (SELECT (e ->> 'product_id')::bigint FROM jsonb_array_elements(p_counts) e)
    ORDER BY id FOR NO KEY UPDATE;
  EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ013',
      MESSAGE = 'Stok sedang dipakai transaksi lain yang belum selesai; hasil hitung belum disimpan. Coba lagi.';
  END;
  FOR v_line IN
    SELECT (e ->> 'product_id')::bigint AS product_id, (e ->> 'counted')::int AS counted, p.stock, p.name
    FROM jsonb_array_elements(p_counts) e LEFT JOIN bjb.product p ON p.id = (e ->> 'product_id')::bigint
    ORDER BY 1
  LOOP
    IF v_line.name IS NULL THEN
      PERFORM bjb.field_error('counts', pg_catalog.format('Produk #%s tidak ditemukan.', v_line.product_id));
    END IF;
    CONTINUE WHEN v_line.counted = v_line.stock;
    PERFORM bjb.apply_stock_delta(v_line.product_id, v_line.counted - v_line.stock, 'stocktake', p_note);
    v_lines := v_lines || jsonb_build_object('product_id', v_line.product_id, 'name', v_line.name,
                                             'old', v_line.stock, 'new', v_line.counted,
                                             'delta', v_line.counted - v_line.stock);
  END LOOP;
  RETURN jsonb_build_object('changed', jsonb_array_length(v_lines), 'lines', v_lines);
END
$$;

-- The stock ledger, newest first: of one product or (NULL) of all; a page ends at the row
-- before p_before (NULL: the newest). Keyset on the id (index (product_id, id), or the
-- primary key), so page 1000 costs what page 1 does.
CREATE FUNCTION bjb.stock_ledger(p_product bigint, p_before bigint, p_limit int DEFAULT 100)
RETURNS TABLE (id bigint, at timestamptz, product_id bigint, product_name text, delta int,
               reason text, order_id bigint, order_number text, note text, actor text, actor_name text)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_before bigint := coalesce(p_before, 9223372036854775807);
  v_limit  int := least(greatest(coalesce(p_limit, 100), 1), 500);
  v_ids    bigint[];
BEGIN
  -- Two static queries rather than "p_product IS NULL OR …", so each keeps its index.
  IF p_product IS NULL THEN
    v_ids := ARRAY(SELECT m.id FROM bjb.stock_movement m WHERE m.id < v_before
                   ORDER BY m.id DESC LIMIT v_limit);
  ELSE
    v_ids := ARRAY(SELECT m.id FROM bjb.stock_movement m
                   WHERE m.product_id = p_product AND m.id < v_before
                   ORDER BY m.product_id DESC, m.id DESC LIMIT v_limit);
  END IF;
  RETURN QUERY
    SELECT m.id, m.at, m.product_id, p.name, m.delta, m.reason, m.order_id, o.number, m.note,
           m.actor, s.display_name
    FROM bjb.stock_movement m
    JOIN bjb.product p ON p.id = m.product_id
    LEFT JOIN bjb.sales_order o ON o.id = m.order_id
    LEFT JOIN bjb.staff s ON s.login = m.actor
    WHERE m.id = ANY (v_ids)
    ORDER BY m.id DESC;
END
$$;

---------------------------------------------------------------------------------------------
-- Discount rules
---------------------------------------------------------------------------------------------

-- Creates (p_id NULL) or edits a rule; returns {"id", "version"}. Every field is checked
-- on its own (BJ011 with the field's COLUMN). valid_until is the last Jakarta day the rule
-- applies; a new or changed date must not be in the past.
CREATE FUNCTION bjb.save_discount_rule(p_id bigint, p_version int, p_name text, p_percent int,
                                       p_audience text, p_customer bigint, p_scope text,
                                       p_product bigint, p_min_cart_total bigint,
                                       p_valid_until date, p_active boolean)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_name  text := btrim(p_name);
  v_today date := (pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date;
  v_old   bjb.discount_rule;
  v_row   bjb.discount_rule;
BEGIN
  PERFORM bjb.require_role('admin');
  IF v_name IS NULL OR v_name = '' OR length(v_name) > 200 THEN
    PERFORM bjb.field_error('name', 'Nama aturan diskon harus diisi, paling banyak 200 karakter.');
  END IF;
  IF p_percent IS NULL OR p_percent NOT BETWEEN 1 AND 100 THEN
    PERFORM bjb.field_error('percent', 'Persen diskon harus 1–100.');
  END IF;
  IF p_audience IS NULL OR p_audience NOT IN ('customer', 'loyal') THEN
    PERFORM bjb.field_error('audience', 'Sasaran harus satu pelanggan atau semua pelanggan setia.');
  END IF;
  IF p_audience = 'customer' AND (p_customer IS NULL OR NOT EXISTS (
       SELECT 1 FROM bjb.customer c WHERE c.id = p_customer AND c.status = 'active')) THEN
    PERFORM bjb.field_error('customer_id', 'Pilih pelanggan aktif untuk aturan ini.');
  END IF;
  IF p_audience = 'loyal' AND p_customer IS NOT NULL THEN
    PERFORM bjb.field_error('customer_id', 'Aturan untuk semua pelanggan setia tidak memilih satu pelanggan.');
  END IF;
  IF p_scope IS NULL OR p_scope NOT IN ('single_product', 'all_products', 'cart_threshold') THEN
    PERFORM bjb.field_error('scope', 'Cakupan harus satu produk, semua produk atau minimal belanja.');
  END IF;
  IF p_scope = 'single_product' AND (p_product IS NULL OR NOT EXISTS (
       SELECT 1 FROM bjb.product p WHERE p.id = p_product)) THEN
    PERFORM bjb.field_error('product_id', 'Pilih produk untuk aturan satu produk.');
  END IF;
  IF p_scope <> 'single_product' AND p_product IS NOT NULL THEN
    PERFORM bjb.field_error('product_id', 'Produk hanya dipilih untuk aturan satu produk.');
  END IF;
  IF p_scope = 'cart_threshold' AND (p_min_cart_total IS NULL OR p_min_cart_total <= 0
                                     OR p_min_cart_total > 1000000000000) THEN
    PERFORM bjb.field_error('min_cart_total', 'Isi belanja minimal (lebih dari Rp 0) untuk aturan minimal belanja.');
  END IF;
  IF p_scope <> 'cart_threshold' AND p_min_cart_total IS NOT NULL THEN
    PERFORM bjb.field_error('min_cart_total', 'Belanja minimal hanya untuk aturan minimal belanja.');
  END IF;
  IF p_active IS NULL THEN
    PERFORM bjb.field_error('active', 'Status aktif harus ya atau tidak.');
  END IF;

  IF p_id IS NOT NULL THEN
    SELECT * INTO v_old FROM bjb.discount_rule WHERE id = p_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
      PERFORM bjb.field_error('id', pg_catalog.format('Aturan diskon #%s tidak ditemukan.', p_id));
    END IF;
    PERFORM bjb.check_version(pg_catalog.format('Aturan diskon %s', v_old.name), p_version, v_old.version,
                              v_old.edited_by, v_old.edited_at);
  END IF;
  IF p_valid_until < v_today AND (p_id IS NULL OR p_valid_until IS DISTINCT FROM v_old.valid_until) THEN
    PERFORM bjb.field_error('valid_until', 'Tanggal berlaku sampai tidak boleh di masa lalu.');
  END IF;

  IF p_id IS NULL THEN
    INSERT INTO bjb.discount_rule (name, percent, audience, customer_id, scope, product_id,
                                   min_cart_total, valid_until, active)
    VALUES (v_name, p_percent, p_audience, p_customer, p_scope, p_product, p_min_cart_total,
            p_valid_until, p_active)
    RETURNING * INTO v_row;
  ELSE
    UPDATE bjb.discount_rule
    SET name = v_name, percent = p_percent, audience = p_audience, customer_id = p_customer,
        scope = p_scope, product_id = p_product, min_cart_total = p_min_cart_total,
        valid_until = p_valid_until, active = p_active,
        version = version + 1, edited_at = pg_catalog.now(), edited_by = session_user
    WHERE id = p_id RETURNING * INTO v_row;
  END IF;
  RETURN jsonb_build_object('id', v_row.id, 'version', v_row.version);
END
$$;

-- Switches a rule on or off (the list's switch), with the same stale-edit check.
CREATE FUNCTION bjb.set_discount_rule_active(p_id bigint, p_version int, p_active boolean) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_old bjb.discount_rule;
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_active IS NULL THEN
    PERFORM bjb.field_error('active', 'Status aktif harus ya atau tidak.');
  END IF;
  SELECT * INTO v_old FROM bjb.discount_rule WHERE id = p_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    PERFORM bjb.field_error('id', pg_catalog.format('Aturan diskon #%s tidak ditemukan.', p_id));
  END IF;
  PERFORM bjb.check_version(pg_catalog.format('Aturan diskon %s', v_old.name), p_version, v_old.version,
                            v_old.edited_by, v_old.edited_at);
  UPDATE bjb.discount_rule
  SET active = p_active, version = version + 1, edited_at = pg_catalog.now(), edited_by = session_user
  WHERE id = p_id;
  RETURN jsonb_build_object('id', p_id, 'version', v_old.version + 1);
END
$$;

-- Every rule with its state ('active', 'inactive', or 'expired': valid_until before today
-- in Jakarta, so the quote ignores it) and how many orders used it (index order_line_rule_idx).
CREATE FUNCTION bjb.list_discount_rules()
RETURNS TABLE (id bigint, name text, percent int, audience text, customer_id bigint,
               customer_name text, scope text, product_id bigint, product_name text,
               min_cart_total bigint, valid_until date, active boolean, state text,
               orders_used bigint, version int, edited_at timestamptz, edited_by text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT r.id, r.name, r.percent, r.audience, r.customer_id, c.name, r.scope, r.product_id, p.name,
         r.min_cart_total, r.valid_until, r.active,
         CASE WHEN r.valid_until < (pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date THEN 'expired'
              WHEN r.active THEN 'active' ELSE 'inactive' END,
         (SELECT count(DISTINCT l.order_id) FROM bjb.order_line l WHERE l.rule_id = r.id),
         r.version, r.edited_at, r.edited_by
  FROM bjb.discount_rule r
  LEFT JOIN bjb.customer c ON c.id = r.customer_id
  LEFT JOIN bjb.product p ON p.id = r.product_id
  ORDER BY r.active DESC, r.name, r.id
$$;

---------------------------------------------------------------------------------------------
-- Staff
---------------------------------------------------------------------------------------------

-- Called by every client right after it signs in (the server cannot tell a sign-in from
-- any other connection otherwise); records the caller's own row only.
CREATE FUNCTION bjb.record_sign_in() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  IF bjb.caller_role() IS NULL OR NOT EXISTS (SELECT 1 FROM bjb.staff WHERE login = session_user) THEN
    PERFORM bjb.require_role('admin', 'cs', 'courier', 'worker');
    RETURN;  -- a superuser without a staff row: nothing to record
  END IF;
  INSERT INTO bjb.staff_sign_in AS s (login, last_at) VALUES (session_user, pg_catalog.now())
  ON CONFLICT (login) DO UPDATE SET last_at = EXCLUDED.last_at, count = s.count + 1;
END
$$;

-- The staff list: last sign-in as recorded by bjb.record_sign_in, and how many sessions
-- the login has open right now (pg_stat_activity, this database; without pg_read_all_stats
-- the owner sees who is connected, not since when or doing what).
CREATE FUNCTION bjb.list_staff()
RETURNS TABLE (login text, display_name text, phone text, role text, active boolean,
               created_at timestamptz, last_sign_in_at timestamptz, sessions int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN QUERY
    SELECT s.login, s.display_name, s.phone, s.role, s.active, s.created_at, si.last_at,
           coalesce(a.n, 0)::int
    FROM bjb.staff s
    LEFT JOIN bjb.staff_sign_in si ON si.login = s.login
    LEFT JOIN (SELECT a.usename::text AS login, count(*) AS n
               FROM pg_catalog.pg_stat_activity a
               WHERE a.datname = pg_catalog.current_database()
               GROUP BY 1) a ON a.login = s.login
    ORDER BY s.active DESC, s.role, s.login;
END
$$;

-- Ends every open session of a login (but the caller's own), so a deactivated or moved
-- login keeps no window open with its old rights.
CREATE FUNCTION bjb.end_sessions(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_catalog.pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity a
  WHERE a.usename = p_login AND a.pid <> pg_catalog.pg_backend_pid();
END
$$;

-- The last-admin rule: locks the active admins' staff rows (in login order, so two admins
-- acting at once take turns; staff logins cannot lock staff rows themselves) and refuses a
-- change that would leave no active admin.
CREATE FUNCTION bjb.keep_an_admin(p_login text, p_message text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM 1 FROM bjb.staff WHERE role = 'admin' AND active ORDER BY login FOR NO KEY UPDATE;
  IF NOT EXISTS (SELECT 1 FROM bjb.staff WHERE role = 'admin' AND active AND login <> p_login) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', MESSAGE = p_message;
  END IF;
END
$$;

-- As in 0001, and the last active admin cannot be deactivated (by a superuser either).
CREATE OR REPLACE FUNCTION bjb.set_staff_active(p_login text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_active IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Status aktif harus ya atau tidak.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bjb.staff WHERE login = p_login) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010',
      MESSAGE = pg_catalog.format('Staf %s tidak ditemukan.', coalesce(p_login, '(kosong)'));
  END IF;
  IF p_login = session_user AND NOT p_active THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', MESSAGE = 'Anda tidak dapat menonaktifkan akun sendiri.';
  END IF;
  IF NOT p_active THEN
    PERFORM bjb.keep_an_admin(p_login, 'Admin aktif terakhir tidak dapat dinonaktifkan.');
  END IF;

  UPDATE bjb.staff SET active = p_active WHERE login = p_login;
  EXECUTE pg_catalog.format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  IF NOT p_active THEN
    PERFORM bjb.end_sessions(p_login);
  END IF;
END
$$;

-- Moves a staff member to another role (group). An admin cannot demote themself, nor the
-- last active admin. Their open sessions end, so no window of the old role stays open.
CREATE FUNCTION bjb.set_staff_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_old text;
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_role IS NULL OR p_role NOT IN ('admin', 'cs', 'courier', 'worker') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', MESSAGE = 'Peran harus admin, cs, courier atau worker.';
  END IF;
  SELECT role INTO v_old FROM bjb.staff WHERE login = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010',
      MESSAGE = pg_catalog.format('Staf %s tidak ditemukan.', coalesce(p_login, '(kosong)'));
  END IF;
  IF v_old = p_role THEN
    RETURN;
  END IF;
  IF p_login = session_user THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010', MESSAGE = 'Anda tidak dapat mengubah peran akun sendiri.';
  END IF;
  IF v_old = 'admin' THEN
    PERFORM bjb.keep_an_admin(p_login, 'Admin aktif terakhir tidak dapat diubah perannya.');
  END IF;
  UPDATE bjb.staff SET role = p_role WHERE login = p_login;
  EXECUTE pg_catalog.format('REVOKE %I FROM %I', 'bjb_' || v_old, p_login);
  EXECUTE pg_catalog.format('GRANT %I TO %I', 'bjb_' || p_role, p_login);
  PERFORM bjb.end_sessions(p_login);
END
$$;

-- Sets a staff member's password from a SCRAM-SHA-256 verifier computed by the client
-- (as barokah-admin create-staff does), so no password reaches the server or its log.
-- A plain password is refused. The reset does not reactivate an inactive login.
CREATE FUNCTION bjb.reset_staff_password(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  -- Only staff logins: never bjb_owner, a superuser or any other role of the cluster.
  IF NOT EXISTS (SELECT 1 FROM bjb.staff s JOIN pg_catalog.pg_roles r ON r.rolname = s.login
                 WHERE s.login = p_login AND NOT r.rolsuper) THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010',
      MESSAGE = pg_catalog.format('Staf %s tidak ditemukan.', coalesce(p_login, '(kosong)'));
  END IF;
  -- The exact shape PostgreSQL accepts as a verifier (keys of 32 bytes); anything else it
  -- would take as a plain password.
  IF p_password IS NULL
     OR p_password !~ '^SCRAM-SHA-256\$[0-9]{4,7}:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ010',
      MESSAGE = 'Kata sandi harus dikirim sebagai verifier SCRAM-SHA-256 yang dihitung aplikasi, bukan teks biasa.';
  END IF;
  EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
  INSERT INTO bjb.audit_log (actor, table_name, row_key, action, old, new)
  VALUES (session_user, 'staff', p_login, 'UPDATE', '{"password": "(lama)"}', '{"password": "(diatur ulang)"}');
END
$$;

---------------------------------------------------------------------------------------------
-- Settings
---------------------------------------------------------------------------------------------

-- The settings in the shape bjb.set_setting takes (payment_window in whole hours).
CREATE FUNCTION bjb.list_settings()
RETURNS TABLE (key text, label text, description text, value jsonb, updated_at timestamptz,
               updated_by text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT s.key, s.label, s.description,
         CASE WHEN s.key = 'payment_window'
              THEN pg_catalog.to_jsonb((extract(epoch FROM (s.value #>> '{}')::interval) / 3600)::int)
              ELSE s.value END,
         s.updated_at, s.updated_by
  FROM bjb.setting s ORDER BY s.key
$$;

-- Sets one setting after checking its value for that key (BJ011, COLUMN = the key).
CREATE FUNCTION bjb.set_setting(p_key text, p_value jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_type  text := jsonb_typeof(p_value);
  v_num   numeric;
  v_text  text := CASE WHEN jsonb_typeof(p_value) = 'string' THEN btrim(p_value #>> '{}') END;
  v_value jsonb := p_value;
BEGIN
  PERFORM bjb.require_role('admin');
  IF v_type = 'number' THEN
    v_num := (p_value #>> '{}')::numeric;
  END IF;
  CASE p_key
  WHEN 'loyalty_threshold', 'birthday_cart_min' THEN
    IF v_num IS NULL OR v_num <> trunc(v_num) OR v_num < 0 OR v_num > 1000000000000 THEN
      PERFORM bjb.field_error(p_key, 'Isi jumlah rupiah bulat antara 0 dan 1.000.000.000.000.');
    END IF;
  WHEN 'low_stock_threshold' THEN
    IF v_num IS NULL OR v_num <> trunc(v_num) OR v_num < 0 OR v_num > 1000000 THEN
      PERFORM bjb.field_error(p_key, 'Ambang stok menipis harus bilangan bulat 0–1.000.000.');
    END IF;
  WHEN 'birthday_percent' THEN
    IF v_num IS NULL OR v_num <> trunc(v_num) OR v_num NOT BETWEEN 1 AND 100 THEN
      PERFORM bjb.field_error(p_key, 'Persen diskon ulang tahun harus 1–100.');
    END IF;
  WHEN 'payment_window' THEN
    IF v_num IS NULL OR v_num <> trunc(v_num) OR v_num NOT BETWEEN 1 AND 720 THEN
      PERFORM bjb.field_error(p_key, 'Batas waktu pembayaran harus 1–720 jam.');
    END IF;
    v_value := pg_catalog.to_jsonb(v_num::int || ' hours');  -- as place_order reads it
  WHEN 'require_second_confirmer' THEN
    IF v_type IS DISTINCT FROM 'boolean' THEN
      PERFORM bjb.field_error(p_key, 'Pilih ya atau tidak.');
    END IF;
  WHEN 'business_name', 'business_address' THEN
    IF v_text IS NULL OR v_text = '' OR length(v_text) > 300 THEN
      PERFORM bjb.field_error(p_key, 'Isi teks, paling banyak 300 karakter.');
    END IF;
    v_value := pg_catalog.to_jsonb(v_text);
  WHEN 'business_phone' THEN
    IF v_text IS NULL OR v_text !~ '^\+62[0-9]{8,13}$' THEN
      PERFORM bjb.field_error(p_key, 'Nomor telepon harus berbentuk +62 diikuti 8–13 angka.');
    END IF;
  WHEN 'bank_accounts' THEN
    IF v_type IS DISTINCT FROM 'array' OR jsonb_array_length(p_value) NOT BETWEEN 1 AND 5
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(p_value) e
                  WHERE jsonb_typeof(e) <> 'string' OR btrim(e #>> '{}') = '' OR length(e #>> '{}') > 100) THEN
      PERFORM bjb.field_error(p_key, 'Isi 1–5 rekening, masing-masing paling banyak 100 karakter.');
    END IF;
    v_value := (SELECT jsonb_agg(to_jsonb(btrim(e #>> '{}')) ORDER BY n)
                FROM jsonb_array_elements(p_value) WITH ORDINALITY AS t (e, n));
  ELSE
    PERFORM bjb.field_error('key', pg_catalog.format('Pengaturan %s tidak dikenal.', coalesce(p_key, '(kosong)')));
  END CASE;
  UPDATE bjb.setting SET value = v_value WHERE key = p_key;
  IF NOT FOUND THEN
    PERFORM bjb.field_error('key', pg_catalog.format('Pengaturan %s tidak ada di basis data ini.', p_key));
  END IF;
END
$$;

---------------------------------------------------------------------------------------------
-- Audit and feedback
---------------------------------------------------------------------------------------------

-- The fields an audit entry changed, [{"field", "old", "new"}] in field order: an UPDATE's
-- differing fields, every field of an INSERT (old null) or a DELETE (new null).
CREATE FUNCTION bjb.audit_changes(p_old jsonb, p_new jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('field', k, 'old', p_old -> k, 'new', p_new -> k)
                            ORDER BY k), '[]')
  FROM (SELECT jsonb_object_keys(coalesce(p_old, '{}') || coalesce(p_new, '{}')) AS k) keys
  WHERE (p_old -> k) IS DISTINCT FROM (p_new -> k)
$$;

-- The audit log, newest first (at, id), filtered by table, login, [from, to) and row key
-- (with a table). A page ends before (p_before_at, p_before_id); NULL: the newest.
-- Dynamic SQL of fixed fragments (values passed as parameters) so every filter
-- combination gets the plan of its own index (audit_log_*_idx).
CREATE FUNCTION bjb.audit_entries(p_table text, p_actor text, p_from timestamptz, p_to timestamptz,
                                  p_row text, p_before_at timestamptz, p_before_id bigint,
                                  p_limit int DEFAULT 100)
RETURNS TABLE (id bigint, at timestamptz, actor text, actor_name text, table_name text,
               row_key text, action text, changes jsonb)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_where text := 'true';
BEGIN
  IF p_table IS NOT NULL THEN v_where := v_where || ' AND a.table_name = $1'; END IF;
  IF p_actor IS NOT NULL THEN v_where := v_where || ' AND a.actor = $2'; END IF;
  IF p_from IS NOT NULL THEN v_where := v_where || ' AND a.at >= $3'; END IF;
  IF p_to IS NOT NULL THEN v_where := v_where || ' AND a.at < $4'; END IF;
  IF p_row IS NOT NULL THEN v_where := v_where || ' AND a.row_key = $5'; END IF;
  IF p_before_at IS NOT NULL THEN
    v_where := v_where || ' AND (a.at, a.id) < ($6, coalesce($7, 9223372036854775807))';
  END IF;
  RETURN QUERY EXECUTE
    'SELECT a.id, a.at, a.actor, s.display_name, a.table_name, a.row_key, a.action,
            bjb.audit_changes(a.old, a.new)
     FROM (SELECT * FROM bjb.audit_log a WHERE ' || v_where || '
           ORDER BY a.at DESC, a.id DESC LIMIT $8) a
     LEFT JOIN bjb.staff s ON s.login = a.actor
     ORDER BY a.at DESC, a.id DESC'
  USING p_table, p_actor, p_from, p_to, p_row, p_before_at, p_before_id,
        least(greatest(coalesce(p_limit, 100), 1), 500);
END
$$;

-- Completed orders' feedback, newest first, with the ids of their feedback photos;
-- p_from/p_to are Jakarta dates (inclusive); a page ends before (p_before_at, p_before_id).
CREATE FUNCTION bjb.list_feedback(p_from date, p_to date, p_before_at timestamptz,
                                  p_before_id bigint, p_limit int DEFAULT 50)
RETURNS TABLE (order_id bigint, number text, customer_id bigint, customer_name text,
               feedback text, feedback_at timestamptz, completed_at timestamptz, photo_ids bigint[])
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT o.id, o.number, o.customer_id, c.name, o.feedback, o.feedback_at, o.completed_at,
         ARRAY(SELECT ph.id FROM bjb.photo ph WHERE ph.order_id = o.id AND ph.kind = 'feedback' ORDER BY ph.id)
  FROM (SELECT * FROM bjb.sales_order o
        WHERE o.feedback IS NOT NULL
          AND o.feedback_at >= coalesce(p_from::timestamp AT TIME ZONE 'Asia/Jakarta', '-infinity')
          AND o.feedback_at < coalesce((p_to + 1)::timestamp AT TIME ZONE 'Asia/Jakarta', 'infinity')
          AND (o.feedback_at, o.id) < (coalesce(p_before_at, 'infinity'), coalesce(p_before_id, 9223372036854775807))
        ORDER BY o.feedback_at DESC, o.id DESC
        LIMIT least(greatest(coalesce(p_limit, 50), 1), 200)) o
  JOIN bjb.customer c ON c.id = o.customer_id
  ORDER BY o.feedback_at DESC, o.id DESC
$$;

---------------------------------------------------------------------------------------------
-- Privileges
---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION
  bjb.field_error(text, text), bjb.check_version(text, int, int, text, timestamptz),
  bjb.lock_product(bigint, text),
  bjb.price_change_record(), bjb.apply_stock_delta(bigint, int, text, text),
  bjb.keep_an_admin(text, text), bjb.end_sessions(text), bjb.audit_changes(jsonb, jsonb),
  bjb.save_product(bigint, int, bigint, text, text, bigint, text, boolean),
  bjb.set_product_photo(bigint, text, bytea, bytea, int, int), bjb.price_history(bigint),
  bjb.list_products(text, bigint, boolean), bjb.save_category(bigint, int, text),
  bjb.delete_category(bigint, int), bjb.adjust_stock(bigint, int, text, text),
  bjb.apply_stocktake(jsonb, text), bjb.stock_ledger(bigint, bigint, int),
  bjb.save_discount_rule(bigint, int, text, int, text, bigint, text, bigint, bigint, date, boolean),
  bjb.set_discount_rule_active(bigint, int, boolean), bjb.list_discount_rules(),
  bjb.record_sign_in(), bjb.list_staff(), bjb.set_staff_role(text, text),
  bjb.reset_staff_password(text, text), bjb.list_settings(), bjb.set_setting(text, jsonb),
  bjb.audit_entries(text, text, timestamptz, timestamptz, text, timestamptz, bigint, int),
  bjb.list_feedback(date, date, timestamptz, bigint, int)
FROM PUBLIC;

GRANT EXECUTE ON FUNCTION
  bjb.save_product(bigint, int, bigint, text, text, bigint, text, boolean),
  bjb.set_product_photo(bigint, text, bytea, bytea, int, int), bjb.price_history(bigint),
  bjb.list_products(text, bigint, boolean), bjb.save_category(bigint, int, text),
  bjb.delete_category(bigint, int), bjb.adjust_stock(bigint, int, text, text),
  bjb.apply_stocktake(jsonb, text), bjb.stock_ledger(bigint, bigint, int),
  bjb.save_discount_rule(bigint, int, text, int, text, bigint, text, bigint, bigint, date, boolean),
  bjb.set_discount_rule_active(bigint, int, boolean), bjb.list_discount_rules(),
  bjb.list_staff(), bjb.set_staff_role(text, text), bjb.reset_staff_password(text, text),
  bjb.list_settings(), bjb.set_setting(text, jsonb),
  bjb.audit_entries(text, text, timestamptz, timestamptz, text, timestamptz, bigint, int),
  bjb.list_feedback(date, date, timestamptz, bigint, int)
TO bjb_admin;
GRANT EXECUTE ON FUNCTION bjb.record_sign_in() TO bjb_admin, bjb_cs, bjb_courier, bjb_worker;
-- The invoker functions above call this one on behalf of the admin.
GRANT EXECUTE ON FUNCTION bjb.audit_changes(jsonb, jsonb) TO bjb_admin;

INSERT INTO bjb.schema_migration (version, name) VALUES (7, '0007_admin');

COMMIT;
