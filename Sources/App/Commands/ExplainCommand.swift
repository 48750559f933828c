import ArgumentParser
import Core
import CustomerDatabase
import Extraction
import Foundation
import HTTPSupport
import Logging
import PgQuery

/// `dbooster explain --database-url URL QUERY|-`: runs one query under EXPLAIN ANALYZE (always
/// rolled back) and prints the summary and insights, or the JSON answer of `POST /query/explain`.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "EXPLAIN ANALYZE one query safely (rolled back, time-limited) and print insights.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "postgresql://user:password@host:port/database of the database to explain on.")
    var databaseURL: String

    @Flag(help: "Allow INSERT, UPDATE and DELETE (run in a transaction that is always rolled back).")
    var allowWrites = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Statement timeout in milliseconds.")
    var timeoutMs = 15_000

    @Argument(help: "The query, or - to read it from standard input.")
    var query: String

    func run() async throws {
        let sql = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        var logger = Logger(label: "dbooster-explain")
        logger.logLevel = .error
        do {
            let service = ExplainService(logger: logger)
            let statement = try service.check(sql, allowWrites: allowWrites)
            let target = TargetDatabase(
                url: try TargetURL(parsing: databaseURL),
                settings: TargetSettings(statementTimeout: .milliseconds(max(1, timeoutMs))), logger: logger)
            let result = try await service.explain(statement, on: target)
            print(format == .json ? try Self.json(result) : Self.text(result))
        } catch let error as TargetError {
            FileHandle.standardError.write(Data("dbooster explain: \(error.code): \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    // MARK: - Output

    static func json(_ result: ExplainResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    static func text(_ result: ExplainResult) -> String {
        let summary = result.summary
        var lines = [String(format: "Planning %.2f ms, execution %.2f ms, total cost %.2f, %.0f rows",
                            summary.planning_ms, summary.execution_ms, summary.total_cost, summary.rows)]
        let top = result.plan.elements.first ?? result.plan
        if let plan = top["Plan"] {
            lines.append("")
            lines += PlanTree.render(PlanNode.tree(plan))
            lines.append("")
        }
        if result.insights.isEmpty { lines.append("No insights: the plan looks fine.") }
        for insight in result.insights {
            lines.append("[\(insight.severity.rawValue)] \(insight.kind) (node \(insight.node.id)): \(insight.message)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The plan as an indented tree: each node's own time, rows estimated vs actual (per loop, as
/// EXPLAIN counts them) and loops; the slowest node and mis-estimates are marked.
enum PlanTree {
    /// Estimates off by this factor or more (either way) are marked.
    static let misestimateFactor = 10.0

    static func render(_ root: PlanNode) -> [String] {
        let nodes = root.all
        let slowest = nodes.max { $0.selfTime < $1.selfTime }?.id
        var lines = ["Plan (self time, rows estimated -> actual, loops):"]
        func visit(_ node: PlanNode, depth: Int) {
            let indent = String(repeating: "   ", count: depth) + (depth == 0 ? "" : "-> ")
            var line = indent + node.label + (node.indexName.map { " using \($0)" } ?? "")
            line += String(format: "  self %.3f ms  rows %.0f -> %.0f  loops %.0f", node.selfTime, node.planRows, node.actualRows, node.loops)
            var marks: [String] = []
            if node.id == slowest, node.selfTime > 0 { marks.append("<< slowest") }
            if let factor = misestimate(node) { marks.append(factor) }
            if node.loops == 0 { marks.append("(never executed)") }
            if !marks.isEmpty { line += "  " + marks.joined(separator: " ") }
            lines.append(line)
            for child in node.children { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        return lines
    }

    /// `! rows under-estimated x40` when the estimate is off by ``misestimateFactor`` or more.
    static func misestimate(_ node: PlanNode) -> String? {
        guard node.loops > 0 else { return nil }
        let estimated = max(node.planRows, 1), actual = max(node.actualRows, 1)
        if actual / estimated >= misestimateFactor { return String(format: "! rows under-estimated x%.0f", actual / estimated) }
        if estimated / actual >= misestimateFactor { return String(format: "! rows over-estimated x%.0f", estimated / actual) }
        return nil
    }
}
