-- PLACEHOLDER for the dashboard branch's 0010 (dropped at merge). The migrator refuses
-- gaps and a migration that does not record its version.
BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (10, '0010_placeholder');
COMMIT;
