import Database
import Extraction
import Foundation
import Logging
import PostgresNIO

/// Stores a scan's findings in its organization (tenant path, so row-level security applies):
/// one `extracted_queries` row per fingerprint and project, one `query_locations` row per place.
public struct ScanResultStore: Sendable {
    let database: Database
    static let batchSize = 500

    public init(database: Database) {
        self.database = database
    }

    /// Upserts the statements and records every location of `findings` for `job`. Fragments
    /// (pieces of SQL handed to ORMs) are not statements and are not stored.
    public func store(_ findings: [SQLFinding], for job: ScanJob) async throws {
        let findings = findings.filter { $0.kind != .fragment }
        let scope = TenantScope.job(organizationID: job.organizationID, requestedBy: job.requestedBy)
        var start = 0
        while start < findings.count {
            let batch = Array(findings[start..<min(start + Self.batchSize, findings.count)])
            start += Self.batchSize
            try await database.withTenant(scope) { transaction in
                try await Self.insert(batch, job: job, on: transaction)
            }
        }
    }

    /// The fingerprint a finding is deduplicated by: libpg_query's, or a hash of the text when it does not parse.
    static func key(_ finding: SQLFinding) -> String {
        if let fingerprint = finding.fingerprint, !fingerprint.isEmpty { return fingerprint }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in finding.sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "text:" + String(hash, radix: 16)
    }

    /// Statements are upserted in fingerprint order, so that concurrent scans of one project (in any
    /// process) lock the rows they share in the same order and cannot deadlock.
    private static func insert(_ batch: [SQLFinding], job: ScanJob, on transaction: Transaction) async throws {
        let keys = batch.map(key)
        var distinct: [String: SQLFinding] = [:]
        for (key, finding) in zip(keys, batch) where distinct[key] == nil { distinct[key] = finding }
        let statements = Array(distinct)
        let (org, project, scan) = (job.organizationID, job.projectID, job.id)
        try await transaction.query("""
            INSERT INTO extracted_queries (organization_id, project_id, fingerprint, sql, statement_type, language,
                                           kind, first_scan_id, last_scan_id)
            SELECT \(org), \(project), u.fingerprint, u.sql, u.statement_type, u.language, u.kind, \(scan), \(scan)
            FROM unnest(\(statements.map(\.key))::text[], \(statements.map(\.value.sql))::text[],
                        \(statements.map(\.value.statementType))::text[],
                        \(statements.map(\.value.language.rawValue))::text[],
                        \(statements.map(\.value.kind.rawValue))::text[])
                 AS u(fingerprint, sql, statement_type, language, kind)
            ORDER BY u.fingerprint
            ON CONFLICT (organization_id, project_id, fingerprint)
            DO UPDATE SET last_scan_id = EXCLUDED.last_scan_id, updated_at = now()
            """)
        try await transaction.query("""
            INSERT INTO query_locations (organization_id, query_id, scan_id, file, line, column_number, language)
            SELECT \(org), q.id, \(scan), u.file, u.line, u.col, u.language
            FROM unnest(\(keys)::text[], \(batch.map(\.file))::text[], \(batch.map(\.line))::int[],
                        \(batch.map(\.column))::int[], \(batch.map(\.language.rawValue))::text[])
                 AS u(fingerprint, file, line, col, language)
            JOIN extracted_queries q ON q.organization_id = \(org) AND q.project_id IS NOT DISTINCT FROM \(project)
                                    AND q.fingerprint = u.fingerprint
            ON CONFLICT DO NOTHING
            """)
    }
}
