-- The database and its two roles for production (PostgreSQL 13 or later), run once by a superuser:
--   psql -v ON_ERROR_STOP=1 -f deploy/postgres/roles.sql
-- then give both roles passwords (psql: \password rcc_owner, \password rcc_app).
-- rcc_owner owns the schema and runs the migrations (SPRING_FLYWAY_USER); the service connects as rcc_app
-- (SPRING_DATASOURCE_USERNAME). After every migration the service, as the owner, grants rcc_app what it needs on each
-- table (backend/src/main/resources/db/migration/afterMigrate.sql). Tested by DatabaseRolesTest.
CREATE ROLE rcc_owner LOGIN;
CREATE ROLE rcc_app LOGIN;
CREATE DATABASE rcc OWNER rcc_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE rcc FROM PUBLIC;
GRANT CONNECT ON DATABASE rcc TO rcc_owner, rcc_app;

\connect rcc
-- Only the owner creates objects (before PostgreSQL 15 everyone could create in the public schema).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO rcc_owner;
GRANT USAGE ON SCHEMA public TO rcc_app;
