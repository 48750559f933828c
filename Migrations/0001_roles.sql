-- Roles used by the application inside its transactions (SET LOCAL ROLE).
-- dbooster_tenant: every request of a signed-in user; row-level security applies.
-- dbooster_system: work that belongs to no single tenant (sign-in, webhooks, job queues).
-- Neither can log in, owns a table or bypasses row-level security.
-- Roles belong to the whole cluster while the migration lock is per database: databases being
-- migrated at the same time (a test run, several environments) may race to create them.
DO $$
BEGIN
    BEGIN
        CREATE ROLE dbooster_tenant NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
    BEGIN
        CREATE ROLE dbooster_system NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
    BEGIN
        GRANT dbooster_tenant, dbooster_system TO CURRENT_USER;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN
        NULL;
    END;
END
$$;

GRANT USAGE ON SCHEMA public TO dbooster_tenant, dbooster_system;

CREATE TYPE user_role AS ENUM ('admin', 'member', 'viewer');
