BEGIN;
CREATE TABLE bjb.half (id int);
INSERT INTO bjb.schema_migration (version, name) VALUES (2, 'broken');
SELECT * FROM bjb.no_such_table;
COMMIT;
