BEGIN;
ALTER TABLE bjb.thing ADD COLUMN label text;
INSERT INTO bjb.thing (id, label) VALUES (2, 'from 0002');
INSERT INTO bjb.schema_migration (version, name) VALUES (2, 'more');
COMMIT;
