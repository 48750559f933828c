-- Roles used by the application inside its transactions (SET LOCAL ROLE).
-- dbooster_tenant: every request of a signed-in user; row-level security applies.
-- dbooster_system: work that belongs to no single tenant (sign-in, webhooks, job queues).
-- Neither can log in, owns a table or bypasses row-level security.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbooster_tenant') THEN
        CREATE ROLE dbooster_tenant NOLOGIN NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dbooster_system') THEN
        CREATE ROLE dbooster_system NOLOGIN NOBYPASSRLS;
    END IF;
END
$$;

GRANT dbooster_tenant TO CURRENT_USER;
GRANT dbooster_system TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO dbooster_tenant, dbooster_system;

CREATE TYPE user_role AS ENUM ('admin', 'member', 'viewer');
