import Foundation

/// Runs every rule of ``RuleCatalog`` over a query.
public struct RuleEngine: Sendable {
    public let rules: [Rule]

    public init(rules: [Rule] = RuleCatalog.all) {
        self.rules = rules
    }

    /// Findings, most severe first, and the rewrites the matching rules propose.
    public func evaluate(_ context: RuleContext) -> (findings: [Finding], rewrites: [RuleRewrite]) {
        var findings: [Finding] = []
        var rewrites: [RuleRewrite] = []
        for rule in rules {
            let hits = rule.findings(context)
            findings += hits
            if !hits.isEmpty, let rewrite = rule.rewrite?(context) { rewrites.append(rewrite) }
        }
        return (findings.sorted { $0.severity > $1.severity }, rewrites)
    }
}
