-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0006_worker: what the worker barokahd and the admin's Messages page need.
--
--  * Outbox states of DESIGN.md: pending → sending (leased) → sent / failed / uncertain /
--    skipped. "uncertain": a send started (bjb.begin_message_attempt) and its result never
--    came back; only an admin sends it again (bjb.resend_message): no idempotency key.
--  * Every kind is queued per channel (WhatsApp, email); a channel the customer cannot be
--    reached on, or opted out of, is recorded as skipped with the reason.
--  * Text from templates (bjb.message_template, admin-edited; built-in Indonesian defaults),
--    rendered when queued: bjb.queue_customer_message (0001) is redefined for that, and
--    bjb.expire_overdue_orders (0001) to queue "order expired".
--  * Worker jobs: bjb.queue_birthday_messages, bjb.sweep_message_leases.
-- Errors as in 0001: BJ002 (message not in a state for this), BJ004, BJ011 (bad argument).

BEGIN;
SET LOCAL ROLE bjb_owner;

-- ==== Tables ==============================================================================

-- Opt-out per channel, kept by cs through bjb.set_customer_opt_out (not a column grant: an
-- UPDATE grant would let a login hold FOR UPDATE on customer rows and stall orders, 0005);
-- checked again when a message is claimed, so it also stops messages already queued.
ALTER TABLE bjb.customer
  ADD COLUMN whatsapp_opt_out boolean NOT NULL DEFAULT false,
  ADD COLUMN email_opt_out boolean NOT NULL DEFAULT false;

-- NULL leaves a channel as it is.
CREATE FUNCTION bjb.set_customer_opt_out(p_customer bigint, p_whatsapp boolean, p_email boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
  PERFORM bjb.require_role('admin', 'cs');
  UPDATE bjb.customer
     SET whatsapp_opt_out = coalesce(p_whatsapp, whatsapp_opt_out),
         email_opt_out = coalesce(p_email, email_opt_out)
   WHERE id = p_customer;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ006',
      MESSAGE = pg_catalog.format('Pelanggan #%s tidak ditemukan.', p_customer);
  END IF;
END
$$;
REVOKE ALL ON FUNCTION bjb.set_customer_opt_out(bigint, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.set_customer_opt_out(bigint, boolean, boolean) TO bjb_admin, bjb_cs;

ALTER TABLE bjb.customer_message DROP CONSTRAINT customer_message_status_check,
  ADD CONSTRAINT customer_message_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'uncertain', 'skipped'));
ALTER TABLE bjb.customer_message DROP CONSTRAINT customer_message_kind_check,
  ADD CONSTRAINT customer_message_kind_check CHECK (kind IN ('birthday', 'payment_confirmed', 'order_shipped', 'order_completed',
                  'order_expired', 'new_product', 'back_in_stock'));
ALTER TABLE bjb.customer_message
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN claimed_by  text,
  ADD COLUMN provider_id text,
  ADD COLUMN resent_at   timestamptz,
  ADD COLUMN resent_by   text,
  ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT customer_message_lease_check CHECK ((status = 'sending') = (lease_until IS NOT NULL));
CREATE INDEX customer_message_lease_idx ON bjb.customer_message (lease_until) WHERE status = 'sending';
-- The Messages page: newest first, filtered by state; and its failed/uncertain counter.
CREATE INDEX customer_message_status_idx ON bjb.customer_message (status, id);
CREATE INDEX customer_message_list_idx ON bjb.customer_message (id DESC);

-- An attempt is opened (outcome 'sending') just before the HTTP request goes out and closed
-- with its outcome. An attempt still open when its lease ran out is what makes a message
-- uncertain.
ALTER TABLE bjb.customer_message_attempt
  ALTER COLUMN ok DROP NOT NULL,
  ADD COLUMN outcome     text NOT NULL DEFAULT 'sending'
                         CHECK (outcome IN ('sending', 'sent', 'failed', 'uncertain')),
  ADD COLUMN finished_at timestamptz,
  ADD COLUMN provider_id text,
  ADD COLUMN retry_at    timestamptz,
  ADD COLUMN worker      text NOT NULL DEFAULT session_user;
CREATE INDEX customer_message_attempt_open_idx ON bjb.customer_message_attempt (message_id)
  WHERE outcome = 'sending';

-- Admin-edited text per message kind and channel; no row: the built-in default.
CREATE TABLE bjb.message_template (
  kind       text NOT NULL CHECK (kind IN ('birthday', 'payment_confirmed', 'order_shipped',
                                           'order_completed', 'order_expired', 'new_product',
                                           'back_in_stock')),
  channel    text NOT NULL CHECK (channel IN ('whatsapp', 'email')),
  subject    text NOT NULL DEFAULT '' CHECK (length(subject) <= 200),
  body       text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 4000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT session_user,
  PRIMARY KEY (kind, channel)
);
ALTER TABLE bjb.message_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE bjb.message_template FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON bjb.message_template TO bjb_owner USING (true) WITH CHECK (true);
CREATE POLICY admin_read ON bjb.message_template FOR SELECT TO bjb_admin USING (true);
GRANT SELECT ON bjb.message_template TO bjb_admin;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bjb.message_template
  FOR EACH ROW EXECUTE FUNCTION bjb.audit_row();

-- The Messages page shows the attempts; the worker itself reads nothing directly.
CREATE TRIGGER touch BEFORE UPDATE ON bjb.customer_message
  FOR EACH ROW EXECUTE FUNCTION bjb.touch_updated_at();

