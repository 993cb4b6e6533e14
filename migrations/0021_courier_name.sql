-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0021 courier_name: the failed-delivery notification says who by name.
--
-- 0008's delivery_problem event carried the courier's login only ("t_courier · Alamat tidak
-- ditemukan"), while everything else a clerk reads names staff as they know them (the order
-- detail's "kurir Pak Joko", the history's actor_name). The event now also carries
-- courier_name, the courier's display name as it was when the attempt was reported; the
-- login stays for whoever matches on it. Same arguments, same result, same grants (CREATE OR
-- REPLACE keeps the ACL of 0008).
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE OR REPLACE FUNCTION bjb.report_delivery_problem(p_order bigint, p_reason text, p_note text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  v_order bjb.sales_order;
  v_note  text := nullif(btrim(p_note), '');
  v_label text;
  v_id    bigint;
BEGIN
  PERFORM bjb.require_role('courier');
  PERFORM bjb.delivery_gone_error(p_order, 'laporan gagal antar');
  v_order := bjb.lock_order(p_order);
  IF v_order.status = 'cancelled' OR v_order.courier IS DISTINCT FROM session_user THEN
    PERFORM bjb.delivery_gone_error(p_order, 'laporan gagal antar');
  END IF;
  SELECT r.label INTO v_label FROM bjb.delivery_problem_reasons() r WHERE r.code = p_reason;
  IF v_label IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Pilih alasan gagal antar dari daftar.';
  END IF;
  IF p_reason = 'other' AND v_note IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Tuliskan keterangan untuk alasan "Lainnya".';
  END IF;
  IF length(v_note) > 2000 THEN
    RAISE EXCEPTION USING ERRCODE = 'BJ011', MESSAGE = 'Keterangan paling banyak 2000 karakter.';
  END IF;
  IF v_order.status <> 'shipped' THEN
    PERFORM bjb.transition_error(v_order, 'dilaporkan gagal antar');
  END IF;

  INSERT INTO bjb.delivery_attempt (order_id, courier, outcome, reason, note)
  VALUES (p_order, session_user, 'problem', p_reason, v_note)
  RETURNING id INTO v_id;
  PERFORM bjb.record_status(p_order, 'shipped',
                            pg_catalog.format('Gagal antar: %s%s', v_label,
                                              coalesce(' — ' || v_note, '')));
  PERFORM bjb.emit_event('delivery_problem', p_order, NULL, v_order.customer_id, 'cs', NULL,
                         jsonb_build_object('number', v_order.number, 'courier', session_user::text,
                                            'courier_name', (SELECT s.display_name FROM bjb.staff s
                                                             WHERE s.login = session_user),
                                            'reason', p_reason, 'label', v_label, 'note', v_note,
                                            'attempt_id', v_id));
  RETURN v_id;
END
$$;

INSERT INTO bjb.schema_migration (version, name) VALUES (21, '0021_courier_name');
COMMIT;
