import Database
import Foundation

/// A user's GitHub token as stored at sign-in (sealed), read in `scope`; nil when not connected.
func storedGitHubToken(userID: UUID, scope: TenantScope, database: Database) async throws -> String? {
    try await database.withTenant(scope) { transaction in
        try await ScanStore(transaction).sealedGitHubToken(userID)
    }
}
