-- Organizations (tenants) and users.

CREATE TABLE organizations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'team')),
    stripe_customer_id text UNIQUE,
    stripe_subscription_id text,
    subscription_status text,
    current_period_end timestamptz
);

CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    google_id text UNIQUE,
    github_id text UNIQUE,
    email text NOT NULL,
    email_verified boolean NOT NULL DEFAULT false,
    full_name text,
    picture text,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- The active organization; the role below mirrors the membership there.
    organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
    role user_role NOT NULL DEFAULT 'member',
    -- AES-GCM sealed with ENCRYPTION_KEY, never plaintext.
    github_token text,
    password_hash text
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role user_role NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    email text NOT NULL,
    role user_role NOT NULL,
    token_hash text NOT NULL UNIQUE,
    invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz,
    PRIMARY KEY (organization_id, id)
);
CREATE INDEX invitations_email_idx ON invitations (lower(email));
