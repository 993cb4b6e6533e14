-- PLACEHOLDER (dropped by the lead at merge): the runner refuses gaps.
BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (11, '0011_placeholder');
COMMIT;
