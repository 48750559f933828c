@testable import Extraction
@testable import SourceLexing
import Testing

/// Classes of miss found on the held-out folder (`HeldOut/`), one table per class.
@Suite("Held-out classes")
struct HeldOutClassTests {
    /// Swift interpolation that the library binds (PostgresNIO `query(…)`/`PostgresQuery(…)`, GRDB
    /// `literal:`) is a parameter; in a plain `String` (`sql:`) or as `\(unsafeRaw:)` it is run-time text.
    @Test(arguments: [
        (#"let rows = try await connection.query("SELECT * FROM users WHERE id = \(id)", logger: logger)"#, FindingKind.static),
        (#"let q = PostgresQuery(unsafeSQL: "x"); try await conn.query("INSERT INTO t (a) VALUES (\(a))")"#, .static),
        (#"try db.execute(literal: "UPDATE player SET score = \(score) WHERE id = \(id)")"#, .static),
        (#"try db.execute(sql: "DELETE FROM image WHERE path = '\(path)'")"#, .dynamic),
        (#"try await conn.query("SELECT * FROM \(unsafeRaw: table) WHERE id = \(id)")"#, .dynamic),
    ])
    func swiftBindInterpolation(source: String, kind: FindingKind) throws {
        let finding = try #require(extract(source, .swift).first)
        #expect(finding.kind == kind, "\(finding.sql)")
    }

    /// MySQL's `INSERT … VALUE (…)` (a synonym of `VALUES`) built from run-time pieces.
    @Test func mysqlInsertValue() {
        let source = """
        String query = "INSERT INTO User(sin, name) VALUE ('" +
            user.getSIN() + "', '" + user.getName() + "');";
        """
        #expect(extract(source, .java).map(\.kind) == [.dynamic])
        #expect(extract(#"String hint = "Insert the value into the field";"#, .java).isEmpty)
    }
}
