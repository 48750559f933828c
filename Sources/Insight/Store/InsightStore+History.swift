import Database
import Foundation
import PostgresNIO

// MARK: - Explain and optimize history (`query_runs`)

extension InsightStore {
    struct RunRow: Sendable {
        let id: UUID
        let kind: String
        let projectID: UUID?
        let fingerprint: String?
        let query: String
        /// The stored result, as JSON text.
        let resultJSON: String
        let durationMS: Double?
        let createdBy: UUID?
        let createdAt: Date
    }

    /// Stores one run; returns its id.
    func recordRun(
        organizationID: UUID, kind: String, projectID: UUID?, fingerprint: String?, query: String, resultJSON: String,
        durationMS: Double, createdBy: UUID
    ) async throws -> UUID? {
        try await transaction.query("""
            INSERT INTO query_runs (organization_id, kind, project_id, fingerprint, query, result, duration_ms, created_by)
            VALUES (\(organizationID), \(kind), \(projectID), \(fingerprint), \(query), \(resultJSON)::jsonb,
                    \(durationMS), \(createdBy))
            RETURNING id
            """).first(as: UUID.self)
    }

    /// The newest `limit` runs, optionally of one kind or project.
    func runs(kind: String?, projectID: UUID?, limit: Int) async throws -> [RunRow] {
        try await transaction.query("""
            SELECT id, kind, project_id, fingerprint, query, result::text, duration_ms, created_by, created_at
            FROM query_runs
            WHERE (\(kind)::text IS NULL OR kind = \(kind)) AND (\(projectID)::uuid IS NULL OR project_id = \(projectID))
            ORDER BY created_at DESC, id LIMIT \(limit)
            """).all(as: (UUID, String, UUID?, String?, String, String, Double?, UUID?, Date).self)
            .map {
                RunRow(id: $0.0, kind: $0.1, projectID: $0.2, fingerprint: $0.3, query: $0.4, resultJSON: $0.5,
                       durationMS: $0.6, createdBy: $0.7, createdAt: $0.8)
            }
    }
}
