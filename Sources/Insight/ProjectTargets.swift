import Core
import CustomerDatabase
import Database
import Foundation
import HTTPSupport
import Logging
import PostgresNIO

/// A project's target database, as resolved for one request.
public struct ProjectTarget: Sendable {
    public let projectID: UUID
    public let projectName: String
    public let url: TargetURL
    /// The project's opt-in for explaining INSERT/UPDATE/DELETE (always rolled back).
    public let allowWrites: Bool
}

/// Finds the project a request names (or the organization's only project with a database),
/// unseals its URL and opens a ``TargetDatabase`` for it.
public struct ProjectTargets: Sendable {
    let database: Database
    /// Decrypts a sealed database URL (Auth's `SecretBox.open`).
    let open: @Sendable (String) throws -> String
    public let settings: TargetSettings
    public let ownDatabase: OwnDatabaseGuard
    public let network: TargetNetworkPolicy

    public init(database: Database, open: @escaping @Sendable (String) throws -> String,
                settings: TargetSettings = .standard, ownDatabase: OwnDatabaseGuard,
                network: TargetNetworkPolicy) {
        self.database = database
        self.open = open
        self.settings = settings
        self.ownDatabase = ownDatabase
        self.network = network
    }

    /// The project named by `projectID`, or when nil the organization's only project with a
    /// database. 404 for an unknown project; 422 `no_database` when it has no URL;
    /// 422 `project_required` when several projects have one.
    public func resolve(_ projectID: UUID?, context: TenantRequestContext) async throws -> ProjectTarget {
        guard let target = try await resolveIfConnected(projectID, context: context) else {
            throw AppError(.unprocessableContent, code: "no_database",
                           message: "No database is connected; set one with PUT /projects/{id}/database.")
        }
        return target
    }

    /// Like ``resolve(_:context:)``, but `nil` instead of 422 `no_database` when the project (or
    /// the organization) has no database connected.
    public func resolveIfConnected(_ projectID: UUID?, context: TenantRequestContext) async throws -> ProjectTarget? {
        let rows = try await database.withTenant(context.scope) { transaction in
            let store = InsightStore(transaction)
            if let projectID { return try await store.projectConnection(projectID) }
            return try await store.projectsWithDatabase()
        }
        if projectID != nil, rows.isEmpty { throw AppError.notFound("Project") }
        if rows.count > 1 {
            throw AppError(.unprocessableContent, code: "project_required",
                           message: "Several projects have a database; name one with project_id.")
        }
        guard let row = rows.first, let sealed = row.sealedDatabaseURL else { return nil }
        let url: TargetURL
        do {
            url = try TargetURL(parsing: try open(sealed))
        } catch {
            throw AppError(.unprocessableContent, code: "invalid_database_url",
                           message: "The project's stored database URL cannot be used; set it again.")
        }
        return ProjectTarget(projectID: row.id, projectName: row.name, url: url, allowWrites: row.allowWrites)
    }

    /// A ``TargetDatabase`` for a resolved project.
    public func target(_ project: ProjectTarget, logger: Logger) -> TargetDatabase {
        TargetDatabase(url: project.url, settings: settings, ownDatabase: ownDatabase, network: network, logger: logger)
    }
}

extension OwnDatabaseGuard {
    /// The guard for a server: `ownURL` from `DATABASE_URL`, the instance id read from
    /// `dbooster_instance` (one short query on dbooster's pool, released before any target work).
    public static func reading(from database: Database, ownURL: String) -> OwnDatabaseGuard {
        OwnDatabaseGuard(ownURL: try? TargetURL(parsing: ownURL)) {
            return try await database.withSystem { transaction in
                try await InsightStore(transaction).instanceID()
            }
        }
    }
}
