import Foundation
import SourceLexing
import SourceTree

/// Settings of a scan.
public struct ExtractionOptions: Sendable {
    /// Files larger than this many bytes are skipped.
    public var maxFileSize: Int
    /// Whether `.gitignore` files are honoured.
    public var respectGitignore: Bool
    /// Directory names never descended into.
    public var skippedDirectories: Set<String>
    /// Number of worker threads.
    public var workers: Int
    /// Languages to read; all by default.
    public var languages: Set<SQLLanguage>
    /// Whether SQL fragments handed to ORMs and query builders (``FindingKind/fragment``) are
    /// reported; off by default.
    public var includeFragments = false

    /// Dependency, build-output and tooling folders skipped by default.
    public static let defaultSkippedDirectories = FileWalker.defaultSkippedDirectories

    /// Creates options; the defaults skip files over 2 MB and use every core.
    public init(maxFileSize: Int = 2 * 1024 * 1024, respectGitignore: Bool = true,
                skippedDirectories: Set<String> = ExtractionOptions.defaultSkippedDirectories,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                languages: Set<SQLLanguage> = Set(SQLLanguage.allCases)) {
        self.maxFileSize = maxFileSize
        self.respectGitignore = respectGitignore
        self.skippedDirectories = skippedDirectories
        self.workers = max(1, workers)
        self.languages = languages
    }
}
