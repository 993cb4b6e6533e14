BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (11, '0011_placeholder');
COMMIT;
