import Testing
@testable import App

/// `DATABASE_URL` forms and the PostgresClient settings they give.
@Suite("DATABASE_URL")
struct DatabaseURLTests {
    @Test("TCP and Unix-socket addresses", arguments: [
        // url, host, port, socket, user, database
        ("postgresql://app:secret@db.internal:6432/main", "db.internal", 6432, nil, "app", "main"),
        ("postgres://app@127.0.0.1/main?pool_max=8", "127.0.0.1", 5432, nil, "app", "main"),
        ("postgresql://app@/main?host=/run/postgresql", nil, nil, "/run/postgresql/.s.PGSQL.5432", "app", "main"),
        ("postgresql://app@:55433/main?host=/tmp/pg", nil, nil, "/tmp/pg/.s.PGSQL.55433", "app", "main"),
    ] as [(String, String?, Int?, String?, String, String)])
    func addresses(url: String, host: String?, port: Int?, socket: String?, user: String, database: String) throws {
        let configuration = try postgresConfiguration(url: url)
        #expect(configuration.host == host)
        #expect(configuration.port == port)
        #expect(configuration.unixSocketPath == socket)
        #expect(configuration.username == user)
        #expect(configuration.database == database)
    }

    @Test("a URL without a host or of another scheme is refused", arguments: [
        "postgresql:///main", "mysql://app@db/main", "not a url",
    ])
    func refused(url: String) {
        #expect(throws: AppConfig.MissingSetting.self) { try postgresConfiguration(url: url) }
    }
}
