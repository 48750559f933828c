import Database
import Foundation
import PostgresNIO

/// A user's GitHub token as stored at sign-in (sealed), read in `scope`; nil when not connected.
func storedGitHubToken(userID: UUID, scope: TenantScope, database: Database) async throws -> String? {
    let sealed = try await database.withTenant(scope) { transaction in
        try await transaction.query("SELECT github_token FROM users WHERE id = \(userID)")
            .first(as: String?.self)
    }
    return sealed ?? nil
}
