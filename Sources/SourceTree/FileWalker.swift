import Foundation
import SourceLexing

/// A source file selected for scanning.
package struct SourceFile: Sendable {
    package var absolutePath: String
    package var relativePath: String
    package var language: SQLLanguage
}

/// Walks a directory tree, skipping dependency/build folders, ignored paths and symbolic links,
/// and keeps the files in the languages asked for.
package struct FileWalker {
    /// Dependency, build-output and tooling folders skipped by default.
    package static let defaultSkippedDirectories: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", "vendor", "third_party", "dist", "build", "target", ".build",
        ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".next", ".nuxt", "bower_components",
        "Pods", ".gradle", ".idea", "coverage", ".terraform",
    ]

    /// The languages whose files are kept.
    let languages: Set<SQLLanguage>
    /// Whether `.gitignore` files are honoured.
    let respectGitignore: Bool
    /// Directory names never descended into.
    let skippedDirectories: Set<String>

    package init(languages: Set<SQLLanguage>, respectGitignore: Bool, skippedDirectories: Set<String>) {
        self.languages = languages
        self.respectGitignore = respectGitignore
        self.skippedDirectories = skippedDirectories
    }

    private struct Directory {
        var absolute: String
        var relative: String
        var ignores: [GitIgnore]
    }

    /// The files under `root` (or `root` itself when it is a file), in a stable order.
    package func files(under root: URL) throws -> [SourceFile] {
        let rootPath = root.standardizedFileURL.path
        var status = stat()
        guard stat(rootPath, &status) == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: rootPath])
        }
        if status.st_mode & S_IFMT != S_IFDIR {
            let name = (rootPath as NSString).lastPathComponent
            guard let language = SQLLanguage(fileName: name), languages.contains(language) else { return [] }
            return [SourceFile(absolutePath: rootPath, relativePath: name, language: language)]
        }
        var files: [SourceFile] = []
        var stack = [Directory(absolute: rootPath, relative: "", ignores: [])]
        while let directory = stack.popLast() {
            var ignores = directory.ignores
            if respectGitignore, let text = try? String(contentsOfFile: directory.absolute + "/.gitignore",
                                                                  encoding: .utf8) {
                ignores.append(GitIgnore(text, base: directory.relative))
            }
            var subdirectories: [Directory] = []
            for (name, kind) in entries(of: directory.absolute).sorted(by: { $0.0 < $1.0 }) {
                let relative = directory.relative.isEmpty ? name : directory.relative + "/" + name
                let absolute = directory.absolute + "/" + name
                switch kind {
                case .directory:
                    guard !skippedDirectories.contains(name), !isIgnored(relative, directory: true, ignores) else {
                        continue
                    }
                    subdirectories.append(Directory(absolute: absolute, relative: relative, ignores: ignores))
                case .file:
                    guard let language = SQLLanguage(fileName: name), languages.contains(language),
                          !isIgnored(relative, directory: false, ignores) else { continue }
                    files.append(SourceFile(absolutePath: absolute, relativePath: relative, language: language))
                }
            }
            stack.append(contentsOf: subdirectories.reversed())
        }
        return files
    }

    // MARK: - Helpers

    private enum EntryKind { case file, directory }

    private func entries(of path: String) -> [(String, EntryKind)] {
        guard let handle = opendir(path) else { return [] }
        defer { closedir(handle) }
        var result: [(String, EntryKind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path + "/" + name, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: continue
                }
            }
            if type == Int32(DT_DIR) { result.append((name, .directory)) }
            if type == Int32(DT_REG) { result.append((name, .file)) }
        }
        return result
    }

    private func isIgnored(_ relative: String, directory: Bool, _ ignores: [GitIgnore]) -> Bool {
        var ignored = false
        for ignore in ignores {
            let local: String
            if ignore.base.isEmpty {
                local = relative
            } else {
                guard relative.hasPrefix(ignore.base + "/") else { continue }
                local = String(relative.dropFirst(ignore.base.count + 1))
            }
            if let verdict = ignore.match(local, isDirectory: directory) { ignored = verdict }
        }
        return ignored
    }
}
