BEGIN;
CREATE TABLE bjb.never (id int);
INSERT INTO bjb.schema_migration (version, name) VALUES (3, 'never');
COMMIT;
