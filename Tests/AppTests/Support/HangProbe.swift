@testable import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresNIO
import Testing
import TestDatabaseSupport

// MARK: - Calls

/// One request to a route that waits on a dependency that hangs.
struct HangingCall: Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let path: String
    let token: String?
    let json: [String: String]
    let headers: HTTPFields

    init(_ method: HTTPRequest.Method, _ path: String, token: String?, json: [String: String] = [:], headers: HTTPFields = [:]) {
        self.method = method
        self.path = path
        self.token = token
        self.json = json
        self.headers = headers
    }

    var description: String { "\(method) \(path)" }
}

/// What happened while calls waited on a hanging dependency.
struct HangOutcome: Sendable {
    struct Answer: Sendable {
        let call: HangingCall
        let response: JSONResponse
        let elapsed: Duration
        let arrived: ContinuousClock.Instant
    }

    let answers: [Answer]
    /// The slowest `GET /users/me` measured while every call was still waiting.
    let meLatency: Duration
    /// The fewest of dbooster's own sessions seen idle in a transaction meanwhile (a request
    /// holding a pooled transaction across the outside call shows in every sample).
    let idleInTransaction: Int
    /// When every call was seen waiting on the dependency (connected to it, or its statement
    /// running there).
    let allWaiting: ContinuousClock.Instant
    /// When the measuring ended; every answer must arrive later for the measure to count.
    let probeEnded: ContinuousClock.Instant

    /// Checks every answer: `status` and `code` (the JSON error's, or for a redirect to the front
    /// end its `error` parameter), after `limit` but within `limit + margin` of the moment all
    /// calls were waiting (what came before — a parallel test run slows a request's setup by
    /// seconds — is not the dependency's wait); `/users/me` answered quickly and no transaction
    /// held, all while the calls were waiting.
    func expectCutOff(after limit: Duration, status: HTTPResponse.Status, code: String,
                      margin: Duration = .seconds(3), sourceLocation: SourceLocation = #_sourceLocation) {
        for answer in answers {
            #expect(answer.response.status == status, "\(answer.call): \(answer.response.text)", sourceLocation: sourceLocation)
            let answered = answer.response.errorCode ?? answer.response.headers[.location]
                .flatMap { URLComponents(string: $0)?.queryItems?.first { $0.name == "error" }?.value }
            #expect(answered == code, "\(answer.call): \(answer.response.text)", sourceLocation: sourceLocation)
            #expect(answer.elapsed >= limit - .milliseconds(50), "\(answer.call) answered early: \(answer.elapsed)",
                    sourceLocation: sourceLocation)
            let waited = allWaiting.duration(to: answer.arrived)
            #expect(waited <= limit + margin, "\(answer.call) answered late: \(waited) after all calls were waiting",
                    sourceLocation: sourceLocation)
            #expect(answer.arrived > probeEnded, "\(answer.call) answered before /users/me was measured",
                    sourceLocation: sourceLocation)
        }
        #expect(meLatency < .milliseconds(500), "GET /users/me took \(meLatency) during the hang", sourceLocation: sourceLocation)
        #expect(idleInTransaction == 0, "a pooled transaction was held across the outside call", sourceLocation: sourceLocation)
        let timings = answers.map { "\($0.call) \($0.response.status.code) in \($0.elapsed)" }.joined(separator: ", ")
        print("hang timings (limit \(limit)): \(timings); /users/me during the hang: \(meLatency)")
    }
}

// MARK: - Running

extension TestContext {
    /// Sends `calls` at once; when `ready` says they are all waiting, times `GET /users/me` as
    /// `probe` and counts dbooster's sessions idle in a transaction, then collects the answers.
    func whileHanging(_ calls: [HangingCall], probe: TestUser, ready: @Sendable () async throws -> Void) async throws -> HangOutcome {
        let client = self.client
        let clock = ContinuousClock()
        return try await withThrowingTaskGroup(of: HangOutcome.Answer.self) { group in
            for call in calls {
                group.addTask {
                    let started = clock.now
                    let response = try await client.call(call.method, call.path, token: call.token,
                                                         json: call.json, headers: call.headers)
                    let arrived = clock.now
                    return .init(call: call, response: response, elapsed: started.duration(to: arrived), arrived: arrived)
                }
            }
            try await ready()
            let allWaiting = clock.now
            let (latency, idle) = try await measure(probe)
            let probeEnded = clock.now
            var answers: [HangOutcome.Answer] = []
            for try await answer in group { answers.append(answer) }
            return HangOutcome(answers: answers, meLatency: latency, idleInTransaction: idle, allWaiting: allWaiting,
                               probeEnded: probeEnded)
        }
    }

    /// Three samples of `GET /users/me` latency (the slowest) and of dbooster's sessions idle in
    /// a transaction (the fewest).
    private func measure(_ user: TestUser) async throws -> (Duration, Int) {
        let database = String(URLComponents(string: config.databaseURL)?.path.dropFirst() ?? "")
        return try await TestDatabase.withAdminConnection { connection in
            var slowest = Duration.zero
            var fewest = Int.max
            for _ in 0..<3 {
                let started = ContinuousClock.now
                let me = try await client.call(.get, "/users/me", token: user.token)
                #expect(me.status == .ok, "\(me.text)")
                slowest = max(slowest, started.duration(to: .now))
                let idle = try await connection.query("""
                    SELECT count(*)::int FROM pg_stat_activity
                    WHERE datname = \(database) AND state LIKE 'idle in transaction%'
                    """, logger: TestDatabase.logger).first(as: Int.self) ?? 0
                fewest = min(fewest, idle)
                try await Task.sleep(for: .milliseconds(30))
            }
            return (slowest, fewest)
        }
    }
}
