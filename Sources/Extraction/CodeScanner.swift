import Foundation
import SourceLexing
import SourceTree

/// Finds the SQL an application runs in a tree of source code.
///
/// Files are read on several threads; each file's findings are handed to the caller in the order
/// of the walk, as soon as the files before it are done (callbacks are serialised, never
/// concurrent), so the output does not depend on the number of threads and memory does not grow
/// with the size of the tree.
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
        let files = try FileWalker(languages: options.languages, respectGitignore: options.respectGitignore,
                                   skippedDirectories: options.skippedDirectories).files(under: root)
        let state = ScanState(total: files.count)
        let tree = TreeWrappers()
        onProgress(state.progress)
        withoutActuallyEscaping(onFinding) { onFinding in
            withoutActuallyEscaping(onProgress) { onProgress in
                let sinks = UncheckedSinks(onFinding: onFinding, onProgress: onProgress)
                forEachFile(files.count) { extractor, reader, index in
                    let file = files[index]
                    var findings: [SQLFinding] = []
                    var learning: FileLearning?
                    let size = reader.read(file.absolutePath, limit: options.maxFileSize) { bytes in
                        findings = extractor.extract(bytes, path: file.relativePath, language: file.language)
                        learning = extractor.learning
                    }
                    if let learning { tree.record(learning, file: index, language: file.language, findings: findings) }
                    state.finish(index, bytes: size, findings: findings, sinks: sinks)
                }
                learnAcrossFiles(files, tree: tree, state: state, sinks: sinks)
            }
        }
        let final = state.progress
        onProgress(final)
        return final
    }

    /// The passes of ``TreeWrappers`` after the main pass: learn the wrappers that remembered
    /// calls need from files not lexed yet, then report what those calls hand them.
    private func learnAcrossFiles(_ files: [SourceFile], tree: TreeWrappers, state: ScanState,
                                  sinks: UncheckedSinks) {
        let searches = tree.definitionSearches()
        forEachFile(searches.count) { extractor, reader, index in
            let (fileIndex, names) = searches[index]
            let file = files[fileIndex]
            _ = reader.read(file.absolutePath, limit: options.maxFileSize) { bytes in
                guard TreeWrappers.mayDefine(bytes, anyOf: names, family: TreeWrappers.family(file.language)) else { return }
                tree.learn(extractor.wrappers(bytes, language: file.language), language: file.language)
            }
        }
        let reextractions = tree.reextractions()
        guard !reextractions.isEmpty else { return }
        let wrappers = tree.wrappers
        state.beginPass()
        forEachFile(reextractions.count) { extractor, reader, index in
            let item = reextractions[index]
            let file = files[item.file]
            extractor.treeWrappers = wrappers
            var findings: [SQLFinding] = []
            _ = reader.read(file.absolutePath, limit: options.maxFileSize) { bytes in
                findings = extractor.extract(bytes, path: file.relativePath, language: file.language)
                    .filter { !item.seen.contains(TreeWrappers.key($0)) }
            }
            state.report(index, findings: findings, sinks: sinks)
        }
    }

    /// Runs `body` for `0..<count` on up to ``ExtractionOptions/workers`` threads, each with its
    /// own extractor and reader.
    private func forEachFile(_ count: Int, _ body: (inout FileExtractor, inout FileReader, Int) -> Void) {
        guard count > 0 else { return }
        let counter = WorkCounter(count: count)
        let includeFragments = options.includeFragments
        withoutActuallyEscaping(body) { body in
            let work = UncheckedWork(body: body)
            DispatchQueue.concurrentPerform(iterations: min(options.workers, count)) { _ in
                var extractor = FileExtractor(includeFragments: includeFragments)
                var reader = FileReader()
                while let index = counter.next() { work.body(&extractor, &reader, index) }
            }
        }
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

/// The work of ``CodeScanner/forEachFile(_:_:)``; it only touches shared state through locks.
private struct UncheckedWork: @unchecked Sendable {
    let body: (inout FileExtractor, inout FileReader, Int) -> Void
}

/// Hands out the indices `0..<count` to worker threads, each once.
private final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var issued = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.withLock {
            guard issued < count else { return nil }
            defer { issued += 1 }
            return issued
        }
    }
}

/// Shared counters of a running scan, and the findings of files done before the files walked
/// ahead of them, guarded by a lock.
private final class ScanState: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: ScanProgress
    private var lastReport = DispatchTime.now().uptimeNanoseconds
    /// The next item of the current pass whose findings are due, and the findings of later items
    /// that finished first.
    private var nextDue = 0
    private var waiting: [Int: [SQLFinding]] = [:]

    init(total: Int) {
        counts = ScanProgress(filesTotal: total)
    }

    var progress: ScanProgress { lock.withLock { counts } }

    /// Counts scanned file `index` and hands its findings to the caller in walk order.
    func finish(_ index: Int, bytes: Int, findings: [SQLFinding], sinks: UncheckedSinks) {
        lock.withLock {
            counts.filesScanned += 1
            counts.bytesScanned += bytes
            deliverInOrder(index, findings, sinks: sinks)
        }
    }

    /// Starts a further pass over the files (its items are numbered from 0 again).
    func beginPass() {
        lock.withLock {
            nextDue = 0
            waiting = [:]
        }
    }

    /// Hands further findings (item `index` of a later pass) to the caller in that pass's order.
    func report(_ index: Int, findings: [SQLFinding], sinks: UncheckedSinks) {
        lock.withLock { deliverInOrder(index, findings, sinks: sinks) }
    }

    private func deliverInOrder(_ index: Int, _ findings: [SQLFinding], sinks: UncheckedSinks) {
        guard index == nextDue else {
            waiting[index] = findings
            return
        }
        deliver(findings, sinks: sinks)
        nextDue += 1
        while let next = waiting.removeValue(forKey: nextDue) {
            deliver(next, sinks: sinks)
            nextDue += 1
        }
    }

    private func deliver(_ findings: [SQLFinding], sinks: UncheckedSinks) {
        counts.queriesFound += findings.count
        for finding in findings { sinks.onFinding(finding) }
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastReport > 100_000_000 {
            lastReport = now
            sinks.onProgress(counts)
        }
    }
}
