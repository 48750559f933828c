-- Workload insight: stored analyses of projects' pg_stat_statements, and their quota kind.

ALTER TABLE usage_counters DROP CONSTRAINT usage_counters_kind_check;
ALTER TABLE usage_counters ADD CONSTRAINT usage_counters_kind_check
    CHECK (kind IN ('optimize', 'explain', 'scan', 'workload'));

-- One workload analysis of a project's database; the report as the API returned it.
CREATE TABLE workload_runs (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL,
    statements integer NOT NULL,
    total_ms double precision NOT NULL,
    index_recommendations integer NOT NULL,
    unused_indexes integer NOT NULL,
    duplicate_indexes integer NOT NULL,
    report jsonb NOT NULL,
    duration_ms double precision NOT NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX workload_runs_recent_idx ON workload_runs (organization_id, created_at DESC, id);

ALTER TABLE workload_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workload_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON workload_runs TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON workload_runs TO dbooster_system USING (true) WITH CHECK (true);

GRANT SELECT, INSERT ON workload_runs TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON workload_runs TO dbooster_system;
