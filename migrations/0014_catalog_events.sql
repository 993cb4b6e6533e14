-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0014 catalog_events: another admin's catalogue edit or stock correction reaches the
-- admin pages live (issue 10 #8). Until now only a checkout's stock_low and the order
-- events moved the products and stock pages; a second admin's price change or stocktake
-- showed at the next refresh.
--
--  * product_changed (product id, its name, who): a product created, or one of its
--    catalogue columns changed. Not on stock: every checkout updates it, and the
--    stock_movement row below already says why stock moved.
--  * stock_adjusted (product id, delta, reason, who): a restock or a correction (damaged,
--    stocktake, correction, return) — the movements no order event announces.
--
-- Both are addressed to no one (audience NULL): only admins read them (the event table's
-- RLS), no desk is notified and the bell does not list them; a page refreshes, that is
-- all. Fired from triggers, so every path (the admin's functions, a superuser's repair)
-- announces them once, in the transaction that made the change.
BEGIN;
SET LOCAL ROLE bjb_owner;

-- The two kinds join the event table's list (as 0008 added its own), and they are the only
-- events allowed without an audience: every other event is still meant for someone.
DO $kinds$
DECLARE
  v_kinds text[];
BEGIN
  -- 0008 wrote the list as one array literal: CHECK (kind = ANY ('{a,b,…}'::text[])).
  SELECT pg_catalog.string_to_array(
           (pg_catalog.regexp_match(pg_catalog.pg_get_constraintdef(c.oid), '\{([a-z_,]+)\}'))[1], ',')
    INTO v_kinds
  FROM pg_catalog.pg_constraint c
  WHERE c.conrelid = 'bjb.event'::regclass AND c.conname = 'event_kind_check';
  IF v_kinds IS NULL OR NOT v_kinds @> ARRAY['order_placed', 'delivery_problem'] THEN
    RAISE EXCEPTION 'event_kind_check is not the list 0008 left: %', v_kinds;
  END IF;
  v_kinds := v_kinds || ARRAY['product_changed', 'stock_adjusted'];
  ALTER TABLE bjb.event DROP CONSTRAINT event_kind_check;
  EXECUTE pg_catalog.format('ALTER TABLE bjb.event ADD CONSTRAINT event_kind_check CHECK (kind = ANY (%L::text[]))',
                            (SELECT array_agg(DISTINCT k ORDER BY k) FROM unnest(v_kinds) k));
END
$kinds$;

ALTER TABLE bjb.event DROP CONSTRAINT event_check;
ALTER TABLE bjb.event ADD CONSTRAINT event_audience_check
  CHECK (audience_role IS NOT NULL OR audience_login IS NOT NULL
         OR kind IN ('product_changed', 'stock_adjusted'));

CREATE FUNCTION bjb.product_changed_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.emit_event('product_changed', NULL, NEW.id, NULL, NULL, NULL,
                         jsonb_build_object('name', NEW.name, 'by', session_user::text));
  RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION bjb.product_changed_event() FROM PUBLIC;

CREATE TRIGGER product_changed_event
  AFTER INSERT OR UPDATE OF category_id, name, unit, price, active, description ON bjb.product
  FOR EACH ROW EXECUTE FUNCTION bjb.product_changed_event();

CREATE FUNCTION bjb.stock_adjusted_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM bjb.emit_event('stock_adjusted', NULL, NEW.product_id, NULL, NULL, NULL,
                         jsonb_build_object('delta', NEW.delta, 'reason', NEW.reason,
                                            'by', session_user::text));
  RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION bjb.stock_adjusted_event() FROM PUBLIC;

-- Orders, cancels and expiries have their own events; a checkout pays nothing here.
CREATE TRIGGER stock_adjusted_event
  AFTER INSERT ON bjb.stock_movement
  FOR EACH ROW WHEN (NEW.reason NOT IN ('order', 'cancel', 'expire'))
  EXECUTE FUNCTION bjb.stock_adjusted_event();

INSERT INTO bjb.schema_migration (version, name) VALUES (14, '0014_catalog_events');

COMMIT;
