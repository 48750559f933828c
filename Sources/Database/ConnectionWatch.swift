import Core
import Foundation
import PostgresNIO

/// dbooster's own database connection closed under a statement (a restart, a failover, a lost
/// socket): the statement's outcome is unknown and its transaction is gone.
public struct DatabaseConnectionLost: Error, Sendable, CustomStringConvertible {
    public var description: String { "the connection to dbooster's database closed while a statement was outstanding" }
}

/// Makes every statement on a pooled connection end when the connection closes.
///
/// PostgresNIO (1.33) writes a statement to its channel without a write promise; when the channel
/// has just closed (the server restarted) the pipeline is already torn down, the write is dropped
/// and the statement's result never arrives — the caller would wait forever and the pool would
/// count the connection as leased for good. So each statement runs in a task of its own and its
/// caller waits on a continuation that the statement's outcome or the connection's close resumes,
/// whichever comes first. One close callback is registered per connection, not per statement.
final class ConnectionWatches: Sendable {
    /// Keyed by the pool's connection ids, which are never reused (an object address could be).
    private let watches = LockedBox<[PostgresConnection.ID: ConnectionWatch]>([:])

    /// Runs `statement` on `connection`; throws ``DatabaseConnectionLost`` as soon as the
    /// connection closes while it is outstanding.
    func run<T: Sendable>(
        on connection: PostgresConnection, _ statement: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let watch = watch(of: connection)
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = ResumeOnce(continuation)
            guard let token = watch.add({ outcome.resume(with: .failure($0)) }) else {
                outcome.resume(with: .failure(DatabaseConnectionLost()))
                return
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await statement()) } catch { result = .failure(error) }
                watch.remove(token)
                outcome.resume(with: result)
            }
        }
    }

    private func watch(of connection: PostgresConnection) -> ConnectionWatch {
        let id = connection.id
        let (watch, isNew) = watches.withValue { watches in
            if let watch = watches[id] { return (watch, false) }
            let watch = ConnectionWatch()
            watches[id] = watch
            return (watch, true)
        }
        if isNew {
            connection.closeFuture.whenComplete { [watches] _ in
                _ = watches.withValue { $0.removeValue(forKey: id) }
                watch.close()
            }
        }
        return watch
    }
}

// MARK: - One connection

/// The statements outstanding on one connection, failed when it closes.
private final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var nextToken = 0
        var outstanding: [Int: @Sendable (any Error) -> Void] = [:]
    }
    private let state = LockedBox(State())

    /// Registers a statement; nil when the connection has closed already.
    func add(_ fail: @escaping @Sendable (any Error) -> Void) -> Int? {
        state.withValue { state in
            guard !state.closed else { return nil }
            state.nextToken += 1
            state.outstanding[state.nextToken] = fail
            return state.nextToken
        }
    }

    func remove(_ token: Int) {
        _ = state.withValue { $0.outstanding.removeValue(forKey: token) }
    }

    func close() {
        let outstanding = state.withValue { state in
            state.closed = true
            defer { state.outstanding = [:] }
            return state.outstanding.values
        }
        for fail in outstanding { fail(DatabaseConnectionLost()) }
    }
}
