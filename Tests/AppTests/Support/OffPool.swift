import Foundation

/// Runs `body`, blocking work such as running a child process to its end, on a thread of its own.
///
/// The tests run in parallel on Swift's cooperative pool, which has as many threads as the machine
/// has cores (two here): a test that blocks one of them while a program runs can stall every other
/// test, their deadlines included, for as long as the program takes.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
