import Core
import Foundation
import Logging

/// Takes scans from the queue one at a time until stopped. Several workers (in one or many
/// processes) share the queue; `FOR UPDATE SKIP LOCKED` and the lease keep each scan with one.
public final class ScanWorker: Sendable {
    let queue: ScanQueue
    let runner: ScanRunner
    let pollInterval: TimeInterval
    let logger: Logger
    private let state = LockedBox(State())

    private struct State {
        var stopping = false
        var current: Task<Void, Never>?
        var wake: CheckedContinuation<Void, Never>?
    }

    public init(queue: ScanQueue, runner: ScanRunner, pollInterval: TimeInterval, logger: Logger) {
        self.queue = queue
        self.runner = runner
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Picks and runs scans until ``stop()`` is called or the task is cancelled.
    public func run() async {
        logger.info("scan worker started", metadata: ["worker": "\(queue.workerID)"])
        while !state.current.stopping && !Task.isCancelled {
            var job: ScanJob?
            do {
                try await queue.failAbandoned()
                job = try await queue.pick()
            } catch {
                logger.warning("scan queue unavailable", metadata: ["error": "\(error)"])
            }
            guard let job else {
                await pause()
                continue
            }
            let task = Task { await runner.run(job) }
            let stopping = state.withValue { state in
                state.current = task
                return state.stopping
            }
            if stopping { task.cancel() }
            await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
            state.withValue { $0.current = nil }
        }
        logger.info("scan worker stopped", metadata: ["worker": "\(queue.workerID)"])
    }

    /// Stops picking; the running scan is put back in the queue for another worker.
    public func stop() {
        let (task, wake) = state.withValue { state in
            state.stopping = true
            defer { state.wake = nil }
            return (state.current, state.wake)
        }
        task?.cancel()
        wake?.resume()
    }

    /// Waits `pollInterval`, or less when stopped.
    private func pause() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: .seconds(self.pollInterval)) }
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.state.withValue { state in
                        if state.stopping { return true }
                        state.wake = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            await group.next()
            group.cancelAll()
            let wake = state.withValue { state in defer { state.wake = nil }; return state.wake }
            wake?.resume()
        }
    }
}
