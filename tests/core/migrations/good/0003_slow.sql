/* Slow on purpose: two runners racing without the lock would both get here. */
BEGIN;
SELECT pg_sleep(0.5);
INSERT INTO bjb.thing (id, label) VALUES (3, 'from 0003');
INSERT INTO bjb.schema_migration (version, name) VALUES (3, 'slow');
COMMIT;
-- trailing comment after COMMIT is fine
