@testable import Extraction
import SourceTree
import Foundation
import Testing

@Suite("gitignore rules and tree walking")
struct GitIgnoreTests {
    static let rules = GitIgnore("""
    # comment
    *.log
    /generated
    docs/
    !keep.log
    src/**/fixtures
    tmp?.py
    [ab]ck.sql
    """)

    @Test(arguments: [
        ("app.log", false, true),
        ("deep/dir/app.log", false, true),
        ("keep.log", false, false),
        ("generated", true, true),
        ("sub/generated", true, nil),
        ("docs", true, true),
        ("docs", false, nil),
        ("src/a/b/fixtures", true, true),
        ("src/fixtures", true, true),
        ("tmp1.py", false, true),
        ("tmp12.py", false, nil),
        ("ack.sql", false, true),
        ("ck.sql", false, nil),
    ] as [(String, Bool, Bool?)])
    func matches(path: String, isDirectory: Bool, ignored: Bool?) {
        #expect(Self.rules.match(path, isDirectory: isDirectory) == ignored)
    }

    @Test func scanSkipsIgnoredVendoredAndBinaryFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dbooster-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files: [String: String] = [
            ".gitignore": "ignored/\n*.gen.py\n",
            "app/db.py": "cur.execute(\"SELECT id FROM a\")\n",
            "app/skip.gen.py": "cur.execute(\"SELECT id FROM b\")\n",
            "ignored/x.py": "cur.execute(\"SELECT id FROM c\")\n",
            "node_modules/pkg/index.js": "db.query('SELECT id FROM d')\n",
            "app/sub/.gitignore": "local.sql\n",
            "app/sub/local.sql": "SELECT 1 FROM e;\n",
            "app/sub/schema.sql": "SELECT 1 FROM f;\n",
            "README.md": "SELECT id FROM g",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try Data([0x53, 0x45, 0x4C, 0x45, 0x43, 0x54, 0x00, 0x20]).write(to: root.appendingPathComponent("app/bin.py"))
        var found: [SQLFinding] = []
        var progressSeen: [ScanProgress] = []
        let final = try CodeScanner(options: ExtractionOptions(workers: 2)).scan(
            root: root, onProgress: { progressSeen.append($0) }, onFinding: { found.append($0) })
        #expect(Set(found.map(\.file)) == ["app/db.py", "app/sub/schema.sql"])
        #expect(Set(found.flatMap(\.tables)) == ["a", "f"])
        #expect(final.filesTotal == 3)
        #expect(final.filesScanned == 3)
        #expect(final.queriesFound == 2)
        #expect(progressSeen.first?.filesTotal == 3)
    }

    @Test func scanOfAMissingPathThrows() {
        #expect(throws: (any Error).self) {
            try CodeScanner().scan(root: URL(fileURLWithPath: "/nonexistent/dbooster"), onFinding: { _ in })
        }
    }
}
