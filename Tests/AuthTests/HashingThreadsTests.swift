import Foundation
import Testing
@testable import Auth
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
}
