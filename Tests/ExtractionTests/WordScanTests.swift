@testable import Extraction
@testable import FindingFormats
import SourceLexing
import SQLText
import Testing

/// The eight-bytes-at-a-time tests of `ASCII` against their byte-by-byte definitions, and the
/// scans built on them against the byte loops they replace.
@Suite("Word scans")
struct WordScanTests {
    /// Every byte value at every position of a word, among fillers that tempt a borrow or carry
    /// into the neighbouring bytes (0x00, 0x01, 0x7F, 0x80, 0xFF…).
    @Test(arguments: [0x00, 0x01, 0x1F, 0x20, 0x2D, 0x41, 0x7F, 0x80, 0xFF] as [UInt8])
    func masksMatchTheirDefinitions(filler: UInt8) {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: filler, count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(ASCII.zeroBytes(word) == mask(bytes) { $0 == 0 }, "zero \(bytes)")
                #expect(ASCII.zeroBytes(word ^ ASCII.repeated(0x20)) == mask(bytes) { $0 == 0x20 }, "space \(bytes)")
                for limit in [0x01, 0x20, 0x41, 0x80] as [UInt8] {
                    #expect(ASCII.bytesBelow(limit, in: word) == mask(bytes) { $0 < limit }, "below \(limit) \(bytes)")
                }
            }
        }
    }

    @Test(arguments: [
        ("", true), ("SELECT 1", true), ("SELECT a FROM t WHERE id = $1", true), (" SELECT 1", false),
        ("SELECT 1 ", false), ("SELECT  1", false), ("SELECT a FROM t WHERE  id = $1", false),
        ("SELECT a FROM t WHERE id =  $1", false), ("SELECT a FROM\tt WHERE id = 1", false),
        ("SELECT a FROM t\nWHERE id = 1", false), ("SELECT a - 1 FROM t WHERE id = 1", true),
        ("SELECT a FROM t -- why\nWHERE id = 1", false), ("SELECT 'a  b' FROM t", true), ("SELECT x FROM résumé", true),
        ("SELECT a FROM t WHERE id = 1        ", false), ("SELECT a FROM t WHERE id IN (1, 2, 3) ORDER BY a", true),
    ])
    func collapseKeepsCollapsedText(text: String, collapsed: Bool) {
        #expect((StatementAnalyzer.collapse(text) == text) == collapsed, "\(text)")
    }

    @Test(arguments: ["", "plain", "a path/to/file.go and more text", "say \"hi\"", "back\\slash in a long line",
                      "tab\there", "new\nline", "\u{1}", "quote at the end of sixteen\"", "naïve café"])
    func stringsAreEscapedExactlyWhenNeeded(text: String) {
        var out = OutputBuffer(capacity: 16)
        FindingJSON.appendString(text, to: &out)
        let escaped = text.contains { $0 == "\"" || $0 == "\\" || $0.asciiValue.map { $0 < 0x20 } ?? false }
        #expect((out.count != text.utf8.count + 2) == escaped, "\(text)")
        #expect(out.text == jsonString(text))
    }

    private func mask(_ bytes: [UInt8], _ member: (UInt8) -> Bool) -> UInt64 {
        bytes.enumerated().reduce(0) { member($1.element) ? $0 | (0x80 << (8 * UInt64($1.offset))) : $0 }
    }

    /// The JSON string literal of `text` as a reference encoder writes it.
    private func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// The dialect guessed for statements PostgreSQL rejects, one row per rule and its near misses.
@Suite("Dialect of unparsed statements")
struct DialectTests {
    @Test(arguments: [
        ("CREATE TABLE t (id Int32) ENGINE = MergeTree ORDER BY id", "clickhouse"),
        ("CREATE TABLE t (id Int32) engine MergeTree", "clickhouse"),
        ("SELECT * FROM t FINAL SETTINGS max_threads = 2", "clickhouse"),
        ("SELECT * FROM t FINAL", "unknown"),
        ("SELECT [name] FROM [dbo].[users] WITH (NOLOCK)", "tsql"),
        ("SELECT TOP 10 * FROM users", "tsql"),
        ("SELECT a FROM t WITH (UPDLOCK)", "tsql"),
        ("SELECT x[1 FROM t]", "unknown"),
        ("SELECT [ ] FROM t", "unknown"),
        ("SELECT [user_name] FROM t", "tsql"),
        ("PRAGMA journal_mode = WAL", "sqlite"),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)", "sqlite"),
        ("INSERT OR IGNORE INTO t VALUES (1)", "sqlite"),
        ("CREATE VIRTUAL TABLE docs USING fts5(body)", "sqlite"),
        ("CREATE TABLE `users` (`id` int)", "mysql"),
        ("CREATE TABLE t (id INT AUTO_INCREMENT) ENGINE=InnoDB", "mysql"),
        ("SHOW TABLES LIKE 'wp_%'", "mysql"),
        ("USE shop", "mysql"),
        ("REPLACE INTO t (a) VALUES (1)", "mysql"),
        ("INSERT INTO t (a) VALUES ($1) ON DUPLICATE KEY UPDATE a = $2", "mysql"),
        ("EXEC dbo.usp_Report $1", "tsql"),
        ("ALTER TABLE t CHANGE old new INT", "mysql"),
        ("SELECT * FROM t LIMIT 10, 20", "mysql"),
        ("SELECT * FROM t LIMIT\t? , ?", "mysql"),
        ("SELECT * FROM t LIMIT 10 OFFSET 20 WHERE ,", "unknown"),
        ("SELECT * FROM t LIMIT ,", "unknown"),
        ("SELEC 1", "unknown"),
    ])
    func dialect(text: String, expected: String) {
        #expect(LooseSQLReader.dialect(of: text) == expected, "\(text)")
    }
}

@Suite("Name sets")
struct NameSetTests {
    static let names = ["execute", "query", "q", "sqlite3_prepare_v2", "$queryraw", "fetchall", "a", "ab", "abc"]

    @Test func holdsEveryNameAndNothingElse() {
        let set = NameSet(Self.names)
        for name in Self.names {
            #expect(set.contains(name), "\(name)")
            #expect(!set.contains(name + "x"), "\(name)x")
            #expect(!set.contains(String(name.dropLast())) || Self.names.contains(String(name.dropLast())), "\(name)")
            #expect(!set.contains(name.uppercased()), "\(name) upper-cased")
        }
        #expect(!set.contains(""))
        #expect(set.elements == Self.names)
    }

    /// A thousand names fill the table enough for probes to collide and wrap around.
    @Test func findsNamesPastCollisions() {
        let names = (0..<1000).map { "name\($0)" }
        let set = NameSet(names + names)
        #expect(set.elements.count == 1000)
        #expect(names.allSatisfy(set.contains))
        #expect(!(1000..<2000).contains { set.contains("name\($0)") })
        let bytes = Array("name42".utf8)
        #expect(bytes.withUnsafeBufferPointer { set.contains(bytes: $0) })
    }

    @Test func anEmptySetHoldsNothing() {
        let set = NameSet([])
        #expect(!set.contains("") && !set.contains("a"))
    }
}
