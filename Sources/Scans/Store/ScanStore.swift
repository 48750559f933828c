import Database
import Foundation
import PostgresNIO

/// The Scans feature's SQL for its routes: repositories, queued scans and the queries found.
/// Works inside the transaction it is given and returns named rows. The queue's own statements
/// (system path, leases) are in ``ScanQueue``; storing a scan's findings in ``ScanResultStore``.
struct ScanStore: Sendable {
    let transaction: Transaction

    init(_ transaction: Transaction) {
        self.transaction = transaction
    }

    // MARK: - Repositories

    /// A repository as GitHub lists it, with the host of its URL.
    struct RepositoryListing: Sendable {
        let host: String
        let fullName: String
        let htmlURL: String
        let isPrivate: Bool
        /// Empty when GitHub gave none.
        let defaultBranch: String
    }

    /// Records (or refreshes) the organization's repositories.
    func upsertRepositories(_ repositories: [RepositoryListing], organizationID: UUID, addedBy: UUID) async throws {
        try await transaction.query("""
            INSERT INTO repositories (organization_id, host, full_name, html_url, private, default_branch, added_by)
            SELECT DISTINCT ON (u.host, u.full_name) \(organizationID), u.host, u.full_name, u.html_url, u.private, u.default_branch, \(addedBy)
            FROM unnest(\(repositories.map(\.host))::text[], \(repositories.map(\.fullName))::text[], \(repositories.map(\.htmlURL))::text[],
                        \(repositories.map(\.isPrivate))::bool[], \(repositories.map(\.defaultBranch))::text[])
                 AS u(host, full_name, html_url, private, default_branch)
            ON CONFLICT (organization_id, host, full_name) DO UPDATE
            SET html_url = EXCLUDED.html_url, private = EXCLUDED.private,
                default_branch = NULLIF(EXCLUDED.default_branch, ''), updated_at = now()
            """)
    }

    // MARK: - Queueing

    func projectExists(_ id: UUID) async throws -> Bool {
        try await transaction.query("SELECT 1 FROM projects WHERE id = \(id)").first(as: Int.self) != nil
    }

    /// Whether the user has a GitHub token stored; nil when the user is not visible.
    func hasGitHubToken(_ userID: UUID) async throws -> Bool? {
        try await transaction.query(
            "SELECT github_token IS NOT NULL FROM users WHERE id = \(userID)").first(as: Bool.self)
    }

    /// The user's sealed GitHub token; nil when not connected or not visible.
    func sealedGitHubToken(_ userID: UUID) async throws -> String? {
        try await transaction.query("SELECT github_token FROM users WHERE id = \(userID)")
            .first(as: String?.self) ?? nil
    }

    /// Queues a scan; returns its id.
    func queueScan(
        organizationID: UUID, projectID: UUID?, requestedBy: UUID, repository: RepositoryURL, branch: String
    ) async throws -> UUID? {
        try await transaction.query("""
            INSERT INTO scans (organization_id, project_id, requested_by, repo_url, host, owner, repo, branch)
            VALUES (\(organizationID), \(projectID), \(requestedBy), \(repository.url), \(repository.host),
                    \(repository.owner), \(repository.repo), \(branch))
            RETURNING id
            """).first(as: UUID.self)
    }

    // MARK: - Scans

    struct ScanRow: Sendable {
        let id: UUID
        let status: String
        let filesTotal: Int
        let filesScanned: Int
        let queriesFound: Int
        let error: String?
        let repoURL: String
        let branch: String
        let projectID: UUID?
        let skippedEntries: Int
        let attempts: Int
        let createdAt: Date
        let startedAt: Date?
        let finishedAt: Date?
    }

    private typealias ScanColumns = (UUID, String, Int, Int, Int, String?, String, String, UUID?, Int, Int, Date, Date?, Date?)
    private static let scanColumns = """
        id, status, files_total, files_scanned, queries_found, error, repo_url, branch, project_id,
        skipped_entries, attempts, created_at, started_at, finished_at
        """
    private static func scan(_ row: ScanColumns) -> ScanRow {
        ScanRow(id: row.0, status: row.1, filesTotal: row.2, filesScanned: row.3, queriesFound: row.4, error: row.5,
                repoURL: row.6, branch: row.7, projectID: row.8, skippedEntries: row.9, attempts: row.10,
                createdAt: row.11, startedAt: row.12, finishedAt: row.13)
    }

    /// The latest `limit` scans, newest first.
    func scans(limit: Int) async throws -> [ScanRow] {
        try await transaction.query("""
            SELECT \(unescaped: Self.scanColumns) FROM scans ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """).all(as: ScanColumns.self).map(Self.scan)
    }

    func scan(_ id: UUID) async throws -> ScanRow? {
        try await transaction.query("SELECT \(unescaped: Self.scanColumns) FROM scans WHERE id = \(id)")
            .first(as: ScanColumns.self).map(Self.scan)
    }

    // MARK: - Queries found

    struct QueryRow: Sendable {
        /// The keyset-pagination cursor.
        let seq: Int64
        let id: UUID
        let projectID: UUID?
        let fingerprint: String
        let sql: String
        let statementType: String
        let language: String
        let kind: String
        let occurrences: Int
        /// A JSON array of `{file, line, column, scan_id}`, at most `locationsPerQuery` long.
        let locationsJSON: String
    }

    /// Up to `limit` statements after cursor `after`, optionally of one project or found by one scan.
    func queries(projectID: UUID?, scanID: UUID?, after: Int64, limit: Int, locationsPerQuery: Int) async throws
        -> [QueryRow]
    {
        let (project, scan, perQuery) = (projectID, scanID, locationsPerQuery)
        return try await transaction.query("""
            SELECT q.seq, q.id, q.project_id, q.fingerprint, q.sql, q.statement_type, q.language, q.kind,
                   (SELECT count(*)::int FROM query_locations l
                    WHERE l.organization_id = q.organization_id AND l.query_id = q.id
                      AND (\(scan)::uuid IS NULL OR l.scan_id = \(scan))),
                   (SELECT COALESCE(json_agg(json_build_object('file', l.file, 'line', l.line,
                               'column', l.column_number, 'scan_id', l.scan_id)), '[]')::text
                    FROM (SELECT * FROM query_locations l
                          WHERE l.organization_id = q.organization_id AND l.query_id = q.id
                            AND (\(scan)::uuid IS NULL OR l.scan_id = \(scan))
                          ORDER BY l.file, l.line, l.column_number LIMIT \(perQuery)) l)
            FROM extracted_queries q
            WHERE q.seq > \(after)
              AND (\(project)::uuid IS NULL OR q.project_id = \(project))
              AND (\(scan)::uuid IS NULL OR EXISTS (
                    SELECT 1 FROM query_locations l
                    WHERE l.organization_id = q.organization_id AND l.query_id = q.id AND l.scan_id = \(scan)))
            ORDER BY q.seq
            LIMIT \(limit)
            """).all(as: (Int64, UUID, UUID?, String, String, String, String, String, Int, String).self)
            .map {
                QueryRow(seq: $0.0, id: $0.1, projectID: $0.2, fingerprint: $0.3, sql: $0.4, statementType: $0.5,
                         language: $0.6, kind: $0.7, occurrences: $0.8, locationsJSON: $0.9)
            }
    }
}
