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
        if let failure = sink.failure {
            throw OutputError(description: "cannot write the findings: \(String(cString: strerror(failure)))")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// The findings could not be written (a full disk, a closed descriptor).
private struct OutputError: Error, CustomStringConvertible {
    let description: String
}

/// Buffered text output to standard output or a file.
private struct OutputSink: ~Copyable {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer = OutputBuffer()
    /// The `errno` of the first failed write; nothing more is written after it.
    private(set) var failure: Int32?

    init(path: String?) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            return
        }
        // open(2), not FileManager.createFile, which puts a new file in the path's place: run as
        // root, `-o /dev/null` would replace the device.
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw ValidationError("cannot write to \(path): \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    mutating func write(_ text: String) {
        buffer.append(text)
        if buffer.count >= 64 * 1024 { flush() }
    }

    mutating func write(_ finding: SQLFinding, with writer: inout any FindingWriter) {
        writer.write(finding, to: &buffer)
        if buffer.count >= 64 * 1024 { flush() }
    }

    /// Writes the buffered bytes with `write(2)` (without copying them into a `Data` first).
    mutating func flush() {
        defer { buffer.removeAll() }
        guard buffer.count > 0, failure == nil else { return }
        failure = buffer.withBytes { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
