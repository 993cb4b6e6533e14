-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0013_catalog_pages: the two reads the admin's products page needs that 0007 and 0009 lack.
--
--  * bjb.admin_categories(): the categories with what renaming and removing them needs: the
--    version save_category / delete_category check (0007's stale-edit rule) and how many
--    products use each, so the page says "used by N products" before the admin tries.
--    bjb.list_categories() (0009) is the product picker's and stays as it is (cs calls it).
--  * bjb.product_photo(product): the stored photo of one product for the form's preview
--    (set_product_photo of 0007 writes it; nothing read it back).
--
-- Both SECURITY INVOKER: the caller's table grants and RLS decide (admin_read on category,
-- office_read on product_photo); EXECUTE only narrows who may ask, to the admin.
BEGIN;
SET LOCAL ROLE bjb_owner;

CREATE FUNCTION bjb.admin_categories()
RETURNS TABLE (id bigint, name text, version int, products bigint, edited_at timestamptz,
               edited_by text)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id, c.name, c.version,
         (SELECT count(*) FROM bjb.product p WHERE p.category_id = c.id),
         c.edited_at, c.edited_by
  FROM bjb.category c
  ORDER BY c.name, c.id
$$;

CREATE FUNCTION bjb.product_photo(p_product bigint)
RETURNS TABLE (data bytea, thumb bytea, width int, height int, uploaded_by text,
               uploaded_at timestamptz)
LANGUAGE sql STABLE SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
  SELECT ph.data, ph.thumb, ph.width, ph.height, ph.uploaded_by, ph.uploaded_at
  FROM bjb.product_photo ph
  WHERE ph.product_id = p_product
$$;

REVOKE ALL ON FUNCTION bjb.admin_categories(), bjb.product_photo(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bjb.admin_categories(), bjb.product_photo(bigint) TO bjb_admin;

INSERT INTO bjb.schema_migration (version, name) VALUES (13, '0013_catalog_pages');

COMMIT;
