-- Test migration: the smallest schema the runner needs.
BEGIN;
CREATE SCHEMA bjb;
CREATE TABLE bjb.schema_migration (
  version    int PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE bjb.thing (id int NOT NULL);
INSERT INTO bjb.schema_migration (version, name) VALUES (1, 'base');
COMMIT;
