import Core
import Database
import Foundation
import HTTPSupport

/// Limits failed sign-ins per email and per client address over a sliding window.
///
/// Kept in PostgreSQL so that every app instance behind a load balancer shares the count.
public struct LoginRateLimiter: Sendable {
    let database: Database
    let limit: Int
    let window: TimeInterval

    public init(database: Database, limit: Int, window: TimeInterval = 900) {
        self.database = database
        self.limit = limit
        self.window = window
    }

    /// Throws 429 `rate_limited` when any of `keys` has reached the limit of failures.
    public func check(keys: [String]) async throws {
        let since = Date().addingTimeInterval(-window)
        let count = try await database.withSystem { transaction in
            try await transaction.query("""
                SELECT count(*)::int FROM login_attempts
                WHERE key = ANY(\(keys)) AND attempted_at > \(since)
                GROUP BY key ORDER BY 1 DESC LIMIT 1
                """).first(as: Int.self) ?? 0
        }
        if count >= limit {
            throw AppError(.tooManyRequests, code: "rate_limited",
                           message: "Too many failed sign-in attempts. Try again in a few minutes.",
                           headers: [.retryAfter: String(Int(window))])
        }
    }

    /// Records a failure under each key, and forgets failures older than the window.
    public func recordFailure(keys: [String]) async throws {
        let since = Date().addingTimeInterval(-window)
        try await database.withSystem { transaction in
            try await transaction.query(
                "INSERT INTO login_attempts (key) SELECT unnest(\(keys)::text[])")
            try await transaction.query(
                "DELETE FROM login_attempts WHERE attempted_at < \(since)")
        }
    }

    /// Clears the failures of `key` after a successful sign-in.
    public func reset(key: String) async throws {
        try await database.withSystem { transaction in
            try await transaction.query("DELETE FROM login_attempts WHERE key = \(key)")
        }
    }
}
