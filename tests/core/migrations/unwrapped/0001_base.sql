CREATE SCHEMA bjb;
CREATE TABLE bjb.schema_migration (version int PRIMARY KEY, name text NOT NULL);
INSERT INTO bjb.schema_migration (version, name) VALUES (1, 'base');
