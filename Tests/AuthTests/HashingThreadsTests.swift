import Foundation
import Testing
@testable import Auth
import Core
#if canImport(Glibc)
import Glibc
#endif

@Suite("HashingThreads")
struct HashingThreadsTests {
    @Test("hashes run under SCHED_IDLE on Linux, so requests and a local database always win the CPU")
    func idlePolicy() async throws {
        #if os(Linux)
        let threads = HashingThreads(threads: 1, capacity: 4)
        let policy = try await threads.run { sched_getscheduler(0) }
        #expect(policy == 5, "SCHED_IDLE is 5; the hashing thread runs under policy \(policy)")
        let requestThreadPolicy = sched_getscheduler(0)
        #expect(requestThreadPolicy == 0, "the caller keeps SCHED_OTHER")
        #endif
    }

    @Test("past its capacity the queue refuses at once with PasswordHashingBusy")
    func boundedQueue() async throws {
        let threads = HashingThreads(threads: 1, capacity: 2)
        let gate = DispatchSemaphore(value: 0)
        async let first: Void = threads.run { gate.wait() }
        async let second: Void = threads.run { gate.wait() }
        try await Task.sleep(for: .milliseconds(200))
        await #expect(throws: PasswordHashingBusy.self) { try await threads.run { 1 } }
        gate.signal()
        gate.signal()
        _ = try await (first, second)
        #expect(try await threads.run { 2 } == 2)
    }

    @Test("while requests are answered, hashes keep to their share of the thread's time", arguments: [
        // cpu, wall, share, expected rest (seconds)
        (0.040, 0.040, 0.5, 0.040),
        (0.030, 0.040, 0.25, 0.080),
        (0.040, 0.100, 0.5, 0.0),  // the thread already waited for the CPU longer than the rest
        (0.040, 0.040, 1.0, 0.0),
    ])
    func rest(cpu: Double, wall: Double, share: Double, expected: Double) {
        let rest = Pacing.rest(cpu: cpu, wall: wall, share: share)
        #expect(abs(rest.milliseconds - expected * 1000) < 0.001, "rest \(rest) for \(cpu) s of CPU in \(wall) s")
    }

    @Test("with no request answered during a hash, the next hash starts at once")
    func noRestWhenIdle() {
        let pacing = Pacing(share: 0.25, activity: { 7 })
        #expect(pacing.measure { _ = (0..<100_000).reduce(0, &+) } == .zero)
    }

    @Test("a hash during which requests were answered is followed by a rest")
    func restWhenBusy() {
        let answered = LockedBox(0)
        let pacing = Pacing(share: 0.05, activity: { answered.withValue { $0 += 1; return $0 } })
        // At least 20 ms of CPU time: the rest is 20 times the job's CPU time (≈ 0.4 s) minus its
        // elapsed time.
        let rest = pacing.measure {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            let end = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9 + 0.02
            repeat { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) } while Double(time.tv_sec) + Double(time.tv_nsec) / 1e9 < end
        }
        #expect(rest > .zero && rest < .seconds(1))
    }
}
