import ArgumentParser
import Extraction
import FindingFormats
import Foundation
import Insight

/// `dbooster scan PATH`: lists the SQL statements found in a source tree.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find the SQL statements an application runs in a source tree.")

    @Argument(help: "Directory (or file) to scan.")
    var path: String

    @Option(help: "Output format: table, json or sarif.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Do not honour .gitignore files.")
    var noIgnore = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxFileSize = 2 * 1024 * 1024

    @Option(name: .shortAndLong, help: "Worker threads (default: one per core).")
    var jobs: Int?

    @Flag(help: "Also report SQL fragments handed to ORMs and query builders (kind \"fragment\": a WHERE condition, an ORDER BY item, a select expression).")
    var fragments = false

    // MARK: - Run

    func run() async throws {
        var sink = try OutputSink(path: output)
        var writer = format.makeWriter()
        let showProgress = isatty(STDERR_FILENO) == 1
        var options = ExtractionOptions(maxFileSize: maxFileSize, respectGitignore: !noIgnore)
        options.workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        options.includeFragments = fragments
        let scanner = CodeScanner(options: options)
        sink.write(writer.begin())
        let final = try scanner.scan(
            root: URL(fileURLWithPath: path),
            onProgress: { progress in
                guard showProgress else { return }
                let line = "\r\u{1B}[Kscanning: \(progress.filesScanned)/\(progress.filesTotal) files, "
                    + "\(progress.queriesFound) statement(s)"
                FileHandle.standardError.write(Data(line.utf8))
            },
            onFinding: { finding in sink.write(finding, with: &writer) })
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        sink.write(writer.finish(progress: final))
        sink.flush()
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Buffered text output to standard output or a file.
private struct OutputSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("cannot write to \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    mutating func write(_ finding: SQLFinding, with writer: inout any FindingWriter) {
        writer.write(finding, to: &buffer)
        if buffer.count >= 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
