import Core
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
/// a `SCHED_IDLE` thread is preempted by any other waking thread and its CPU counts as idle.
///
/// Even an idle-class hash slows requests down (19 MiB through the caches, a busy sibling of a
/// hyperthread), so while requests are being served the hashing threads also keep to a `share`
/// of their time: after a hash during which requests were answered, a thread rests until the
/// hash's CPU time is that share of the elapsed time. With no requests meanwhile, hashes run back
/// to back. The queue is bounded: past `capacity` waiting hashes, ``run(_:)`` refuses at once with
/// ``PasswordHashingBusy`` (503 with Retry-After) instead of letting sign-ins pile up.
public final class HashingThreads: @unchecked Sendable {
    private let queue: JobQueue
    public let capacity: Int

    /// Starts `threads` hashing threads; at most `capacity` jobs may wait or run at once.
    /// - Parameters:
    ///   - share: the part of a thread's time hashes may take while requests are being served
    ///     (0 < share ≤ 1; 1 never rests).
    ///   - activity: a count that grows with every answered request.
    public init(threads: Int = 1, capacity: Int = 32, niceness: Int32 = 19, share: Double = 1,
                activity: @escaping @Sendable () -> Int = { 0 }) {
        self.capacity = capacity
        self.queue = JobQueue(capacity: capacity)
        let pacing = Pacing(share: share, activity: activity)
        for index in 0..<max(1, threads) {
            let queue = self.queue
            let thread = Thread { queue.work(niceness: niceness, pacing: pacing) }
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
        func work(niceness: Int32, pacing: Pacing) {
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
                let rest = pacing.measure(job)
                condition.lock()
                queued -= 1
                condition.unlock()
                if rest > .zero { Thread.sleep(forTimeInterval: rest.milliseconds / 1000) }
            }
        }
    }
}

/// How long a hashing thread rests after a job, so that hashes take at most `share` of its time
/// while requests are being answered.
struct Pacing: Sendable {
    let share: Double
    let activity: @Sendable () -> Int

    /// Runs `job` and returns the rest it calls for: none when no request was answered meanwhile.
    /// The job's CPU time must be `share` of the time from its start to the end of the rest; time
    /// the thread already waited for the CPU during the job counts as rest.
    func measure(_ job: () -> Void) -> Duration {
        let before = activity()
        let (wallStart, cpuStart) = (Self.now(CLOCK_MONOTONIC), Self.now(CLOCK_THREAD_CPUTIME_ID))
        job()
        guard activity() != before else { return .zero }
        return Self.rest(cpu: Self.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart, wall: Self.now(CLOCK_MONOTONIC) - wallStart,
                         share: share)
    }

    /// The rest after a job of `cpu` seconds of CPU time that took `wall` seconds.
    static func rest(cpu: Double, wall: Double, share: Double) -> Duration {
        guard share < 1 else { return .zero }
        return .seconds(max(0, cpu / share - wall))
    }

    /// A clock's reading in seconds.
    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
