import Foundation

/// Limits and hosts of repository scans (`SCAN_*` settings).
public struct ScanSettings: Sendable {
    /// GitHub's REST API for github.com (`GITHUB_API_URL`).
    public var gitHubAPIURL: URL
    /// Hosts repositories may live on (`SCAN_ALLOWED_HOSTS`); downloads may also go to their
    /// subdomains (e.g. `codeload.github.com`). The API URL's host is implied.
    public var allowedHosts: Set<String>
    /// Hosts that may resolve to private or loopback addresses (`SCAN_PRIVATE_HOSTS`, e.g. `127.0.0.1` in tests).
    public var privateHosts: Set<String>
    /// Largest compressed download (`SCAN_MAX_DOWNLOAD_BYTES`).
    public var maxDownloadBytes: Int
    /// Largest total of unpacked bytes (`SCAN_MAX_UNPACKED_BYTES`).
    public var maxUnpackedBytes: Int
    /// Most archive entries (`SCAN_MAX_FILES`).
    public var maxFiles: Int
    /// Longest a scan may run, download included (`SCAN_TIME_LIMIT_SECONDS`).
    public var timeLimit: TimeInterval
    /// How long a picked scan stays leased without a heartbeat (`SCAN_LEASE_SECONDS`).
    public var lease: TimeInterval
    /// How often a worker looks for work when the queue is empty (`SCAN_POLL_MILLISECONDS`).
    public var pollInterval: TimeInterval
    /// Runs before a scan is given up (`SCAN_MAX_ATTEMPTS`).
    public var maxAttempts: Int
    /// How often a running scan renews its lease and publishes progress (`SCAN_HEARTBEAT_MILLISECONDS`).
    public var heartbeatInterval: TimeInterval
    /// Time limits of the calls to GitHub.
    public var gitHubTimeouts: GitHubTimeouts

    /// Creates settings; the defaults suit github.com.
    public init(gitHubAPIURL: URL, allowedHosts: Set<String> = ["github.com"], privateHosts: Set<String> = [],
                maxDownloadBytes: Int = 200 << 20, maxUnpackedBytes: Int = 1 << 30, maxFiles: Int = 100_000,
                timeLimit: TimeInterval = 600, lease: TimeInterval = 60, pollInterval: TimeInterval = 1,
                maxAttempts: Int = 3, heartbeatInterval: TimeInterval = 0.5, gitHubTimeouts: GitHubTimeouts = .standard) {
        self.gitHubAPIURL = gitHubAPIURL
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.privateHosts = Set(privateHosts.map { $0.lowercased() })
        self.maxDownloadBytes = maxDownloadBytes
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxFiles = maxFiles
        self.timeLimit = timeLimit
        self.lease = lease
        self.pollInterval = pollInterval
        self.maxAttempts = maxAttempts
        self.heartbeatInterval = heartbeatInterval
        self.gitHubTimeouts = gitHubTimeouts
    }

    /// The API host (always allowed).
    var apiHost: String { gitHubAPIURL.host?.lowercased() ?? "" }

    /// Whether repositories may live on `host`.
    func isRepositoryHost(_ host: String) -> Bool {
        allowedHosts.contains(host.lowercased())
    }

    /// Whether downloads may go to `host`: an allowed host, one of its subdomains, or the API host.
    func isDownloadHost(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == apiHost || allowedHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

/// How long dbooster waits for GitHub.
public struct GitHubTimeouts: Sendable {
    /// Connecting (TCP and TLS) to GitHub or a download host (`GITHUB_CONNECT_TIMEOUT_MS`).
    public var connect: Duration
    /// One API call, e.g. a page of the repository list, from connecting to the last byte
    /// (`GITHUB_TIMEOUT_MS`); then `GET /repos` answers 504 `github_timeout`.
    public var request: Duration
    /// The longest silence while waiting for or reading an answer (`GITHUB_READ_TIMEOUT_MS`); a
    /// whole download is bounded by `SCAN_TIME_LIMIT_SECONDS`.
    public var read: Duration

    public init(connect: Duration = .seconds(10), request: Duration = .seconds(30), read: Duration = .seconds(60)) {
        self.connect = connect
        self.request = request
        self.read = read
    }

    /// 10 s to connect, 30 s per API call, 60 s of silence.
    public static let standard = GitHubTimeouts()
}
