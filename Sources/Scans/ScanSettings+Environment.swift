import Foundation

extension ScanSettings {
    /// Reads `GITHUB_API_URL`, the `GITHUB_*_TIMEOUT_MS` and the `SCAN_*` settings (see `.env.example`).
    public static func from(environment value: (String) -> String?) -> ScanSettings {
        func list(_ key: String) -> Set<String>? {
            value(key).map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }) }
        }
        func number(_ key: String) -> Int? { value(key).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        func milliseconds(_ key: String, _ fallback: Duration) -> Duration { number(key).map { .milliseconds($0) } ?? fallback }
        let defaults = ScanSettings(gitHubAPIURL: URL(string: "https://api.github.com")!)
        let timeouts = GitHubTimeouts.standard
        return ScanSettings(
            gitHubAPIURL: value("GITHUB_API_URL").flatMap(URL.init(string:)) ?? defaults.gitHubAPIURL,
            allowedHosts: list("SCAN_ALLOWED_HOSTS") ?? defaults.allowedHosts,
            privateHosts: list("SCAN_PRIVATE_HOSTS") ?? defaults.privateHosts,
            maxDownloadBytes: number("SCAN_MAX_DOWNLOAD_BYTES") ?? defaults.maxDownloadBytes,
            maxUnpackedBytes: number("SCAN_MAX_UNPACKED_BYTES") ?? defaults.maxUnpackedBytes,
            maxFiles: number("SCAN_MAX_FILES") ?? defaults.maxFiles,
            timeLimit: number("SCAN_TIME_LIMIT_SECONDS").map(TimeInterval.init) ?? defaults.timeLimit,
            lease: number("SCAN_LEASE_SECONDS").map(TimeInterval.init) ?? defaults.lease,
            pollInterval: number("SCAN_POLL_MILLISECONDS").map { TimeInterval($0) / 1000 } ?? defaults.pollInterval,
            maxAttempts: number("SCAN_MAX_ATTEMPTS") ?? defaults.maxAttempts,
            heartbeatInterval: number("SCAN_HEARTBEAT_MILLISECONDS").map { TimeInterval($0) / 1000 } ?? defaults.heartbeatInterval,
            gitHubTimeouts: GitHubTimeouts(
                connect: milliseconds("GITHUB_CONNECT_TIMEOUT_MS", timeouts.connect),
                request: milliseconds("GITHUB_TIMEOUT_MS", timeouts.request),
                read: milliseconds("GITHUB_READ_TIMEOUT_MS", timeouts.read)))
    }
}
