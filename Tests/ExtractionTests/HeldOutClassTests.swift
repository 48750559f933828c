@testable import Extraction
@testable import SourceLexing
import Testing

/// Classes of miss found on the held-out folder (`HeldOut/`), one table per class.
@Suite("Held-out classes")
struct HeldOutClassTests {
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
