import Testing
import TestDatabaseSupport

/// The test helpers create and drop databases, so they accept only a server on this machine.
@Suite("Test database guard")
struct TestDatabaseGuardTests {
    @Test("local hosts and unix sockets are accepted", arguments: [
        "postgresql://dbooster:dbooster@127.0.0.1:55432/dbooster",
        "postgresql://postgres@localhost/postgres",
        "postgres://u:p@LOCALHOST:5432/db",
        "postgresql://u@[::1]:5432/db",
        "postgresql:///dbooster?host=/var/run/postgresql",
        "postgresql://u@%2Fvar%2Frun%2Fpostgresql/db",
    ])
    func local(_ url: String) {
        #expect(TestDatabase.isLocal(url))
    }

    @Test("other hosts, schemes and socket-less query hosts are refused", arguments: [
        "postgresql://dbooster:secret@db.example.com:5432/dbooster",
        "postgresql://u@10.0.0.5/db",
        "postgresql://u@127.0.0.2/db",
        "postgresql://u@localhost.example.com/db",
        "postgresql://u@localhost/db?host=db.example.com",
        "mysql://u@127.0.0.1/db",
        "not a url",
        "",
    ])
    func remote(_ url: String) {
        #expect(!TestDatabase.isLocal(url))
    }
}
