-- Query insight: the instance marker, schema snapshots of target databases, explain/optimize
-- history, and the project's opt-in for explaining writes.

-- A random id of this dbooster installation. A target database that holds the same id is
-- dbooster's own database and is refused. Readable by every role (it is not tenant data), so
-- that the check works whatever role a target URL names.
CREATE TABLE dbooster_instance (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    instance_id uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO dbooster_instance DEFAULT VALUES;
GRANT SELECT ON dbooster_instance TO PUBLIC;

-- INSERT/UPDATE/DELETE may be explained (always rolled back) only when the project opts in.
ALTER TABLE projects ADD COLUMN allow_writes boolean NOT NULL DEFAULT false;

-- One row per column of every table, view or partitioned table of a synced target database.
CREATE TABLE db_schema_metadata (
    organization_id uuid NOT NULL,
    project_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    schema_name text NOT NULL,
    table_name text NOT NULL,
    table_kind text NOT NULL,
    row_estimate bigint,
    column_name text NOT NULL,
    column_position integer NOT NULL,
    column_type text NOT NULL,
    is_nullable boolean NOT NULL,
    is_primary_key boolean NOT NULL DEFAULT false,
    is_indexed boolean NOT NULL DEFAULT false,
    is_foreign_key boolean NOT NULL DEFAULT false,
    referred_schema text,
    referred_table text,
    referred_column text,
    synced_at timestamptz NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX db_schema_metadata_project_idx
    ON db_schema_metadata (organization_id, project_id, schema_name, table_name, column_position);

-- Every index of a synced target database.
CREATE TABLE db_index_definitions (
    organization_id uuid NOT NULL,
    project_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    schema_name text NOT NULL,
    table_name text NOT NULL,
    index_name text NOT NULL,
    method text NOT NULL,
    columns text[] NOT NULL,
    is_unique boolean NOT NULL,
    is_primary boolean NOT NULL,
    predicate text,
    has_expressions boolean NOT NULL,
    definition text NOT NULL,
    synced_at timestamptz NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX db_index_definitions_project_idx ON db_index_definitions (organization_id, project_id, schema_name, table_name);

-- Explain and optimize results, kept per organization.
CREATE TABLE query_runs (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('explain', 'optimize')),
    project_id uuid,
    fingerprint text,
    query text NOT NULL,
    result jsonb NOT NULL,
    duration_ms double precision,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE SET NULL (project_id)
);
CREATE INDEX query_runs_recent_idx ON query_runs (organization_id, created_at DESC);

-- Row-level security.
ALTER TABLE db_schema_metadata ENABLE ROW LEVEL SECURITY;
ALTER TABLE db_schema_metadata FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON db_schema_metadata TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON db_schema_metadata TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE db_index_definitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE db_index_definitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON db_index_definitions TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON db_index_definitions TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE query_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE query_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON query_runs TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON query_runs TO dbooster_system USING (true) WITH CHECK (true);

-- Privileges.
GRANT SELECT, INSERT, DELETE ON db_schema_metadata, db_index_definitions TO dbooster_tenant;
GRANT SELECT, INSERT, DELETE ON query_runs TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON db_schema_metadata, db_index_definitions, query_runs TO dbooster_system;
