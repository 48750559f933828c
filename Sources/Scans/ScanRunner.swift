import Core
import Database
import Extraction
import Foundation
import Logging
import PostgresNIO

/// Runs one leased scan: downloads the branch's tarball with the requester's token, unpacks it
/// safely into a temporary directory, runs the extraction engine, stores the findings and ends
/// the scan, renewing the lease and publishing progress every `heartbeatInterval` meanwhile.
public struct ScanRunner: Sendable {
    let database: Database
    let queue: ScanQueue
    let api: GitHubAPI
    let settings: ScanSettings
    /// Opens a sealed `users.github_token`.
    let openToken: @Sendable (String) throws -> String
    var heartbeatInterval: TimeInterval { settings.heartbeatInterval }

    public init(database: Database, queue: ScanQueue, api: GitHubAPI, settings: ScanSettings,
                openToken: @escaping @Sendable (String) throws -> String) {
        self.database = database
        self.queue = queue
        self.api = api
        self.settings = settings
        self.openToken = openToken
    }

    /// The lease was taken over by another worker; stop without writing.
    struct LeaseLost: Error {}

    /// Runs `job` to its end. Cancellation (shutdown) puts the scan back in the queue.
    public func run(_ job: ScanJob) async {
        let progress = LockedBox(ScanProgress())
        let skipped = LockedBox(0)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dbooster-scan-\(job.id.uuidString.lowercased())-\(job.attempt)")
        let stopped = LockedBox(false)
        defer {
            stopped.withValue { $0 = true }
            try? FileManager.default.removeItem(at: directory)
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await perform(job, in: directory, progress: progress, skipped: skipped, stopped: stopped)
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(settings.timeLimit))
                    throw ScanFailure("the scan took longer than its time limit of \(Int(settings.timeLimit)) seconds")
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: .seconds(heartbeatInterval))
                        guard try await queue.heartbeat(job, progress: progress.current) else { throw LeaseLost() }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
            try await queue.finish(job, progress: progress.current, skipped: skipped.current, error: nil)
        } catch where Task.isCancelled || error is CancellationError {
            // Shutting down: whatever the interrupted step reported (a download cut short surfaces
            // as a ScanFailure), the scan goes back to the queue for another worker.
            database.logger.info("scan released for another worker", metadata: ["scan": "\(job.id)"])
            // This task is cancelled, and a cancelled task's queries are refused: release from a
            // task of its own.
            let queue = self.queue
            do {
                try await Task { try await queue.release(job) }.value
            } catch {
                database.logger.warning("could not release the scan; its lease will expire", metadata: ["scan": "\(job.id)", "error": "\(error)"])
            }
        } catch is LeaseLost {
            database.logger.warning("scan lease lost to another worker", metadata: ["scan": "\(job.id)"])
        } catch let failure as ScanFailure {
            await end(job, progress: progress.current, skipped: skipped.current, error: failure.description)
        } catch {
            database.logger.error("scan failed", metadata: ["scan": "\(job.id)", "error": "\(error)"])
            await end(job, progress: progress.current, skipped: skipped.current,
                      error: "the scan failed unexpectedly; it has been logged")
        }
    }

    private func end(_ job: ScanJob, progress: ScanProgress, skipped: Int, error: String) async {
        do {
            try await queue.finish(job, progress: progress, skipped: skipped, error: error)
        } catch {
            database.logger.error("could not record a failed scan", metadata: ["scan": "\(job.id)", "error": "\(error)"])
        }
    }

    // MARK: - Steps

    private func perform(_ job: ScanJob, in directory: URL, progress: LockedBox<ScanProgress>,
                         skipped: LockedBox<Int>, stopped: LockedBox<Bool>) async throws {
        let token = try await gitHubToken(for: job)
        let archive = directory.appendingPathComponent("source.tar.gz")
        let tree = directory.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        try await api.downloadTarball(job.repository, job.branch, token, archive)
        try Task.checkCancellation()
        let extractor = TarballExtractor(maxUnpackedBytes: settings.maxUnpackedBytes, maxEntries: settings.maxFiles)
        let outcome = try await Self.blocking { try extractor.extract(archive: archive, into: tree, shouldStop: { stopped.current }) }
        skipped.withValue { $0 = outcome.skipped }
        try? FileManager.default.removeItem(at: archive)
        try Task.checkCancellation()
        let root = Self.sourceRoot(tree)
        let findings = LockedBox<[SQLFinding]>([])
        let final = try await Self.blocking {
            try CodeScanner().scan(root: root, onProgress: { value in progress.withValue { $0 = value } },
                                   onFinding: { finding in findings.withValue { $0.append(finding) } })
        }
        progress.withValue { $0 = final }
        try Task.checkCancellation()
        try await ScanResultStore(database: database).store(findings.current, for: job)
    }

    /// The requester's GitHub token, opened; nil for a requester without one is refused.
    private func gitHubToken(for job: ScanJob) async throws -> String {
        guard let user = job.requestedBy else { throw ScanFailure("the user who requested the scan no longer exists") }
        let scope = TenantScope.job(organizationID: job.organizationID, requestedBy: user)
        guard let sealed = try await storedGitHubToken(userID: user, scope: scope, database: database) else {
            throw ScanFailure("GitHub is not connected for the user who requested the scan; sign in with GitHub and scan again")
        }
        do {
            return try openToken(sealed)
        } catch {
            throw ScanFailure("the stored GitHub token cannot be read; reconnect GitHub and scan again")
        }
    }

    /// GitHub tarballs hold one top directory (`owner-repo-sha/`); scan inside it so paths read naturally.
    static func sourceRoot(_ tree: URL) -> URL {
        let entries = (try? FileManager.default.contentsOfDirectory(at: tree, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        if entries.count == 1, (try? entries[0].resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            return entries[0]
        }
        return tree
    }

    /// Runs blocking work on its own thread, off the cooperative pool. Cancellation returns at
    /// once with `CancellationError` (the thread finishes on its own; its result is dropped).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let outcome = ResumeOnce<T, any Error>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.arm(continuation)
                if Task.isCancelled { outcome.resume(with: .failure(CancellationError())) }
                Thread.detachNewThread {
                    outcome.resume(with: Result { try work() })
                }
            }
        } onCancel: {
            outcome.resume(with: .failure(CancellationError()))
        }
    }
}
