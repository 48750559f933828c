import CustomerDatabase
import Foundation

/// Makes HypoPG available on the target when allowed: `CREATE EXTENSION IF NOT EXISTS hypopg`
/// (outside the analysis transaction, which is read-only). When that is refused, the advisor is
/// skipped and a finding says why.
public enum HypoPGSetup {
    public struct Outcome: Sendable {
        public var available: Bool
        public var note: Finding?
    }

    public static func ensure(on session: some PlannerSession) async throws -> Outcome {
        let installed = try await session.rows("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'", [])
        if !installed.isEmpty { return Outcome(available: true) }
        do {
            try await session.execute("CREATE EXTENSION IF NOT EXISTS hypopg")
            return Outcome(available: true)
        } catch {
            return Outcome(available: false, note: Finding(
                rule: "hypopg_unavailable", severity: .info,
                message: "HypoPG is not installed and could not be installed (\(PlannerError.message(error))), so no index was tested.",
                fix: "Install the hypopg extension on the database (CREATE EXTENSION hypopg, as a role allowed to) to get verified index recommendations."))
        }
    }
}
