BEGIN;
INSERT INTO bjb.schema_migration (version, name) VALUES (10, '0010_placeholder');
COMMIT;
