-- Billing: Stripe webhook events, payment details and history, monthly usage counters.

-- The Stripe `created` time of the subscription event last applied to the organization, so that
-- an older event delivered late cannot overwrite newer state.
ALTER TABLE organizations ADD COLUMN subscription_updated_at timestamptz;
CREATE INDEX organizations_stripe_subscription_idx ON organizations (stripe_subscription_id);

-- Every Stripe event received, once (global: an event is not yet known to belong to a tenant).
CREATE TABLE stripe_events (
    id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 255),
    type text NOT NULL,
    created timestamptz NOT NULL,
    livemode boolean NOT NULL DEFAULT false,
    api_version text,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- applied | stale | ignored | unmatched | malformed
    outcome text NOT NULL DEFAULT 'received',
    processed_at timestamptz
);
CREATE INDEX stripe_events_unmatched_idx ON stripe_events ((payload -> 'data' -> 'object' ->> 'customer'))
    WHERE outcome = 'unmatched';

-- A user's payment method reference at a provider (a token or account id, never a card number).
CREATE TABLE user_payment_details (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 50),
    payment_identifier text NOT NULL CHECK (length(payment_identifier) BETWEEN 1 AND 255),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Invoices of an organization as reported by Stripe; one row per invoice.
CREATE TABLE payment_history (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid REFERENCES users (id) ON DELETE SET NULL,
    -- In the currency's smallest unit (cents for USD), as Stripe reports it.
    amount bigint NOT NULL CHECK (amount >= 0),
    currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    status text NOT NULL CHECK (status IN ('paid', 'failed', 'pending')),
    paid_at timestamptz,
    stripe_invoice_id text,
    -- The Stripe `created` time of the event that last changed this row.
    event_created timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, stripe_invoice_id)
);
CREATE INDEX payment_history_recent_idx ON payment_history (organization_id, created_at DESC);

-- Metered usage per organization, calendar month (UTC) and kind; counted atomically.
CREATE TABLE usage_counters (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    period_start timestamptz NOT NULL,
    kind text NOT NULL CHECK (kind IN ('optimize', 'explain', 'scan')),
    used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    PRIMARY KEY (organization_id, period_start, kind)
);

-- Row-level security.
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY system_all ON stripe_events TO dbooster_system USING (true) WITH CHECK (true);

-- user_payment_details is keyed by user, not organization: a user sees only their own row.
ALTER TABLE user_payment_details ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_payment_details FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON user_payment_details TO dbooster_tenant
    USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
CREATE POLICY system_all ON user_payment_details TO dbooster_system USING (true) WITH CHECK (true);

-- payment_history is written by webhooks (system) and only read by tenants.
ALTER TABLE payment_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON payment_history FOR SELECT TO dbooster_tenant
    USING (organization_id = app_organization_id());
CREATE POLICY system_all ON payment_history TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE usage_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON usage_counters TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON usage_counters TO dbooster_system USING (true) WITH CHECK (true);

-- Privileges.
GRANT SELECT, INSERT, UPDATE, DELETE ON user_payment_details TO dbooster_tenant;
GRANT SELECT ON payment_history TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE ON usage_counters TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON stripe_events, user_payment_details, payment_history, usage_counters
    TO dbooster_system;
