import CustomerDatabase
import Foundation

/// The transaction the advisor works in: nothing it does survives it.
///
/// It opens read-write only to create HypoPG when the extension is missing (inside a savepoint,
/// so a refusal costs nothing), then switches to `READ ONLY` before the customer's query is
/// planned, and always ends with `ROLLBACK` — the extension, the hypothetical indexes and the
/// settings all disappear with it.
public enum AnalysisTransaction {
    /// How HypoPG was found.
    public enum HypoPG: Sendable, Equatable {
        /// Installed on the database already.
        case installed
        /// Created inside the analysis transaction; rolled back with it.
        case temporary
        /// Missing and could not be created (the server's reason).
        case unavailable(String)

        public var available: Bool {
            if case .unavailable = self { return false }
            return true
        }
    }

    /// Runs `body` inside the transaction, with HypoPG's state and the installed extensions.
    public static func run<T: Sendable>(on session: some PlannerSession,
                                        _ body: (HypoPG, Set<String>) async throws -> T) async throws -> T {
        try await session.execute("BEGIN")
        do {
            // One round trip: the limits, the extensions, and READ ONLY at once when HypoPG is there.
            let row = try await session.rows("""
                SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', '1s', true),
                       (SELECT string_agg(extname::text, ',') FROM pg_extension),
                       CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg')
                            THEN set_config('transaction_read_only', 'on', true) END
                """, [ReadOnlyTransaction.statementTimeout]).first
            var extensions = Set((row?[2] ?? "").split(separator: ",").map(String.init))
            var hypopg = HypoPG.installed
            if !extensions.contains("hypopg") {
                try await session.execute("SAVEPOINT dbooster_hypopg")
                do {
                    try await session.execute("CREATE EXTENSION hypopg")
                    try await session.execute("RELEASE SAVEPOINT dbooster_hypopg")
                    hypopg = .temporary
                    extensions.insert("hypopg")
                } catch {
                    try await session.execute("ROLLBACK TO SAVEPOINT dbooster_hypopg")
                    hypopg = .unavailable(PlannerError.message(error))
                }
                try await session.execute("SET TRANSACTION READ ONLY")
            }
            let value = try await body(hypopg, extensions)
            try await session.execute("ROLLBACK")
            return value
        } catch {
            try? await session.execute("ROLLBACK")
            throw error
        }
    }
}
