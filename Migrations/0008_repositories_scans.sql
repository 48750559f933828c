-- Repositories, background scans (a job queue) and the SQL they found.

-- The GitHub repositories an organization's members listed through GET /repos.
CREATE TABLE repositories (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    host text NOT NULL,
    full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 300),
    html_url text NOT NULL,
    private boolean NOT NULL DEFAULT false,
    default_branch text,
    added_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, host, full_name)
);

-- One scan of a repository's branch; also the job queue row (picked with FOR UPDATE SKIP LOCKED).
CREATE TABLE scans (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    project_id uuid,
    requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
    repo_url text NOT NULL,
    host text NOT NULL,
    owner text NOT NULL,
    repo text NOT NULL,
    branch text NOT NULL CHECK (length(branch) BETWEEN 1 AND 255),
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    files_total integer NOT NULL DEFAULT 0,
    files_scanned integer NOT NULL DEFAULT 0,
    queries_found integer NOT NULL DEFAULT 0,
    skipped_entries integer NOT NULL DEFAULT 0,
    error text,
    -- Lease of the worker that runs it; an expired lease makes the scan available again.
    attempts integer NOT NULL DEFAULT 0,
    locked_by text,
    locked_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at timestamptz,
    finished_at timestamptz,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX scans_queue_idx ON scans (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX scans_recent_idx ON scans (organization_id, created_at DESC, id DESC);

-- A distinct statement of an organization's project (or of no project), by fingerprint.
CREATE TABLE extracted_queries (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    project_id uuid,
    fingerprint text NOT NULL,
    sql text NOT NULL,
    statement_type text NOT NULL,
    language text NOT NULL,
    kind text NOT NULL DEFAULT 'static',
    first_scan_id uuid,
    last_scan_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, id),
    UNIQUE NULLS NOT DISTINCT (organization_id, project_id, fingerprint),
    FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX extracted_queries_page_idx ON extracted_queries (organization_id, seq);

-- Every place a statement was found, per scan.
CREATE TABLE query_locations (
    organization_id uuid NOT NULL,
    query_id uuid NOT NULL,
    scan_id uuid NOT NULL,
    file text NOT NULL,
    line integer NOT NULL,
    column_number integer NOT NULL,
    language text NOT NULL,
    PRIMARY KEY (organization_id, scan_id, query_id, file, line, column_number),
    FOREIGN KEY (organization_id, query_id) REFERENCES extracted_queries (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, scan_id) REFERENCES scans (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX query_locations_query_idx ON query_locations (organization_id, query_id);

-- Row-level security: the organization in context; workers pick jobs as dbooster_system.
ALTER TABLE repositories ENABLE ROW LEVEL SECURITY;
ALTER TABLE repositories FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON repositories TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON repositories TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE scans ENABLE ROW LEVEL SECURITY;
ALTER TABLE scans FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON scans TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON scans TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE extracted_queries ENABLE ROW LEVEL SECURITY;
ALTER TABLE extracted_queries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON extracted_queries TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON extracted_queries TO dbooster_system USING (true) WITH CHECK (true);

ALTER TABLE query_locations ENABLE ROW LEVEL SECURITY;
ALTER TABLE query_locations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_all ON query_locations TO dbooster_tenant
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());
CREATE POLICY system_all ON query_locations TO dbooster_system USING (true) WITH CHECK (true);

-- Privileges.
GRANT SELECT, INSERT, UPDATE ON repositories, scans, extracted_queries TO dbooster_tenant;
GRANT SELECT, INSERT ON query_locations TO dbooster_tenant;
GRANT USAGE, SELECT ON SEQUENCE extracted_queries_seq_seq TO dbooster_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON repositories, scans, extracted_queries, query_locations TO dbooster_system;
GRANT USAGE, SELECT ON SEQUENCE extracted_queries_seq_seq TO dbooster_system;
