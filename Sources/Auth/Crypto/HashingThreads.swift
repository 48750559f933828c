import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own for password hashing (Argon2id, ~20 ms of CPU and 19 MiB each), so that
/// a burst of sign-ins never blocks the threads that serve requests.
///
/// The threads run under Linux's `SCHED_IDLE` policy (elsewhere, or where it is refused, at nice
/// 19): when the machine is busy, requests — and the database on the same machine — win and hashes
/// wait. Nice alone is not enough there: with autogroup scheduling it only ranks threads within
/// dbooster's own session, so a nice-19 hash still competed with a local PostgreSQL at full weight;
/// a `SCHED_IDLE` thread is preempted by any other waking thread and its CPU counts as idle. The queue is bounded: past `capacity` waiting hashes, ``run(_:)`` refuses at once
/// with ``PasswordHashingBusy`` (503 with Retry-After) instead of letting sign-ins pile up.
public final class HashingThreads: @unchecked Sendable {
    private let queue: JobQueue
    public let capacity: Int

    /// Starts `threads` hashing threads; at most `capacity` jobs may wait or run at once.
    public init(threads: Int = 1, capacity: Int = 32, niceness: Int32 = 19) {
        self.capacity = capacity
        self.queue = JobQueue(capacity: capacity)
        for index in 0..<max(1, threads) {
            let queue = self.queue
            let thread = Thread { queue.work(niceness: niceness) }
            thread.name = "password-hashing-\(index)"
            thread.start()
        }
    }

    deinit { queue.stop() }

    /// Runs `work` on a hashing thread.
    /// - Throws: ``PasswordHashingBusy`` when `capacity` jobs are already queued; `work`'s error.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let accepted = queue.enqueue { continuation.resume(with: Result { try work() }) }
            if !accepted { continuation.resume(throwing: PasswordHashingBusy()) }
        }
    }

    /// The queue the threads take jobs from (guarded by its condition).
    private final class JobQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var jobs: [() -> Void] = []
        private var queued = 0
        private var stopped = false
        private let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        /// `SCHED_IDLE` from `<sched.h>` (defined only under `_GNU_SOURCE`, so not imported).
        static let schedIdle: Int32 = 5

        func enqueue(_ job: @escaping () -> Void) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            guard !stopped, queued < capacity else { return false }
            queued += 1
            jobs.append(job)
            condition.signal()
            return true
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        /// A thread's loop: lower its own priority, then run jobs until stopped.
        func work(niceness: Int32) {
            #if canImport(Glibc)
            // On Linux scheduling policy and nice value are per thread; 0 names the calling thread.
            var parameters = sched_param()
            if sched_setscheduler(0, Self.schedIdle, &parameters) != 0 {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            }
            #endif
            while true {
                condition.lock()
                while jobs.isEmpty && !stopped { condition.wait() }
                if jobs.isEmpty { condition.unlock(); return }
                let job = jobs.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                queued -= 1
                condition.unlock()
            }
        }
    }
}

/// Too many password hashes are waiting; the client should retry shortly (503 + Retry-After).
public struct PasswordHashingBusy: Error, Sendable {}

/// Argon2id hashing and verification on ``HashingThreads``.
public struct PasswordHashing: Sendable {
    public let hasher: PasswordHasher
    public let threads: HashingThreads

    public init(hasher: PasswordHasher = PasswordHasher(), threads: HashingThreads) {
        self.hasher = hasher
        self.threads = threads
    }

    /// The PHC string of `password` (see ``PasswordHasher/hash(_:)``).
    public func hash(_ password: String) async throws -> String {
        let hasher = self.hasher
        return try await threads.run { try hasher.hash(password) }
    }

    /// Whether `password` matches `encoded` (see ``PasswordHasher/verify(_:encoded:)``).
    public func verify(_ password: String, encoded: String) async throws -> Bool {
        let hasher = self.hasher
        return try await threads.run { hasher.verify(password, encoded: encoded) }
    }
}
