import Core
import Database
import Foundation
import PostgresNIO

/// Where the organization's scanned repositories issue statements, by libpg_query fingerprint:
/// the locations found by the latest succeeded scan of each repository. Other features get it
/// from the application as a closure (features never import each other).
public struct ScannedLocations: Sendable {
    /// One place in a repository.
    public struct Location: Sendable, Equatable {
        /// `owner/name`.
        public let repository: String
        public let file: String
        public let line: Int
    }

    let database: Database
    /// Locations per fingerprint at most (a statement pasted everywhere is still one line each).
    static let perFingerprint = 50

    public init(database: Database) {
        self.database = database
    }

    /// The locations of each fingerprint found in the scope's organization.
    public func locations(fingerprints: [String], scope: TenantScope) async throws -> [String: [Location]] {
        guard !fingerprints.isEmpty, let organizationID = scope.organizationID else { return [:] }
        typealias Row = (String, String, String, Int)
        let rows = try await database.withTenant(scope) { transaction in
            try await transaction.query("""
                WITH latest AS (
                    SELECT DISTINCT ON (host, owner, repo) id, owner || '/' || repo AS repository
                    FROM scans
                    WHERE organization_id = \(organizationID) AND status = 'succeeded'
                    ORDER BY host, owner, repo, finished_at DESC NULLS LAST, created_at DESC
                ), found AS (
                    SELECT DISTINCT q.fingerprint, latest.repository, l.file, l.line
                    FROM extracted_queries AS q
                    JOIN query_locations AS l ON l.organization_id = q.organization_id AND l.query_id = q.id
                    JOIN latest ON latest.id = l.scan_id
                    WHERE q.organization_id = \(organizationID) AND q.fingerprint = ANY(\(fingerprints))
                )
                SELECT fingerprint, repository, file, line FROM (
                    SELECT found.*, row_number() OVER (PARTITION BY fingerprint ORDER BY repository, file, line) AS n FROM found
                ) AS numbered
                WHERE n <= \(Self.perFingerprint)
                ORDER BY fingerprint, repository, file, line
                """).all(as: Row.self)
        }
        var result: [String: [Location]] = [:]
        for row in rows {
            result[row.0, default: []].append(Location(repository: row.1, file: row.2, line: row.3))
        }
        return result
    }
}
