-- SPDX-License-Identifier: GPL-3.0-or-later
-- Stand-in used only while src/cli/seed-demo.sql does not exist (see src/cli/meson.build).
CREATE FUNCTION pg_temp.bjb_seed_demo (p_customers int, p_orders int) RETURNS jsonb
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'this barokah-admin was built without src/cli/seed-demo.sql';
END
$$;
