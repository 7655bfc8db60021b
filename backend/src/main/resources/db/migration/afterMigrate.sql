-- Flyway runs this after every migrate, as the migrating role. Where the application role of
-- deploy/postgres/roles.sql exists, it may read and write every table, but never change, delete or empty audit rows
-- or touch Flyway's history; the owner keeps the tables, so rcc_app can never alter or drop a table or its
-- triggers. Re-granted after each migration, so tables added later are covered too. (The embedded database has no
-- rcc_app: there this does nothing.)
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'rcc_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO rcc_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rcc_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM rcc_app;
        REVOKE ALL ON flyway_schema_history FROM rcc_app;
    END IF;
END
$$;
