BEGIN;
CREATE TABLE bjb.forgot (id int);
COMMIT;
