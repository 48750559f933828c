import Core
import Database
import Foundation
import HTTPSupport
import PostgresNIO
import WorkloadAnalysis

/// Workload analyses kept per organization (`workload_runs`, row-level security).
public struct WorkloadStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A stored run's summary, for the history list.
    struct Summary: Codable, Sendable {
        let statements: Int
        let total_ms: Double
        let index_recommendations: Int
        let unused_indexes: Int
        let duplicate_indexes: Int
        let duration_ms: Double
    }

    /// One row of the history.
    struct RunRow: Sendable {
        let id: UUID
        let projectID: UUID
        let createdBy: UUID?
        let createdAt: Date
        let summary: Summary
    }

    /// Stores a report for the scope's organization; returns the run's id and creation time.
    func record(_ report: WorkloadReport, projectID: UUID, durationMS: Double,
                context: TenantRequestContext) async throws -> (id: UUID, createdAt: Date) {
        let (organizationID, userID) = (context.organizationID, context.user.id)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        let (statements, total) = (report.statistics.statements, report.statistics.total_ms)
        let (recommendations, unused, duplicates) = (report.index_recommendations.count, report.unused_indexes.count,
                                                    report.duplicate_indexes.count)
        return try await database.withTenant(context.scope) { transaction in
            guard let row = try await transaction.query("""
                INSERT INTO workload_runs (organization_id, project_id, statements, total_ms, index_recommendations,
                                           unused_indexes, duplicate_indexes, report, duration_ms, created_by)
                VALUES (\(organizationID), \(projectID), \(statements), \(total), \(recommendations), \(unused),
                        \(duplicates), \(json)::jsonb, \(durationMS), \(userID))
                RETURNING id, created_at
                """).first(as: (UUID, Date).self) else { throw AppError.internalError }
            return (row.0, row.1)
        }
    }

    /// The newest runs first, optionally of one project.
    func list(projectID: UUID?, limit: Int, scope: TenantScope) async throws -> [RunRow] {
        typealias Row = (UUID, UUID, UUID?, Date, Int, Double, Int, Int, Int, Double)
        let rows = try await database.withTenant(scope) { transaction in
            try await transaction.query("""
                SELECT id, project_id, created_by, created_at, statements, total_ms, index_recommendations,
                       unused_indexes, duplicate_indexes, duration_ms
                FROM workload_runs
                WHERE (\(projectID)::uuid IS NULL OR project_id = \(projectID))
                ORDER BY created_at DESC, id LIMIT \(limit)
                """).all(as: Row.self)
        }
        return rows.map {
            RunRow(id: $0.0, projectID: $0.1, createdBy: $0.2, createdAt: $0.3, summary: Summary(
                statements: $0.4, total_ms: $0.5, index_recommendations: $0.6, unused_indexes: $0.7,
                duplicate_indexes: $0.8, duration_ms: $0.9))
        }
    }

    /// One stored run with its report, or nil (unknown or another organization's).
    func run(_ id: UUID, scope: TenantScope) async throws -> (row: RunRow, report: WorkloadReport)? {
        typealias Row = (UUID, UUID, UUID?, Date, String, Double)
        let found = try await database.withTenant(scope) { transaction in
            try await transaction.query("""
                SELECT id, project_id, created_by, created_at, report::text, duration_ms FROM workload_runs WHERE id = \(id)
                """).first(as: Row.self)
        }
        guard let found else { return nil }
        let report = try JSONDecoder().decode(WorkloadReport.self, from: Data(found.4.utf8))
        let summary = Summary(statements: report.statistics.statements, total_ms: report.statistics.total_ms,
                              index_recommendations: report.index_recommendations.count,
                              unused_indexes: report.unused_indexes.count,
                              duplicate_indexes: report.duplicate_indexes.count, duration_ms: found.5)
        return (RunRow(id: found.0, projectID: found.1, createdBy: found.2, createdAt: found.3, summary: summary), report)
    }
}
