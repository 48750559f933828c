import Foundation

/// The model's answer, read defensively: anything missing or mistyped is skipped.
public struct AIAnswer: Sendable, Equatable {
    public var rewrites: [RuleRewrite] = []
    public var indexSuggestions: [String] = []
    public var notes: [String] = []

    /// At most this many rewrites, suggestions and notes are kept, each at most 20 000 characters.
    static let limit = 5
    static let maximumLength = 20_000

    /// Reads `{"rewrites":[{"sql","rationale"}],"index_suggestions":[…],"notes":[…]}`, also when
    /// wrapped in a Markdown code fence; `nil` when there is no JSON object.
    public static func parse(_ content: String) -> AIAnswer? {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end,
              let object = try? JSONSerialization.jsonObject(with: Data(content[start...end].utf8)) as? [String: Any] else {
            return nil
        }
        var answer = AIAnswer()
        for item in (object["rewrites"] as? [Any] ?? []).prefix(limit) {
            guard let entry = item as? [String: Any], let sql = entry["sql"] as? String,
                  !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, sql.count <= maximumLength else { continue }
            let rationale = (entry["rationale"] as? String).map { String($0.prefix(2000)) } ?? ""
            answer.rewrites.append(RuleRewrite(sql: sql, rationale: rationale))
        }
        answer.indexSuggestions = texts(object["index_suggestions"])
        answer.notes = texts(object["notes"])
        return answer
    }

    private static func texts(_ value: Any?) -> [String] {
        (value as? [Any] ?? []).prefix(limit).compactMap { item -> String? in
            if let text = item as? String { return String(text.prefix(2000)) }
            if let entry = item as? [String: Any] {
                let text = (entry["sql"] ?? entry["create_sql"] ?? entry["statement"] ?? entry["text"]) as? String
                return text.map { String($0.prefix(2000)) }
            }
            return nil
        }
    }
}
