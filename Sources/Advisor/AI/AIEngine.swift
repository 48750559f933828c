import CustomerDatabase
import Foundation

/// Asks the model for rewrites and index ideas. Returns `nil` answers as an unavailability
/// reason instead of throwing, so the rest of the report always comes back.
public struct AIEngine: Sendable {
    public let client: ChatClient

    public init(client: ChatClient) {
        self.client = client
    }

    /// The model's parsed answer, or why there is none.
    public func suggest(query: String, kind: String, catalog: SchemaCatalog?, plan: PlanEstimate?,
                        findings: [Finding]) async -> Result<AIAnswer, ChatClient.Unavailable> {
        let user = AIPrompt.user(query: query, kind: kind, catalog: catalog, plan: plan, findings: findings)
        do {
            let content = try await client.complete(system: AIPrompt.system, user: user)
            guard let answer = AIAnswer.parse(content) else {
                return .failure(.init(reason: "the model's answer is not the requested JSON"))
            }
            return .success(answer)
        } catch {
            return .failure(error)
        }
    }
}
