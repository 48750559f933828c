import Core
import Foundation
import HTTPSupport

/// A repository named by an `https://host/owner/repo` URL on an allowed host.
public struct RepositoryURL: Sendable, Equatable {
    public let host: String
    public let owner: String
    public let repo: String

    /// The normalised URL, `https://host/owner/repo`.
    public var url: String { "https://\(host)/\(owner)/\(repo)" }

    /// Parses and checks `text`; anything else than an https URL of an allowed host without
    /// credentials, query or fragment is refused with 422 and a code naming the reason.
    public init(_ text: String, settings: ScanSettings) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 2048 else {
            throw Self.refused("invalid_repo_url", "repo_url must be an https:// URL of a repository")
        }
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("ext::") || lowered.hasPrefix("fd::") {
            throw Self.refused("unsupported_repo_scheme", "repo_url must use https://, not a git remote helper")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }) else {
            throw Self.refused("invalid_repo_url", "repo_url must not contain spaces, control characters or backslashes")
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            // scp-like `git@github.com:owner/repo` has no scheme.
            throw Self.refused("unsupported_repo_scheme", "repo_url must be an https:// URL (ssh and scp-style remotes are not supported)")
        }
        guard scheme == "https" else {
            throw Self.refused("unsupported_repo_scheme", "repo_url must use https://, not \(scheme)://")
        }
        guard components.user == nil, components.password == nil, !trimmed.contains("@") else {
            throw Self.refused("credentials_in_url", "repo_url must not contain credentials; dbooster uses your connected GitHub account")
        }
        guard let host = components.host?.lowercased(), !host.isEmpty else {
            throw Self.refused("invalid_repo_url", "repo_url has no host")
        }
        guard components.port == nil || components.port == 443 else {
            throw Self.refused("host_not_allowed", "repo_url must not name a port")
        }
        guard settings.isRepositoryHost(host) else {
            throw Self.refused("host_not_allowed", "repositories on \(host) cannot be scanned; allowed hosts: \(settings.allowedHosts.sorted().joined(separator: ", "))")
        }
        guard components.query == nil, components.fragment == nil else {
            throw Self.refused("invalid_repo_url", "repo_url must not have a query or fragment")
        }
        var parts = components.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let last = parts.last, last.hasSuffix(".git") { parts[parts.count - 1] = String(last.dropLast(4)) }
        guard parts.count == 2, parts.allSatisfy(Self.isName) else {
            throw Self.refused("invalid_repo_url", "repo_url must look like https://\(host)/owner/repository")
        }
        self.host = host
        self.owner = parts[0]
        self.repo = parts[1]
    }

    /// The REST API of the repository's host: `GITHUB_API_URL` for github.com, `/api/v3` for GitHub Enterprise.
    func apiBaseURL(settings: ScanSettings) -> URL {
        if host == "github.com" { return settings.gitHubAPIURL }
        return URL(string: "https://\(host)/api/v3")!
    }

    /// GitHub owner and repository names: letters, digits, `-`, `_`, `.`; not `.` or `..`.
    static func isName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 100, name != ".", name != ".." else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// Checks a branch, tag or commit name (git's ref rules, simplified and strict).
    static func checkBranch(_ branch: String) throws -> String {
        let branch = branch.trimmingCharacters(in: .whitespacesAndNewlines)
        let bad = branch.isEmpty || branch.unicodeScalars.count > 255 || branch.hasPrefix("-") || branch.hasPrefix("/")
            || branch.hasSuffix("/") || branch.hasSuffix(".lock") || branch.contains("..") || branch.contains("//")
            || branch.contains("@{") || branch.unicodeScalars.contains {
                $0.value < 0x21 || $0.value == 0x7F || " ~^:?*[\\".unicodeScalars.contains($0)
            }
        guard !bad else { throw AppError.invalidField("branch", "must be a valid git branch name") }
        return branch
    }

    private static func refused(_ code: String, _ message: String) -> AppError {
        AppError(.unprocessableContent, code: code, message: message)
    }
}
