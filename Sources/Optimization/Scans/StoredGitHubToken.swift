import Database
import Foundation
import PostgresNIO

/// A user's GitHub token as stored at sign-in (sealed), read in `scope`; nil when not connected.
func storedGitHubToken(userID: UUID, scope: TenantScope, database: Database) async throws -> String? {
    let logger = database.logger
    let sealed = try await database.withTenant(scope) { connection in
        try await connection.query("SELECT github_token FROM users WHERE id = \(userID)", logger: logger)
            .first(as: String?.self)
    }
    return sealed ?? nil
}
