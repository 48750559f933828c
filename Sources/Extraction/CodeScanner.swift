import Foundation
import SourceLexing

/// Finds the SQL an application runs in a tree of source code.
///
/// Files are read on several threads; each file's findings are handed to the caller as soon as
/// the file is done (callbacks are serialised, never concurrent), so memory does not grow with
/// the size of the tree.
public struct CodeScanner: Sendable {
    /// Settings of the scan.
    public var options: ExtractionOptions

    /// Creates a scanner.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    // MARK: - Trees

    /// Scans the tree under `root` (or the single file `root`).
    ///
    /// - Parameters:
    ///   - onProgress: called after the walk and then after files are read (throttled), with the
    ///     counts `filesTotal`, `filesScanned`, `queriesFound`.
    ///   - onFinding: called once per finding; `file` is relative to `root`.
    /// - Returns: the final progress counts.
    @discardableResult
    public func scan(root: URL, onProgress: (ScanProgress) -> Void = { _ in },
                     onFinding: (SQLFinding) -> Void) throws -> ScanProgress {
        let files = try FileWalker(options: options).files(under: root)
        let state = ScanState(total: files.count)
        onProgress(state.progress)
        let workers = min(options.workers, max(1, files.count))
        let maxFileSize = options.maxFileSize
        let includeFragments = options.includeFragments
        withoutActuallyEscaping(onFinding) { onFinding in
            withoutActuallyEscaping(onProgress) { onProgress in
                let sinks = UncheckedSinks(onFinding: onFinding, onProgress: onProgress)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    var extractor = FileExtractor(includeFragments: includeFragments)
                    var reader = FileReader()
                    while let index = state.nextIndex() {
                        let file = files[index]
                        var findings: [SQLFinding] = []
                        let size = reader.read(file.absolutePath, limit: maxFileSize) { bytes in
                            findings = extractor.extract(bytes, path: file.relativePath, language: file.language)
                        }
                        state.finish(bytes: size, findings: findings, sinks: sinks)
                    }
                }
            }
        }
        let final = state.progress
        onProgress(final)
        return final
    }

    // MARK: - Single file

    /// Extracts the SQL of one file's text; `path` is copied into the findings.
    public func extract(fromSource source: String, path: String, language: SQLLanguage) -> [SQLFinding] {
        var extractor = FileExtractor(includeFragments: options.includeFragments)
        var text = source
        return text.withUTF8 { extractor.extract($0, path: path, language: language) }
    }
}

/// The caller's callbacks, only ever invoked under ``ScanState``'s lock.
private struct UncheckedSinks: @unchecked Sendable {
    let onFinding: (SQLFinding) -> Void
    let onProgress: (ScanProgress) -> Void
}

/// Shared counters of a running scan, guarded by a lock.
private final class ScanState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var counts: ScanProgress
    private var lastReport = DispatchTime.now().uptimeNanoseconds

    init(total: Int) {
        counts = ScanProgress(filesTotal: total)
    }

    var progress: ScanProgress { lock.withLock { counts } }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < counts.filesTotal else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(bytes: Int, findings: [SQLFinding], sinks: UncheckedSinks) {
        lock.withLock {
            counts.filesScanned += 1
            counts.bytesScanned += bytes
            counts.queriesFound += findings.count
            for finding in findings { sinks.onFinding(finding) }
            let now = DispatchTime.now().uptimeNanoseconds
            if now - lastReport > 100_000_000 {
                lastReport = now
                sinks.onProgress(counts)
            }
        }
    }
}
