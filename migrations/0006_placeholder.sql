-- SPDX-License-Identifier: GPL-3.0-or-later
-- Placeholder on the courier branch only: migration 0006 belongs to another branch. The
-- runner refuses gaps, so this keeps 0011_courier applicable here. DELETE this file (and its
-- line in migrations.gresource.xml) when merging; the real 0006 takes its place.
BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (6, '0006_placeholder');
COMMIT;
