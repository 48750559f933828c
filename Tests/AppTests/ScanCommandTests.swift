@testable import App
import Foundation
import Testing

/// `dbooster scan`'s output file: written where the path leads, and a failed write is an error.
@Suite("scan command output")
struct ScanCommandTests {
    @Test("the findings are written through a symbolic link, which stays a link")
    func writesThroughALink() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("store.go")
        try #"package store; func f() { db.Exec("DELETE FROM sessions WHERE id = $1", id) }"#
            .write(to: source, atomically: true, encoding: .utf8)
        let target = directory.appendingPathComponent("findings.json")
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

        let command = try ScanCommand.parse([source.path, "--format", "json", "--output", link.path])
        try await command.run()

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let findings = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [[String: Any]]
        #expect(findings?.first?["sql"] as? String == "DELETE FROM sessions WHERE id = $1")
    }

    @Test("a write that fails (a full device) makes the command fail with the system's reason")
    func failedWriteIsAnError() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("q.py")
        try #"cursor.execute("SELECT id FROM users WHERE email = %s", (email,))"#
            .write(to: source, atomically: true, encoding: .utf8)

        let command = try ScanCommand.parse([source.path, "--format", "json", "--output", "/dev/full"])
        await #expect { try await command.run() } throws: { error in
            "\(error)".contains("No space left on device")
        }
    }

    @Test("an output path that cannot be opened is refused with the system's reason")
    func unopenablePathIsRefused() async throws {
        let command = try ScanCommand.parse([".", "--output", "/nonexistent-directory/findings.json"])
        await #expect { try await command.run() } throws: { error in
            "\(error)".contains("No such file or directory")
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scan-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
