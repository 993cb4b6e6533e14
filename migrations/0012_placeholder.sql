BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (12, '0012_placeholder');
COMMIT;
