import Advisor
import ArgumentParser
import AsyncHTTPClient
import CustomerDatabase
import Extraction
import Foundation

/// `dbooster optimize --database-url URL QUERY|-`: the optimizer from a terminal or CI.
struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Rules, hypopg-verified index recommendations and (with OPENAI_API_KEY) AI rewrites for one query.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "postgresql:// URL of the database to plan against (omit for rules only).")
    var databaseURL: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "The SQL query, or - to read it from standard input.")
    var query: String

    func run() async throws {
        let sql = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        let environment = AppConfig.environment()
        let chat = AppConfig.chatSettings(from: environment)
        let optimizer = QueryOptimizer(ai: chat.isEnabled ? AIEngine(client: ChatClient(settings: chat, httpClient: .shared)) : nil)
        let target = try databaseURL.map { TargetDatabase(url: try TargetURL(parsing: $0), logger: makeLogger()).plannerAccess }
        let report: OptimizationReport
        do {
            report = try await optimizer.optimize(sql, target: target)
        } catch let error as QueryOptimizer.InvalidQuery {
            FileHandle.standardError.write(Data("dbooster optimize: invalid_query: \(error.message)\(error.position.map { " at position \($0)" } ?? "")\n".utf8))
            throw ExitCode(2)
        } catch let error as TargetError {
            FileHandle.standardError.write(Data("dbooster optimize: \(error.code): \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(ReportText.render(report))
        }
    }
}

/// A human-readable rendering of an ``OptimizationReport``.
enum ReportText {
    static func render(_ report: OptimizationReport) -> String {
        var lines = ["fingerprint: \(report.fingerprint)", ""]
        lines.append("Findings (\(report.findings.count))")
        for finding in report.findings {
            lines.append("  [\(finding.severity.rawValue)] \(finding.rule): \(finding.message)")
            lines.append("      fix: \(finding.fix)")
        }
        lines.append("")
        lines.append("Index recommendations (\(report.index_recommendations.count))")
        for index in report.index_recommendations {
            lines.append("  \(index.definition)")
            for statement in index.statements { lines.append("    \(statement);") }
            if let after = index.cost_after, let percent = index.improvement_pct {
                lines.append("      cost \(index.cost_before) -> \(after) (-\(percent)%), verified: \(index.verified)")
            } else {
                lines.append("      cost \(index.cost_before), verified: \(index.verified)")
            }
            if let reason = index.reason { lines.append("      \(reason)") }
        }
        if !report.why_not.isEmpty {
            lines.append("")
            lines.append("Why no (other) index (\(report.why_not.count))")
            for entry in report.why_not { lines.append("  [\(entry.reason.rawValue)] \(entry.message)") }
        }
        if let timings = report.timings {
            lines.append("")
            let connect = timings.connect_ms.map { String(format: ", connection %.1f ms", $0) } ?? ""
            lines.append(String(format: "Timings: analysis %.1f ms, %d planner calls", timings.analysis_ms, timings.planner_calls) + connect)
        }
        lines.append("")
        lines.append("Rewrites (\(report.rewrites.count))")
        for rewrite in report.rewrites {
            let costs = rewrite.cost_after.map { " cost \(rewrite.cost_before ?? 0) -> \($0)" } ?? ""
            lines.append("  [\(rewrite.source), \(rewrite.verified)]\(costs) \(rewrite.rationale)")
            if let reason = rewrite.reason { lines.append("      \(reason)") }
            lines.append("      \(rewrite.sql)")
        }
        return lines.joined(separator: "\n")
    }
}
