import Foundation

/// A language whose source files the scanner understands.
public enum SQLLanguage: String, Codable, Sendable, CaseIterable {
    case sql, python, javascript, typescript, go, java, kotlin, ruby, php, csharp, swift

    // MARK: - Detection

    private static let byExtension: [String: SQLLanguage] = [
        "sql": .sql, "psql": .sql, "pgsql": .sql,
        "py": .python, "pyi": .python,
        "js": .javascript, "jsx": .javascript, "mjs": .javascript, "cjs": .javascript,
        "ts": .typescript, "tsx": .typescript, "mts": .typescript, "cts": .typescript,
        "go": .go, "java": .java, "kt": .kotlin, "kts": .kotlin,
        "rb": .ruby, "rake": .ruby, "php": .php, "cs": .csharp, "swift": .swift,
    ]

    /// The language of a file judged by its name, or `nil` when the scanner does not read it.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName.hasSuffix(".min.js"),
              !fileName.hasSuffix(".d.ts") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let language = Self.byExtension[ext] else { return nil }
        self = language
    }
}
