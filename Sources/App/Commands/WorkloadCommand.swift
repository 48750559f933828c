import ArgumentParser
import CustomerDatabase
import Extraction
import Foundation
import Logging
import WorkloadAnalysis

/// `dbooster workload --database-url URL [--source PATH]…`: the database's real workload
/// (pg_stat_statements) ranked by total time, each statement at its line of code, with verified
/// index recommendations and index hygiene. Exit 2 when the database cannot be analyzed
/// (pg_stat_statements missing, unreachable), with the reason and how to fix it.
struct WorkloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workload",
        abstract: "Rank a database's statements by total time (pg_stat_statements), find them in code, and advise indexes.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif
    }

    @Option(help: "postgresql://user:password@host:port/database (a role with pg_read_all_stats or pg_monitor).")
    var databaseURL: String

    @Option(help: "A source tree (or file) to find the statements in; repeatable.")
    var source: [String] = []

    @Option(help: "How many statements (most total time first) to list and advise.")
    var top = 20

    @Option(help: "Output format: text, json, markdown or sarif.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard (1...1_000).contains(top) else { throw ValidationError("--top must be between 1 and 1000") }
    }

    func run() async throws {
        var logger = Logger(label: "dbooster-workload")
        logger.logLevel = .error
        let report: WorkloadReport
        do {
            let target = TargetDatabase(url: try TargetURL(parsing: databaseURL), logger: logger)
            report = try await WorkloadAnalyzer(top: top).analyze(target: target, locator: try Self.locator(scanning: source))
        } catch let error as WorkloadUnavailable {
            FileHandle.standardError.write(Data("dbooster workload: \(WorkloadUnavailable.code): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch let error as TargetError {
            FileHandle.standardError.write(Data("dbooster workload: \(error.code): \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .text: text = WorkloadFormatter.text(report)
        case .json: text = try WorkloadFormatter.json(report)
        case .markdown: text = WorkloadFormatter.markdown(report)
        case .sarif: text = try WorkloadFormatter.sarif(report)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data((text + "\n").utf8)) else {
                throw ValidationError("cannot write to \(output)")
            }
        } else {
            print(text)
        }
    }

    // MARK: - Code

    /// Scans the paths now (Extraction's ``CodeScanner``) and finds statements by fingerprint;
    /// files are named as the path given plus their path under it.
    static func locator(scanning paths: [String]) throws -> CodeLocator {
        var found: [String: [CodeLocation]] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("--source \(path): no such file or directory")
            }
            try CodeScanner().scan(root: URL(fileURLWithPath: path)) { finding in
                guard let fingerprint = finding.fingerprint else { return }
                let file = isDirectory.boolValue ? Self.join(path, finding.file) : path
                found[fingerprint, default: []].append(CodeLocation(file: file, line: finding.line))
            }
        }
        let located = found
        return CodeLocator { fingerprints in located.filter { fingerprints.contains($0.key) } }
    }

    static func join(_ root: String, _ relative: String) -> String {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        return base == "." ? relative : "\(base)/\(relative)"
    }
}
