-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0023 audit_args: the audit trigger is told which columns to leave out, per table.
--
-- Since 0018/0020 bjb.audit_row() knew three tables by name: photo and product_photo (image
-- bytes: data, thumb) and customer (0020's lower-case copies: name_lower, email_lower). The
-- next table with a column that does not belong in the log would have meant editing the
-- function for every table again. Now the columns to leave out are the trigger's arguments,
-- declared next to the table (`EXECUTE FUNCTION bjb.audit_row('data', 'thumb')`), and the
-- function names no table. Same audit rows as before for every table.
--
-- The three triggers are dropped and created again inside this one transaction, so no
-- change goes unaudited; they keep their name, so they fire in the same order.
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE OR REPLACE FUNCTION bjb.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN v_old := to_jsonb(OLD); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN v_new := to_jsonb(NEW); END IF;
  -- The trigger's arguments: columns left out of the log (image bytes, generated copies).
  -- Without arguments TG_ARGV is not an empty array, and jsonb - NULL would lose the row.
  IF TG_NARGS > 0 THEN
    v_old := v_old - TG_ARGV;
    v_new := v_new - TG_ARGV;
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

DROP TRIGGER audit ON bjb.photo;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bjb.photo
  FOR EACH ROW EXECUTE FUNCTION bjb.audit_row('data', 'thumb');
DROP TRIGGER audit ON bjb.product_photo;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bjb.product_photo
  FOR EACH ROW EXECUTE FUNCTION bjb.audit_row('data', 'thumb');
DROP TRIGGER audit ON bjb.customer;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON bjb.customer
  FOR EACH ROW EXECUTE FUNCTION bjb.audit_row('name_lower', 'email_lower');

INSERT INTO bjb.schema_migration (version, name) VALUES (23, '0023_audit_args');
COMMIT;