-- A new or re-queued message wakes every worker (LISTEN bjb_outbox) within a second. NOTIFY
-- folds identical payloads of one transaction, so a burst of rows is one wake-up.
CREATE FUNCTION bjb.outbox_notify() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM pg_catalog.pg_notify('bjb_outbox', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE OF status ON bjb.customer_message
  FOR EACH ROW WHEN (NEW.status = 'pending') EXECUTE FUNCTION bjb.outbox_notify();

-- ==== Templates ===========================================================================

-- The built-in text of every kind (both channels share it; email uses the subject).
CREATE FUNCTION bjb.message_template_default(p_kind text, p_channel text,
                                             OUT subject text, OUT body text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT t.subject, t.body FROM (VALUES
    ('payment_confirmed', 'Pembayaran pesanan {{order_number}} sudah kami terima',
     E'Halo {{customer_name}},\n\nPembayaran pesanan {{order_number}} sebesar {{order_total}} sudah kami terima. Terima kasih!\n{{next_step}}\n\nSalam,\n{{business_name}}\n{{business_phone}}'),
    ('order_shipped', 'Pesanan {{order_number}} sedang dikirim',
     E'Halo {{customer_name}},\n\nPesanan {{order_number}} sedang dalam perjalanan ke {{order_address}} bersama kurir kami {{courier_name}}. Mohon pastikan ada yang menerima barang di lokasi.\n\nPertanyaan tentang pengiriman: {{business_phone}}.\n\nSalam,\n{{business_name}}'),
    ('order_completed', 'Pesanan {{order_number}} selesai — bagaimana pendapat Anda?',
     E'Halo {{customer_name}},\n\nPesanan {{order_number}} sudah selesai. Terima kasih telah berbelanja di {{business_name}}!\n\nBagaimana kualitas barang dan pelayanan kami? Balas pesan ini dengan ulasan, saran, atau foto hasil pemasangan. Masukan Anda sangat berarti bagi kami.\n\nSalam,\n{{business_name}}\n{{business_phone}}'),
    ('order_expired', 'Pesanan {{order_number}} dibatalkan',
     E'Halo {{customer_name}},\n\nPesanan {{order_number}} sebesar {{order_total}} kami batalkan karena pembayarannya belum kami terima sampai {{payment_due}}.\n\nMasih berminat? Silakan pesan kembali melalui {{business_phone}}; pembayaran dapat ditransfer ke:\n{{bank_accounts}}\n\nSalam,\n{{business_name}}'),
    ('birthday', 'Selamat ulang tahun, {{customer_name}}!',
     E'Selamat ulang tahun, {{customer_name}}! Semoga sehat, bahagia dan sukses selalu.\n\nHadiah dari kami khusus hari ini, {{today}}: {{birthday_offer}}\n\nPesan melalui {{business_phone}}.\n\nSalam hangat,\n{{business_name}}'),
    ('new_product', 'Produk baru: {{product_name}}',
     E'Halo {{customer_name}},\n\nAda produk baru di {{business_name}}: {{product_name}}, {{product_price}} per {{product_unit}}.\n\nInfo dan pemesanan: {{business_phone}}.\n\nSalam,\n{{business_name}}'),
    ('back_in_stock', '{{product_name}} tersedia kembali',
     E'Halo {{customer_name}},\n\nKabar baik: {{product_name}} sudah tersedia kembali, {{product_price}} per {{product_unit}}.\n\nPesan sekarang melalui {{business_phone}} selagi stok ada.\n\nSalam,\n{{business_name}}')
  ) AS t (kind, subject, body)
  WHERE t.kind = p_kind AND p_channel IN ('whatsapp', 'email')
$$;

-- Every name a template may use between {{ and }}.
CREATE FUNCTION bjb.message_placeholders() RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT ARRAY['customer_name', 'business_name', 'business_phone', 'business_address',
               'bank_accounts', 'today', 'order_number', 'order_total', 'order_subtotal',
               'order_discount', 'shipping_cost', 'order_address', 'payment_due', 'next_step',
               'courier_name', 'product_name', 'product_price', 'product_unit',
               'birthday_percent', 'birthday_cart_min', 'birthday_offer']
$$;

-- One pass over the text: a value is never scanned for placeholders itself (a customer
-- called "{{order_total}}" stays that). Unknown names are left as written.
CREATE FUNCTION bjb.render_template(p_text text, p_vars jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_rest text := coalesce(p_text, '');
  v_out  text := '';
  v_m    text[];
  v_pos  int;
BEGIN
  LOOP
    v_m := pg_catalog.regexp_match(v_rest, '\{\{([a-z_]+)\}\}');
    EXIT WHEN v_m IS NULL;
    v_pos := pg_catalog.strpos(v_rest, '{{' || v_m[1] || '}}');
    v_out := v_out || pg_catalog.substr(v_rest, 1, v_pos - 1)
             || coalesce(p_vars ->> v_m[1], '{{' || v_m[1] || '}}');
    v_rest := pg_catalog.substr(v_rest, v_pos + length(v_m[1]) + 4);
  END LOOP;
  RETURN v_out || v_rest;
END
$$;

CREATE FUNCTION bjb.jakarta_date_text(p_at timestamptz, p_with_time boolean) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT extract(day FROM j)::int || ' '
         || (ARRAY['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
                   'September', 'Oktober', 'November', 'Desember'])[extract(month FROM j)::int]
         || ' ' || extract(year FROM j)::int
         || CASE WHEN p_with_time THEN ' pukul ' || pg_catalog.to_char(j, 'HH24:MI') || ' WIB' ELSE '' END
  FROM (SELECT p_at AT TIME ZONE 'Asia/Jakarta' AS j) d
$$;

-- The values a message of this kind can show, read at the moment it is queued.
CREATE FUNCTION bjb.message_vars(p_customer bigint, p_kind text, p_order bigint, p_product bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_customer bjb.customer;
  v_order    bjb.sales_order;
  v_product  bjb.product;
  v_vars     jsonb;
  v_pct      bigint := bjb.setting_bigint('birthday_percent');
  v_cart_min bigint := bjb.setting_bigint('birthday_cart_min');
  v_top3     text;
BEGIN
  SELECT * INTO v_customer FROM bjb.customer WHERE id = p_customer;
  v_vars := jsonb_build_object(
    'customer_name', coalesce(v_customer.name, 'Pelanggan'),
    'business_name', coalesce(bjb.setting_text('business_name'), ''),
    'business_phone', coalesce(bjb.setting_text('business_phone'), ''),
    'business_address', coalesce(bjb.setting_text('business_address'), ''),
    'bank_accounts', coalesce((SELECT string_agg('- ' || (a #>> '{}'), E'\n')
                               FROM jsonb_array_elements(
                                 (SELECT value FROM bjb.setting WHERE key = 'bank_accounts')) a), ''),
    'today', bjb.jakarta_date_text(pg_catalog.now(), false),
    'birthday_percent', v_pct::text,
    'birthday_cart_min', bjb.format_rupiah(v_cart_min));

  IF p_order IS NOT NULL THEN
    SELECT * INTO v_order FROM bjb.sales_order WHERE id = p_order;
    v_vars := v_vars || jsonb_build_object(
      'order_number', v_order.number,
      'order_total', bjb.format_rupiah(v_order.total),
      'order_subtotal', bjb.format_rupiah(v_order.subtotal),
      'order_discount', bjb.format_rupiah(v_order.discount_total),
      'shipping_cost', bjb.format_rupiah(v_order.shipping_cost),
      'order_address', coalesce(v_order.address, ''),
      'payment_due', bjb.jakarta_date_text(v_order.payment_due_at, true),
      'courier_name', coalesce((SELECT display_name FROM bjb.staff WHERE login = v_order.courier), ''),
      'next_step', CASE WHEN v_order.delivery = 'delivery'
                        THEN 'Pesanan segera kami kirim ke ' || coalesce(v_order.address, 'alamat Anda') || '.'
                        ELSE 'Pesanan dapat diambil di depo kami: '
                             || coalesce(bjb.setting_text('business_address'), '') || '.' END);
  END IF;

  IF p_product IS NOT NULL THEN
    SELECT * INTO v_product FROM bjb.product WHERE id = p_product;
    v_vars := v_vars || jsonb_build_object(
      'product_name', v_product.name,
      'product_price', bjb.format_rupiah(v_product.price),
      'product_unit', v_product.unit);
  END IF;

  IF p_kind = 'birthday' THEN
    -- The built-in birthday rules of DESIGN.md as the customer gets them today.
    IF bjb.customer_spend(p_customer) >= bjb.setting_bigint('loyalty_threshold') THEN
      SELECT string_agg(p.name, ', ' ORDER BY t.qty DESC, t.last_bought DESC, t.product_id) INTO v_top3
      FROM bjb.customer_top3(p_customer) t JOIN bjb.product p ON p.id = t.product_id;
    END IF;
    v_vars := v_vars || jsonb_build_object('birthday_offer',
      CASE WHEN v_top3 IS NOT NULL
           THEN pg_catalog.format('diskon %s%% untuk produk favorit Anda (%s), dan diskon %s%% untuk seluruh pesanan mulai %s.',
                                  v_pct, v_top3, v_pct, bjb.format_rupiah(v_cart_min))
           ELSE pg_catalog.format('diskon %s%% untuk seluruh pesanan mulai %s.',
                                  v_pct, bjb.format_rupiah(v_cart_min)) END);
  END IF;
  RETURN v_vars;
END
$$;

-- The template in force for a kind and channel: the admin's, else the built-in one.
CREATE FUNCTION bjb.message_template_for(p_kind text, p_channel text, OUT subject text, OUT body text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(t.subject, d.subject), coalesce(t.body, d.body)
  FROM bjb.message_template_default(p_kind, p_channel) d
  LEFT JOIN bjb.message_template t ON t.kind = p_kind AND t.channel = p_channel
$$;

-- Why this customer cannot get a message on this channel right now; NULL: they can.
CREATE FUNCTION bjb.message_skip_reason(p_customer bjb.customer, p_channel text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN p_customer.id IS NULL THEN 'Pelanggan tidak ditemukan'
    WHEN p_customer.status <> 'active' THEN 'Pelanggan tidak aktif'
    WHEN p_channel = 'whatsapp' AND p_customer.phone IS NULL THEN 'Pelanggan tidak punya nomor WhatsApp'
    WHEN p_channel = 'whatsapp' AND p_customer.whatsapp_opt_out THEN 'Pelanggan tidak mau menerima pesan WhatsApp'
    WHEN p_channel = 'email' AND p_customer.email IS NULL THEN 'Pelanggan tidak punya alamat email'
    WHEN p_channel = 'email' AND p_customer.email_opt_out THEN 'Pelanggan tidak mau menerima email'
  END
$$;

-- ==== Queueing (redefines the 0001 helper every queueing path calls) ======================

-- p_subject and p_body of the 0001 callers are no longer used: the text comes from the
-- template of each channel. One row per channel; dedupe_key gets the channel appended, so
-- the unique key still means "never queued twice".
CREATE OR REPLACE FUNCTION bjb.queue_customer_message(p_customer bigint, p_kind text, p_order bigint,
                                                      p_product bigint, p_subject text, p_body text,
                                                      p_dedupe_key text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_customer bjb.customer;
  v_vars     jsonb := bjb.message_vars(p_customer, p_kind, p_order, p_product);
  v_channel  text;
  v_reason   text;
  v_tpl      record;
BEGIN
  SELECT * INTO v_customer FROM bjb.customer WHERE id = p_customer;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  FOREACH v_channel IN ARRAY ARRAY['whatsapp', 'email'] LOOP
    v_reason := bjb.message_skip_reason(v_customer, v_channel);
    SELECT * INTO v_tpl FROM bjb.message_template_for(p_kind, v_channel);
    INSERT INTO bjb.customer_message (customer_id, kind, order_id, product_id, channel, recipient,
                                      subject, body, status, last_error, dedupe_key)
    VALUES (p_customer, p_kind, p_order, p_product, v_channel,
            coalesce(CASE v_channel WHEN 'whatsapp' THEN v_customer.phone ELSE v_customer.email END, ''),
            bjb.render_template(v_tpl.subject, v_vars),
            bjb.render_template(v_tpl.body, v_vars),
            CASE WHEN v_reason IS NULL THEN 'pending' ELSE 'skipped' END,
            v_reason,
            p_dedupe_key || ':' || v_channel)
    ON CONFLICT (dedupe_key) DO NOTHING;
  END LOOP;
END
$$;

-- 0001's expiry, plus the "order expired" message to the customer (before the events, which
-- stay last).
CREATE OR REPLACE FUNCTION bjb.expire_overdue_orders() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ids   bigint[];
  v_order bjb.sales_order;
BEGIN
  PERFORM bjb.require_role('admin', 'worker');
  -- SKIP LOCKED: an order a clerk is confirming right now is left to that clerk.
  SELECT array_agg(id ORDER BY id) INTO v_ids FROM (
    SELECT id FROM bjb.sales_order
    WHERE status = 'pending_payment' AND payment_due_at < pg_catalog.now()
    ORDER BY id
    FOR UPDATE SKIP LOCKED) due;
  IF v_ids IS NULL THEN
    RETURN 0;
  END IF;

  PERFORM bjb.restore_stock(v_ids, 'expire');
  FOR v_order IN
    UPDATE bjb.sales_order
    SET status = 'cancelled', cancelled_at = pg_catalog.now(),
        cancel_reason = 'Batas waktu pembayaran terlewati'
    WHERE id = ANY (v_ids)
    RETURNING *
  LOOP
    PERFORM bjb.record_status(v_order.id, 'cancelled', 'Batas waktu pembayaran terlewati');
    PERFORM bjb.queue_customer_message(v_order.customer_id, 'order_expired', v_order.id, NULL,
                                       NULL, NULL, pg_catalog.format('order_expired:%s', v_order.id));
  END LOOP;
  -- Events last and in id order (after every row lock, see bjb.event_before_insert).
  FOR v_order IN SELECT * FROM bjb.sales_order WHERE id = ANY (v_ids) ORDER BY id LOOP
    PERFORM bjb.emit_event('order_expired', v_order.id, NULL, v_order.customer_id, 'cs', NULL,
                           jsonb_build_object('number', v_order.number));
  END LOOP;
  RETURN array_length(v_ids, 1);
END
$$;

-- Birthday greetings of today (Jakarta). The dedupe key holds the customer and the year, so
-- a second run the same day, a restart at midnight or two workers queue nothing more: at
-- most one greeting per customer per year, enforced by the unique key.
CREATE FUNCTION bjb.queue_birthday_messages() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_today date := (pg_catalog.now() AT TIME ZONE 'Asia/Jakarta')::date;
  v_id    bigint;
  v_n     int := 0;
BEGIN
  PERFORM bjb.require_role('admin', 'worker');
  FOR v_id IN
    SELECT c.id FROM bjb.customer c
    WHERE c.status = 'active'
      AND (extract(month FROM c.birth_date) * 100 + extract(day FROM c.birth_date))
          = ANY (bjb.birthday_keys(v_today, 0))
      AND bjb.is_birthday(c.birth_date, pg_catalog.now())
      AND NOT EXISTS (SELECT 1 FROM bjb.customer_message m
                      WHERE m.dedupe_key = pg_catalog.format('birthday:%s:%s:whatsapp', c.id,
                                                             extract(year FROM v_today)))
    ORDER BY c.id
  LOOP
    PERFORM bjb.queue_customer_message(v_id, 'birthday', NULL, NULL, NULL, NULL,
                                       pg_catalog.format('birthday:%s:%s', v_id, extract(year FROM v_today)));
    v_n := v_n + 1;
  END LOOP;
  RETURN v_n;
END
$$;

-- ==== Delivery (the worker) ===============================================================

-- Claims up to p_lim due messages under a lease. SKIP LOCKED: several workers never claim
-- the same row. A message whose customer has since opted out or lost the address is skipped.
-- p_channels: the channels this worker has a gateway for (NULL: all).
CREATE FUNCTION bjb.claim_messages(p_lim int, p_lease interval, p_channels text[] DEFAULT NULL)
RETURNS TABLE (id bigint, kind text, channel text, recipient text, recipient_name text,
               subject text, body text, attempts int, lease_until timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_msg    record;
  v_reason text;
  v_cust   bjb.customer;
  v_n      int := 0;
BEGIN
  PERFORM bjb.require_role('worker');
  IF p_lim IS NULL OR p_lim NOT BETWEEN 1 AND 1000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Jumlah pesanan yang diambil harus 1–1000.';
  END IF;
  IF p_lease IS NULL OR p_lease < interval '5 seconds' OR p_lease > interval '1 hour' THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Masa sewa pesan harus antara 5 detik dan 1 jam.';
  END IF;
  -- No LIMIT (skipped rows must not eat the batch): the cursor locks rows as it fetches them.
  FOR v_msg IN
    SELECT m.id, m.customer_id, m.channel FROM bjb.customer_message m
    WHERE m.status = 'pending' AND m.next_attempt_at <= pg_catalog.now()
      AND (p_channels IS NULL OR m.channel = ANY (p_channels))
    ORDER BY m.next_attempt_at, m.id
    FOR UPDATE SKIP LOCKED
  LOOP
    SELECT * INTO v_cust FROM bjb.customer c WHERE c.id = v_msg.customer_id;
    v_reason := bjb.message_skip_reason(v_cust, v_msg.channel);
    IF v_reason IS NOT NULL THEN
      UPDATE bjb.customer_message m SET status = 'skipped', last_error = v_reason WHERE m.id = v_msg.id;
      CONTINUE;
    END IF;
    RETURN QUERY
      UPDATE bjb.customer_message m
      SET status = 'sending', lease_until = pg_catalog.now() + p_lease, claimed_by = session_user,
          recipient = CASE m.channel WHEN 'whatsapp' THEN v_cust.phone ELSE v_cust.email END
      WHERE m.id = v_msg.id
      RETURNING m.id, m.kind, m.channel, m.recipient, v_cust.name, m.subject, m.body, m.attempts,
                m.lease_until;
    v_n := v_n + 1;
    EXIT WHEN v_n >= p_lim;
  END LOOP;
END
$$;

-- The row of a message this worker holds under a live lease; BJ002 otherwise (the lease ran
-- out and the sweep took it back, or it was never claimed).
CREATE FUNCTION bjb.held_message(p_id bigint) RETURNS bjb.customer_message
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_msg bjb.customer_message;
BEGIN
  SELECT * INTO v_msg FROM bjb.customer_message WHERE id = p_id FOR UPDATE;
  IF NOT FOUND OR v_msg.status <> 'sending' OR v_msg.claimed_by IS DISTINCT FROM session_user::text
     OR v_msg.lease_until <= pg_catalog.now() THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ002',
      MESSAGE = pg_catalog.format('Pesan #%s tidak sedang dipegang worker ini.', p_id),
      DETAIL = pg_catalog.format('status=%s claimed_by=%s', v_msg.status, v_msg.claimed_by);
  END IF;
  RETURN v_msg;
END
$$;

-- Called right before the HTTP request goes out: from here on, a lost result means
-- "uncertain", never "try again". Returns the attempt number (1 for the first).
CREATE FUNCTION bjb.begin_message_attempt(p_id bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_msg bjb.customer_message;
BEGIN
  PERFORM bjb.require_role('worker');
  v_msg := bjb.held_message(p_id);
  IF EXISTS (SELECT 1 FROM bjb.customer_message_attempt a WHERE a.message_id = p_id AND a.outcome = 'sending') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ002',
      MESSAGE = pg_catalog.format('Pesan #%s sudah sedang dikirim.', p_id);
  END IF;
  INSERT INTO bjb.customer_message_attempt (message_id, ok, outcome) VALUES (p_id, NULL, 'sending');
  UPDATE bjb.customer_message SET attempts = attempts + 1 WHERE id = p_id;
  RETURN v_msg.attempts + 1;
END
$$;

-- Closes the open attempt of a message (or records a finished one when the worker gave up
-- before sending, e.g. a recipient the gateway can never take).
CREATE FUNCTION bjb.close_message_attempt(p_id bigint, p_outcome text, p_http_status int,
                                          p_error text, p_provider_id text, p_retry_at timestamptz)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE bjb.customer_message_attempt
  SET outcome = p_outcome, ok = (p_outcome = 'sent'), finished_at = pg_catalog.clock_timestamp(),
      http_status = p_http_status, error = p_error, provider_id = p_provider_id, retry_at = p_retry_at
  WHERE message_id = p_id AND outcome = 'sending';
  IF NOT FOUND THEN
    INSERT INTO bjb.customer_message_attempt (message_id, ok, outcome, finished_at, http_status,
                                              error, provider_id, retry_at)
    VALUES (p_id, p_outcome = 'sent', p_outcome, pg_catalog.clock_timestamp(), p_http_status,
            p_error, p_provider_id, p_retry_at);
  END IF;
END
$$;

CREATE FUNCTION bjb.message_sent(p_id bigint, p_provider_id text, p_http_status int DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('worker');
  PERFORM bjb.held_message(p_id);
  PERFORM bjb.close_message_attempt(p_id, 'sent', p_http_status, NULL,
                                    nullif(left(p_provider_id, 200), ''), NULL);
  UPDATE bjb.customer_message
  SET status = 'sent', sent_at = pg_catalog.now(), provider_id = nullif(left(p_provider_id, 200), ''),
      lease_until = NULL, last_error = NULL
  WHERE id = p_id;
END
$$;

-- A definite failure (the gateway answered "not sent", or the request never left): back to
-- pending for p_retry_at, or parked as failed when p_permanent (the worker decides after its
-- configured number of attempts, or for an error no retry can mend).
CREATE FUNCTION bjb.message_failed(p_id bigint, p_error text, p_retry_at timestamptz,
                                   p_permanent boolean, p_http_status int DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_error text := coalesce(nullif(left(btrim(p_error), 1000), ''), 'Gagal tanpa keterangan');
BEGIN
  PERFORM bjb.require_role('worker');
  PERFORM bjb.held_message(p_id);
  IF NOT coalesce(p_permanent, false) AND p_retry_at IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Waktu coba ulang harus diisi.';
  END IF;
  PERFORM bjb.close_message_attempt(p_id, 'failed', p_http_status, v_error, NULL,
                                    CASE WHEN p_permanent THEN NULL ELSE p_retry_at END);
  UPDATE bjb.customer_message
  SET status = CASE WHEN p_permanent THEN 'failed' ELSE 'pending' END,
      next_attempt_at = CASE WHEN p_permanent THEN next_attempt_at
                             ELSE greatest(p_retry_at, pg_catalog.now()) END,
      lease_until = NULL, last_error = v_error
  WHERE id = p_id;
END
$$;

-- The request went out and its answer was lost (connection dropped mid-reply, timeout after
-- sending): it may have been delivered, so it is never retried automatically.
CREATE FUNCTION bjb.message_uncertain(p_id bigint, p_error text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('worker');
  PERFORM bjb.held_message(p_id);
  PERFORM bjb.close_message_attempt(p_id, 'uncertain', NULL, left(p_error, 1000), NULL, NULL);
  UPDATE bjb.customer_message
  SET status = 'uncertain', lease_until = NULL,
      last_error = coalesce(nullif(left(btrim(p_error), 1000), ''), 'Hasil pengiriman tidak diketahui')
  WHERE id = p_id;
END
$$;

-- Leases that ran out: a message whose send had started becomes uncertain (its worker died
-- or lost the network mid-request: it may have gone out); one that never started goes back
-- to pending. Returns how many leases were taken back.
CREATE FUNCTION bjb.sweep_message_leases() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id bigint;
  v_n  int := 0;
BEGIN
  PERFORM bjb.require_role('admin', 'worker');
  FOR v_id IN
    SELECT m.id FROM bjb.customer_message m
    WHERE m.status = 'sending' AND m.lease_until <= pg_catalog.now()
    ORDER BY m.id
    FOR UPDATE SKIP LOCKED
  LOOP
    IF EXISTS (SELECT 1 FROM bjb.customer_message_attempt a WHERE a.message_id = v_id AND a.outcome = 'sending') THEN
      UPDATE bjb.customer_message_attempt SET outcome = 'uncertain', finished_at = pg_catalog.now(),
             error = 'Hasil pengiriman tidak pernah diterima'
      WHERE message_id = v_id AND outcome = 'sending';
      UPDATE bjb.customer_message
      SET status = 'uncertain', lease_until = NULL,
          last_error = 'Pengiriman dimulai tetapi hasilnya tidak diketahui; periksa lalu kirim ulang bila perlu'
      WHERE id = v_id;
    ELSE
      UPDATE bjb.customer_message SET status = 'pending', lease_until = NULL WHERE id = v_id;
    END IF;
    v_n := v_n + 1;
  END LOOP;
  RETURN v_n;
END
$$;

CREATE FUNCTION bjb.next_message_at() RETURNS timestamptz  -- the worker sleeps until then
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT min(next_attempt_at) FROM bjb.customer_message WHERE status = 'pending'
$$;

-- ==== The admin's Messages page ===========================================================

-- The outbox, newest first, keyset-paged by id (p_before_id: the last id of the previous
-- page; NULL for the first). Every filter is optional (NULL: any).
CREATE FUNCTION bjb.list_messages(p_statuses text[], p_channel text, p_customer bigint, p_kind text,
                                  p_before_id bigint, p_limit int)
RETURNS TABLE (id bigint, created_at timestamptz, status text, channel text, kind text,
               customer_id bigint, customer_name text, recipient text, order_id bigint,
               order_number text, subject text, attempts int, last_error text,
               next_attempt_at timestamptz, sent_at timestamptz, provider_id text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
  PERFORM bjb.require_role('admin');
  IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 500 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Ukuran halaman harus 1–500.';
  END IF;
  RETURN QUERY
    SELECT m.id, m.created_at, m.status, m.channel, m.kind, m.customer_id, c.name, m.recipient,
           m.order_id, o.number, m.subject, m.attempts, m.last_error, m.next_attempt_at,
           m.sent_at, m.provider_id
    FROM bjb.customer_message m
    JOIN bjb.customer c ON c.id = m.customer_id
    LEFT JOIN bjb.sales_order o ON o.id = m.order_id
    WHERE (p_statuses IS NULL OR m.status = ANY (p_statuses))
      AND (p_channel IS NULL OR m.channel = p_channel)
      AND (p_customer IS NULL OR m.customer_id = p_customer)
      AND (p_kind IS NULL OR m.kind = p_kind)
      AND (p_before_id IS NULL OR m.id < p_before_id)
    ORDER BY m.id DESC
    LIMIT p_limit;
END
$$;

-- The counter on the page's switcher entry.
CREATE FUNCTION bjb.message_counts() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_build_object(
    'failed', (SELECT count(*) FROM bjb.customer_message WHERE status = 'failed'),
    'uncertain', (SELECT count(*) FROM bjb.customer_message WHERE status = 'uncertain'),
    'pending', (SELECT count(*) FROM bjb.customer_message WHERE status IN ('pending', 'sending')))
  WHERE bjb.require_role('admin') IS NOT NULL
$$;

-- One message with its full text and every attempt.
CREATE FUNCTION bjb.message_detail(p_id bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_result jsonb;
BEGIN
  PERFORM bjb.require_role('admin');
  SELECT to_jsonb(m) || jsonb_build_object(
           'customer_name', c.name, 'order_number', o.number,
           'attempt_list', coalesce((SELECT jsonb_agg(to_jsonb(a) - 'message_id' ORDER BY a.id)
                                     FROM bjb.customer_message_attempt a WHERE a.message_id = m.id), '[]'))
  INTO v_result
  FROM bjb.customer_message m
  JOIN bjb.customer c ON c.id = m.customer_id
  LEFT JOIN bjb.sales_order o ON o.id = m.order_id
  WHERE m.id = p_id;
  IF v_result IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = pg_catalog.format('Pesan #%s tidak ditemukan.', p_id);
  END IF;
  RETURN v_result;
END
$$;

-- Send again: only an admin, only a failed or uncertain message (for an uncertain one the
-- admin has checked it did not arrive). Back to pending now, with a fresh attempt budget.
CREATE FUNCTION bjb.resend_message(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_status text;
BEGIN
  PERFORM bjb.require_role('admin');
  SELECT status INTO v_status FROM bjb.customer_message WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = pg_catalog.format('Pesan #%s tidak ditemukan.', p_id);
  END IF;
  IF v_status NOT IN ('failed', 'uncertain') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ002',
      MESSAGE = pg_catalog.format('Hanya pesan yang gagal atau belum pasti yang dapat dikirim ulang (pesan ini: %s).', v_status);
  END IF;
  UPDATE bjb.customer_message
  SET status = 'pending', attempts = 0, next_attempt_at = pg_catalog.now(),
      resent_at = pg_catalog.now(), resent_by = session_user
  WHERE id = p_id;
END
$$;

-- Every template with what is in force, the built-in default beside it and the names it may
-- use.
CREATE FUNCTION bjb.message_templates()
RETURNS TABLE (kind text, channel text, subject text, body text, custom boolean,
               default_subject text, default_body text, placeholders text[],
               updated_at timestamptz, updated_by text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
  PERFORM bjb.require_role('admin');
  RETURN QUERY
    SELECT k.kind, ch.channel, coalesce(t.subject, d.subject), coalesce(t.body, d.body),
           t.kind IS NOT NULL, d.subject, d.body, bjb.message_placeholders(), t.updated_at, t.updated_by
    FROM unnest(ARRAY['payment_confirmed', 'order_shipped', 'order_completed', 'order_expired',
                      'birthday', 'new_product', 'back_in_stock']) WITH ORDINALITY AS k (kind, ord)
    CROSS JOIN unnest(ARRAY['whatsapp', 'email']) WITH ORDINALITY AS ch (channel, ord)
    CROSS JOIN LATERAL bjb.message_template_default(k.kind, ch.channel) d
    LEFT JOIN bjb.message_template t ON t.kind = k.kind AND t.channel = ch.channel
    ORDER BY k.ord, ch.ord;
END
$$;

CREATE FUNCTION bjb.check_template_kind(p_kind text, p_channel text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT d.body FROM bjb.message_template_default(p_kind, p_channel) d) IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = pg_catalog.format('Jenis pesan %s lewat %s tidak dikenal.',
                                                                     coalesce(p_kind, '(kosong)'), coalesce(p_channel, '(kosong)'));
  END IF;
END
$$;

CREATE FUNCTION bjb.check_template_text(p_text text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_name text;
BEGIN
  SELECT m[1] INTO v_name FROM pg_catalog.regexp_matches(coalesce(p_text, ''), '\{\{([^}]*)\}\}', 'g') m
  WHERE NOT m[1] = ANY (bjb.message_placeholders()) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011',
      MESSAGE = pg_catalog.format('Isian {{%s}} tidak dikenal. Yang tersedia: %s.', v_name,
                                  pg_catalog.array_to_string(bjb.message_placeholders(), ', '));
  END IF;
END
$$;

-- Saves the admin's text for a kind and channel (the built-in stays as the default).
CREATE FUNCTION bjb.save_message_template(p_kind text, p_channel text, p_subject text, p_body text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.check_template_kind(p_kind, p_channel);
  IF p_body IS NULL OR btrim(p_body) = '' OR length(p_body) > 4000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Isi pesan harus diisi (paling banyak 4000 karakter).';
  END IF;
  IF length(coalesce(p_subject, '')) > 200 OR (p_channel = 'email' AND btrim(coalesce(p_subject, '')) = '') THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Subjek email harus diisi (paling banyak 200 karakter).';
  END IF;
  PERFORM bjb.check_template_text(p_subject);
  PERFORM bjb.check_template_text(p_body);
  INSERT INTO bjb.message_template (kind, channel, subject, body)
  VALUES (p_kind, p_channel, coalesce(p_subject, ''), p_body)
  ON CONFLICT (kind, channel) DO UPDATE
  SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = pg_catalog.now(),
      updated_by = session_user;
END
$$;

-- Back to the built-in text.
CREATE FUNCTION bjb.reset_message_template(p_kind text, p_channel text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.require_role('admin');
  DELETE FROM bjb.message_template WHERE kind = p_kind AND channel = p_channel;
END
$$;

-- Preview: p_subject/p_body (a draft; NULL: the template in force) rendered with the values
-- of message p_message (NULL: sample values), as {"subject", "body"}.
CREATE FUNCTION bjb.preview_message(p_kind text, p_channel text, p_subject text, p_body text,
                                    p_message bigint DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tpl  record;
  v_msg  bjb.customer_message;
  v_vars jsonb;
BEGIN
  PERFORM bjb.require_role('admin');
  PERFORM bjb.check_template_kind(p_kind, p_channel);
  SELECT * INTO v_tpl FROM bjb.message_template_for(p_kind, p_channel);
  PERFORM bjb.check_template_text(p_subject);
  PERFORM bjb.check_template_text(p_body);
  IF p_message IS NOT NULL THEN
    SELECT * INTO v_msg FROM bjb.customer_message WHERE id = p_message;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = pg_catalog.format('Pesan #%s tidak ditemukan.', p_message);
    END IF;
    v_vars := bjb.message_vars(v_msg.customer_id, p_kind, v_msg.order_id, v_msg.product_id);
  ELSE
    v_vars := bjb.message_vars(NULL, p_kind, NULL, NULL) || jsonb_build_object(
      'customer_name', 'Budi Santoso', 'order_number', 'BJB-250101-000123',
      'order_total', bjb.format_rupiah(2750000), 'order_subtotal', bjb.format_rupiah(2500000),
      'order_discount', bjb.format_rupiah(0), 'shipping_cost', bjb.format_rupiah(250000),
      'order_address', 'Jl. Melati No. 5, Bogor', 'payment_due', bjb.jakarta_date_text(pg_catalog.now(), true),
      'next_step', 'Pesanan segera kami kirim ke Jl. Melati No. 5, Bogor.', 'courier_name', 'Agus',
      'product_name', 'Paving K-300 Hexagon', 'product_price', bjb.format_rupiah(4500), 'product_unit', 'buah',
      'birthday_offer', pg_catalog.format('diskon %s%% untuk seluruh pesanan mulai %s.',
                                          bjb.setting_bigint('birthday_percent'),
                                          bjb.format_rupiah(bjb.setting_bigint('birthday_cart_min'))));
  END IF;
  RETURN jsonb_build_object('subject', bjb.render_template(coalesce(p_subject, v_tpl.subject), v_vars),
                            'body', bjb.render_template(coalesce(p_body, v_tpl.body), v_vars));
END
$$;

-- ==== Privileges ==========================================================================

-- Nothing for PUBLIC (the default privileges of 0001 say so too), then exactly who calls what.
DO $revoke$ DECLARE f regprocedure; BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'bjb'::regnamespace LOOP
    EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $revoke$;

GRANT EXECUTE ON FUNCTION bjb.claim_messages(int, interval, text[]),
                          bjb.message_uncertain(bigint, text),
                          bjb.begin_message_attempt(bigint),
                          bjb.message_sent(bigint, text, int),
                          bjb.message_failed(bigint, text, timestamptz, boolean, int),
                          bjb.next_message_at()
  TO bjb_worker;
GRANT EXECUTE ON FUNCTION bjb.sweep_message_leases(), bjb.queue_birthday_messages()
  TO bjb_admin, bjb_worker;
GRANT EXECUTE ON FUNCTION bjb.list_messages(text[], text, bigint, text, bigint, int),
                          bjb.message_counts(),
                          bjb.message_detail(bigint),
                          bjb.resend_message(bigint),
                          bjb.message_templates(),
                          bjb.save_message_template(text, text, text, text),
                          bjb.reset_message_template(text, text),
                          bjb.preview_message(text, text, text, text, bigint)
  TO bjb_admin;

-- 0005's rule: a lock held by a transaction somebody left open ends in an error, never a
-- hang. CREATE OR REPLACE drops a function's SET clauses, so expire_overdue_orders gets its
-- lock_timeout again.
ALTER FUNCTION bjb.begin_message_attempt(bigint) SET lock_timeout = '5s';
ALTER FUNCTION bjb.claim_messages(integer, interval, text[]) SET lock_timeout = '5s';
ALTER FUNCTION bjb.expire_overdue_orders() SET lock_timeout = '5s';
ALTER FUNCTION bjb.message_failed(bigint, text, timestamptz, boolean, integer) SET lock_timeout = '5s';
ALTER FUNCTION bjb.message_sent(bigint, text, integer) SET lock_timeout = '5s';
ALTER FUNCTION bjb.message_uncertain(bigint, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.queue_birthday_messages() SET lock_timeout = '5s';
ALTER FUNCTION bjb.resend_message(bigint) SET lock_timeout = '5s';
ALTER FUNCTION bjb.reset_message_template(text, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.save_message_template(text, text, text, text) SET lock_timeout = '5s';
ALTER FUNCTION bjb.sweep_message_leases() SET lock_timeout = '5s';

INSERT INTO bjb.schema_migration (version, name) VALUES (6, '0006_worker');

COMMIT;
