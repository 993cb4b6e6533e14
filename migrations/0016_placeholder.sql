BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (16, '0016_placeholder');
COMMIT;
