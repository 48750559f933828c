-- Checkout sessions dbooster created, per organization: a `checkout.session.completed` event is
-- applied only to the organization that started that session (never to one named by metadata).
CREATE TABLE stripe_checkout_sessions (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id text NOT NULL CHECK (length(id) BETWEEN 1 AND 255),
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    plan text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    PRIMARY KEY (organization_id, id)
);
CREATE INDEX stripe_checkout_sessions_id_idx ON stripe_checkout_sessions (id);

ALTER TABLE stripe_checkout_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_checkout_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON stripe_checkout_sessions TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON stripe_checkout_sessions TO dbooster_system USING (true) WITH CHECK (true);

GRANT SELECT, INSERT ON stripe_checkout_sessions TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON stripe_checkout_sessions TO dbooster_system;
