import Foundation

/// Renders a ``WorkloadReport`` for people (text), for a pull request or a ticket (markdown),
/// for programs (json) and for code-scanning tools (SARIF 2.1.0, results on the code lines).
public enum WorkloadFormatter {
    // MARK: - JSON

    public static func json(_ report: WorkloadReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    // MARK: - Text

    /// A ranked table, each statement's share of the total time drawn as a bar.
    public static func text(_ report: WorkloadReport) -> String {
        var lines: [String] = []
        let stats = report.statistics
        lines.append(String(format: "Workload: %d distinct statements, %.1f ms in all. %@",
                            stats.statements, stats.total_ms, stats.collecting))
        lines.append("")
        lines.append(" #  share                      total ms     calls    mean ms  statement")
        for (rank, query) in report.queries.enumerated() {
            let bar = String(repeating: "█", count: Int((query.share * 20).rounded()))
                .padding(toLength: 20, withPad: "·", startingAt: 0)
            lines.append(String(format: "%2d  %@ %5.1f%%  %10.1f  %8d  %9.2f  %@", rank + 1, bar, query.share * 100,
                                query.total_ms, query.calls, query.mean_ms, oneLine(query.query, 70)))
            for location in query.locations {
                lines.append("      at \(place(location))")
            }
        }
        if report.queries.isEmpty { lines.append("    (no statement on user tables yet)") }
        lines.append("")
        lines.append("Index recommendations (verified with HypoPG; savings are estimates):")
        if report.index_recommendations.isEmpty { lines.append("  none") }
        for recommendation in report.index_recommendations {
            let ranks = recommendation.queries.compactMap { fingerprint in
                report.queries.firstIndex { $0.fingerprint == fingerprint }.map { "#\($0 + 1)" }
            }
            lines.append(String(format: "  %@;\n    helps %@, saves ~%.1f ms (cost %.2f -> %.2f)", recommendation.create_sql,
                                ranks.joined(separator: ", "), recommendation.estimated_saving_ms,
                                recommendation.cost_before, recommendation.cost_after))
        }
        lines.append("")
        lines.append("Unused indexes (no scan since the statistics were reset):")
        if report.unused_indexes.isEmpty { lines.append("  none") }
        for index in report.unused_indexes {
            lines.append("  \(index.index) on \(index.table), \(bytes(index.size_bytes)): \(index.drop_sql)")
        }
        lines.append("")
        lines.append("Duplicate indexes:")
        if report.duplicate_indexes.isEmpty { lines.append("  none") }
        for index in report.duplicate_indexes {
            lines.append("  \(index.index) (\(bytes(index.size_bytes))) duplicates \(index.duplicate_of) — \(index.reason): \(index.drop_sql)")
        }
        if !report.invalid_indexes.isEmpty {
            lines.append("")
            lines.append("Invalid indexes (a failed concurrent build):")
            for index in report.invalid_indexes {
                lines.append("  \(index.index) on \(index.table), \(bytes(index.size_bytes)): \(index.drop_sql)")
            }
        }
        for note in report.notes {
            lines.append("")
            lines.append("Note: \(note.message) \(note.fix)")
        }
        lines.append("")
        lines.append(String(format: "Analysis took %.0f ms. Nothing was changed on the database; run the suggested statements yourself.",
                            report.timings.analysis_ms))
        return lines.joined(separator: "\n")
    }

    // MARK: - Markdown

    public static func markdown(_ report: WorkloadReport) -> String {
        var lines = ["## Database workload", ""]
        lines.append(String(format: "%d distinct statements, %.1f ms of execution in all. %@", report.statistics.statements,
                            report.statistics.total_ms, report.statistics.collecting))
        lines.append("")
        lines.append("| # | Share | Total ms | Calls | Mean ms | Statement | Code |")
        lines.append("|---:|---:|---:|---:|---:|---|---|")
        for (rank, query) in report.queries.enumerated() {
            let code = query.locations.map { "`\(place($0))`" }.joined(separator: "<br>")
            lines.append(String(format: "| %d | %.1f %% | %.1f | %d | %.2f | `%@` | %@ |", rank + 1, query.share * 100,
                                query.total_ms, query.calls, query.mean_ms,
                                oneLine(query.query, 120).replacingOccurrences(of: "|", with: "\\|"), code.isEmpty ? "—" : code))
        }
        lines += ["", "### Index recommendations", ""]
        if report.index_recommendations.isEmpty { lines.append("None.") }
        for recommendation in report.index_recommendations {
            let ranks = recommendation.queries.compactMap { fingerprint in
                report.queries.firstIndex { $0.fingerprint == fingerprint }.map { "#\($0 + 1)" }
            }
            lines.append(String(format: "- `%@;` — helps %@; estimated saving %.1f ms (planner cost %.2f → %.2f, verified with HypoPG)",
                                recommendation.create_sql, ranks.joined(separator: ", "), recommendation.estimated_saving_ms,
                                recommendation.cost_before, recommendation.cost_after))
        }
        lines += ["", "### Unused and duplicate indexes", ""]
        if report.unused_indexes.isEmpty && report.duplicate_indexes.isEmpty && report.invalid_indexes.isEmpty { lines.append("None.") }
        for index in report.unused_indexes {
            lines.append("- unused: `\(index.index)` on `\(index.table)` (\(bytes(index.size_bytes))) — `\(index.drop_sql)`")
        }
        for index in report.duplicate_indexes {
            lines.append("- duplicate: `\(index.index)` of `\(index.duplicate_of)` (\(bytes(index.size_bytes))), \(index.reason) — `\(index.drop_sql)`")
        }
        for index in report.invalid_indexes {
            lines.append("- invalid: `\(index.index)` on `\(index.table)` (\(bytes(index.size_bytes))) — `\(index.drop_sql)`")
        }
        lines += ["", "_dbooster changed nothing on the database; the statements above are suggestions._"]
        return lines.joined(separator: "\n")
    }

    // MARK: - SARIF

    /// One result per statement location: its share of the database's time, and the verified
    /// index that would help it.
    public static func sarif(_ report: WorkloadReport) throws -> String {
        var results: [[String: Any]] = []
        for (rank, query) in report.queries.enumerated() {
            let helping = report.index_recommendations.filter { $0.queries.contains(query.fingerprint) }
            var message = String(format: "#%d of the database's workload: %.1f%% of its execution time (%d calls, %.1f ms in all, %.2f ms each).",
                                 rank + 1, query.share * 100, query.calls, query.total_ms, query.mean_ms)
            for recommendation in helping {
                message += String(format: " Verified index: %@ (estimated saving %.1f ms).", recommendation.create_sql,
                                  recommendation.estimated_saving_ms)
            }
            for location in query.locations {
                results.append([
                    "ruleId": helping.isEmpty ? "workload/expensive-statement" : "workload/missing-index",
                    "level": helping.isEmpty ? "note" : "warning",
                    "message": ["text": message],
                    "partialFingerprints": ["pgQueryFingerprint/v1": query.fingerprint],
                    "locations": [["physicalLocation": [
                        "artifactLocation": ["uri": location.file],
                        "region": ["startLine": location.line],
                    ]]],
                ])
            }
        }
        let rules: [[String: Any]] = [
            ["id": "workload/expensive-statement", "shortDescription": ["text": "A statement that takes a large share of the database's time"]],
            ["id": "workload/missing-index", "shortDescription": ["text": "A statement that a verified index would make cheaper"]],
        ]
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [["tool": ["driver": ["name": "dbooster-workload", "rules": rules]],
                      "results": results]],
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Helpers

    static func place(_ location: CodeLocation) -> String {
        (location.repository.map { "\($0):" } ?? "") + "\(location.file):\(location.line)"
    }

    static func oneLine(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    static func bytes(_ count: Int) -> String {
        count >= 1 << 20 ? String(format: "%.1f MiB", Double(count) / 1_048_576)
            : count >= 1 << 10 ? String(format: "%.0f KiB", Double(count) / 1024) : "\(count) B"
    }
}
