// Source: PostgresNIO / SQLiteNIO code found with find_string 'try await connection.query("'
// (ids 57385435962, 62103574498, 71461319233, 2457356953 = vapor/postgres-nio test, 40937458152,
// 70891013127, 3711201492, 68949219657, 55096812552, 42539422602); repository names mostly not
// returned. Excerpts verbatim, concatenated; the claimQuery text of id 57385435962 is cut in the
// index after "WHERE s" and was completed by hand.
// Classes: connection.query("...") / query("""...""") where \(x) is PostgresQuery interpolation,
//          i.e. a bind parameter (static, like ${} in $queryRaw), BEGIN/ROLLBACK, SET SESSION,
//          SHOW TimeZone, SELECT 1;, ?1 placeholders (SQLiteNIO), \"quoted\" identifiers,
//          pg_advisory_xact_lock, decoys (XCTAssert messages, Logger labels, commented-out
//          logging with a """ literal, doc comments mentioning SELECT FOR UPDATE).
import PostgresNIO

extension FuzzerStore {
    /// 1. Try to claim an existing inactive fuzzer or a stale active fuzzer (no activity for 5+ minutes)
    /// 2. If no fuzzer is available, create a new one
    public func registerFuzzer(engineArguments: [String]? = nil) async throws -> Int {
        return try await databasePool.withConnection { connection in
            do {
                try await connection.query("BEGIN", logger:self.logger) // expect: static

                // Step 1: Try to claim an existing inactive or stale fuzzer
                // Use SELECT FOR UPDATE SKIP LOCKED to prevent race conditions
                // expect-next: static
                let claimQuery = PostgresQuery(stringLiteral: """
                    SELECT fuzzer_id FROM main
                    WHERE status = 'inactive'
                    ORDER BY fuzzer_id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                let rows = try await connection.query(claimQuery, logger: self.logger)
                return try await rows.decode(Int.self).first { _ in true } ?? 0
            }
        }
    }
}

@Suite struct SQLiteDriverTests {
    @Test("every value kind round-trips")
    func valuesRoundTrip() async throws {
        let connection = try SQLiteConnection.inMemory()
        defer { connection.close() }
        _ = try await connection.query("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)") // expect: static
        _ = try await connection.query(
            "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)", // expect: static
            [.int(42), .double(1.5), .text("O'Brien"), .blob([0xDE, 0xAD]), .null]
        )

        let row = try #require(try await connection.query("SELECT * FROM t").first) // expect: static
        #expect(row.values[0] == .int(42))
        #expect(row.values[2] == .text("O'Brien"))
    }
}

extension SportsRefresher {
    func claim(due: (String, String, String), asOf: Date) async throws {
        try await pool.withTransaction(logger: logger) { connection in
            if let authority = self.authority { try await PostgresRoleLeaseFence.lockAndValidate(authority, connection: connection, logger: self.logger) }
            // expect-next: static
            try await connection.query("""
              INSERT INTO sports_provider_refresh(resource_key,requested_at) VALUES (\(due.0),\(asOf))
              ON CONFLICT(resource_key) DO UPDATE SET requested_at=EXCLUDED.requested_at
              """, logger: self.logger)
        }
    }
}

final class PostgresConnectionTests: XCTestCase {
    func testCloseGracefullyClosesWhenInternalQueueIsEmpty() async throws {
        let (connection, channel) = try await self.makeTestConnectionWithAsyncTestingChannel()
        try await withThrowingTaskGroup(of: Void.self) { [logger] taskGroup async throws -> () in
            for _ in 1...2 {
                taskGroup.addTask {
                    let rows = try await connection.query("SELECT 1;", logger: logger) // expect: static
                    var iterator = rows.decode(Int.self).makeAsyncIterator()
                    let first = try await iterator.next()
                    XCTAssertEqual(first, 1)
                }
            }
            _ = channel
        }
    }
}

extension SQLiteConnection {
    fileprivate static func nioConnection() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .memory)

        // Create table
        // expect-next: static
        try await connection.query("""
          CREATE TABLE "Record" (
            "id" INTEGER PRIMARY KEY,
            "date" TEXT NOT NULL
          )
          """, [])

        // Insert test data
        try await connection.transaction { conn in
            for id in 1...3 {
                try await conn.query(
                    "INSERT INTO \"Record\" (id, date) VALUES (?, ?)", // expect: static
                    [.integer(id), .text(Date(timeIntervalSince1970: 42).iso8601String)]
                )
            }
        }
        return connection
    }
}

extension PostgresThinAppViewStore: FinanceSelectionStoring {
    public func applyFinanceSelection(_ mutation: FinanceSelectionMutation) async throws {
        try await pool.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(mutation.viewerDID), 91827))", logger: self.logger) // expect: static
            // expect-next: static
            let accepted = try await connection.query("""
              INSERT INTO finance_selection_versions (viewer_did, record_key, event_at, repo_rev, is_deleted)
              SELECT \(mutation.viewerDID), \(mutation.recordKey), \(mutation.eventAt), \(mutation.repoRev), \(mutation.isDeleted)
              WHERE NOT EXISTS (SELECT 1 FROM finance_selection_sync WHERE viewer_did=\(mutation.viewerDID))
              RETURNING 1
              """, logger: self.logger)
            _ = accepted
        }
    }
}

func runExample(logger: Logger, config: PostgresConnection.Configuration) async throws {
    let connection = try await PostgresConnection.connect(on: eventLoopGroup.next(), configuration: config, id: 1, logger: logger)
    let rows = try await connection.query("SELECT * FROM TEST", logger: logger) // expect: static
    for try await (text1, text2, text3) in rows.decode((String, String, String).self) {
        print(text1, text2, text3)
    }
    try await connection.close()
}

extension PostgresAdapter {
    private func makePooledConnection() async throws -> PostgresConnection {
        let connection = try await openConnection()
        do {
            if input.readOnly {
                _ = try await connection.query(
                    "SET SESSION default_transaction_read_only = on", logger: logger) // expect: static
            }
            if sessionTimeZone == nil {
                let rows = try await connection.query("SHOW TimeZone", logger: logger).collect() // expect: static
                if let name = try rows.first?.decode(String.self) {
                    sessionTimeZone = TimeZone(identifier: name) ?? TimeZone(abbreviation: name)
                }
            }
            return connection
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

final class PoolTests: XCTestCase {
    func testBodyError() async throws {
        struct BodyError: Error {}
        let pool = PostgresClient(configuration: try integrationConfiguration(), maxConnections: 1)
        _ = try await pool.query("SELECT 1") // expect: static
        let afterWarmup = await pool.connectionCount
        XCTAssertEqual(afterWarmup, 1)
        do {
            try await pool.withConnection { connection -> Void in
                _ = try await connection.query("SELECT 1") // expect: static
                throw BodyError()
            }
            XCTFail("expected BodyError")
        } catch is BodyError {}
        let afterClosureError = await pool.connectionCount
        XCTAssertEqual(afterClosureError, 1, "healthy connection was dropped on a closure error")
        _ = try await pool.withConnection { connection in
            let result = try await connection.query("SELECT 'x'::text AS t") // expect: static
            return result
        }
    }
}

extension UserController {
    func create(pool: PostgresClient) async throws -> User {
        try await pool.withConnection { connection in
            do {
                let result = try await connection.query( // expect-next: static
                  """
                    INSERT INTO users (id)
                    VALUES (gen_random_uuid())
                    RETURNING *
                  """,
                  logger: Logger(label: "Database INSERT")
                )
                let user = try await result.collect().first?.sql().decode(model: User.self, with: SQLRowDecoder())
                guard let user else {
//          self.logger.error("Failed to insert user. Not found user")
                    try await connection.query("ROLLBACK", logger: Logger(label: "Database ROLLBACK")) // expect: static
                    throw HTTPError(.internalServerError)
                }
                return user
            } catch {
//        self.logger.error(
//          """
//            Failed to insert user
//            Error: \(String(reflecting: error))
//          """)
                try await connection.query("ROLLBACK", logger: Logger(label: "Database ROLLBACK")) // expect: static
                throw HTTPError(.internalServerError)
            }
        }
    }
}
