BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (15, '0015_placeholder');
COMMIT;
