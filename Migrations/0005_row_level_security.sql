-- Row-level security. Every table with organization_id has RLS enabled and forced.
-- Settings are read with NULLIF(…, '') so that a missing context matches nothing.

CREATE FUNCTION app_organization_id() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_user_email() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT lower(NULLIF(current_setting('app.user_email', true), '')) $$;

-- organizations: a tenant sees its own organization and those the user belongs to.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON organizations FOR SELECT TO dbooster_tenant
    USING (id = app_organization_id()
           OR id IN (SELECT organization_id FROM memberships WHERE user_id = app_user_id()));
CREATE POLICY tenant_update ON organizations FOR UPDATE TO dbooster_tenant
    USING (id = app_organization_id()) WITH CHECK (id = app_organization_id());
CREATE POLICY system_all ON organizations TO dbooster_system USING (true) WITH CHECK (true);

-- users: yourself, and the members of the organization in context.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON users FOR SELECT TO dbooster_tenant
    USING (id = app_user_id()
           OR id IN (SELECT user_id FROM memberships WHERE organization_id = app_organization_id()));
CREATE POLICY tenant_update ON users FOR UPDATE TO dbooster_tenant
    USING (id = app_user_id()
           OR id IN (SELECT user_id FROM memberships WHERE organization_id = app_organization_id()))
    WITH CHECK (id = app_user_id()
           OR id IN (SELECT user_id FROM memberships WHERE organization_id = app_organization_id()));
CREATE POLICY system_all ON users TO dbooster_system USING (true) WITH CHECK (true);

-- memberships: the organization's members, and the user's own memberships (to list them).
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON memberships FOR SELECT TO dbooster_tenant
    USING (organization_id = app_organization_id() OR user_id = app_user_id());
CREATE POLICY tenant_write ON memberships FOR INSERT TO dbooster_tenant
    WITH CHECK (organization_id = app_organization_id());
CREATE POLICY tenant_update ON memberships FOR UPDATE TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY tenant_delete ON memberships FOR DELETE TO dbooster_tenant
    USING (organization_id = app_organization_id());
CREATE POLICY system_all ON memberships TO dbooster_system USING (true) WITH CHECK (true);

-- invitations: the organization's own; the invitee may read those addressed to their email.
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON invitations TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY invitee_read ON invitations FOR SELECT TO dbooster_tenant
    USING (lower(email) = app_user_email());
CREATE POLICY system_all ON invitations TO dbooster_system USING (true) WITH CHECK (true);

-- Plain tenant tables: the organization in context only.
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON projects TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON projects TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON audit_log TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON audit_log TO dbooster_system USING (true) WITH CHECK (true);

-- notifications: a user reads their own (in any organization); they are written in the
-- organization they are about.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_read ON notifications FOR SELECT TO dbooster_tenant
    USING (user_id = app_user_id());
CREATE POLICY owner_update ON notifications FOR UPDATE TO dbooster_tenant
    USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY tenant_insert ON notifications FOR INSERT TO dbooster_tenant
    WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON notifications TO dbooster_system USING (true) WITH CHECK (true);

-- Privileges. The tenant role gets no access at all to sign-in state.
GRANT SELECT, UPDATE ON organizations TO dbooster_tenant;
GRANT SELECT (id, google_id, github_id, email, email_verified, full_name, picture, created_at,
              organization_id, role, github_token) ON users TO dbooster_tenant;
GRANT UPDATE (full_name, picture, organization_id, role) ON users TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations, projects, audit_log, notifications
    TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dbooster_system;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO dbooster_system;
REVOKE ALL ON schema_migrations FROM dbooster_system;
