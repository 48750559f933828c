import Foundation

/// Time limits applied to every connection to a customer database.
public struct TargetSettings: Sendable {
    /// How long to wait for the TCP/TLS connection and authentication.
    public var connectTimeout: Duration
    /// `statement_timeout` of the session (and of each explained statement).
    public var statementTimeout: Duration
    /// `lock_timeout` of the session: never wait long behind the customer's own locks.
    public var lockTimeout: Duration
    /// `idle_in_transaction_session_timeout`: the server ends a session dbooster abandoned.
    public var idleInTransactionTimeout: Duration
    /// The longest a whole connection may last; then dbooster closes it, whatever it is waiting
    /// for (a server or network that stops answering is not bounded by `statement_timeout`).
    public var sessionLimit: Duration

    public init(connectTimeout: Duration = .seconds(5), statementTimeout: Duration = .seconds(15),
                lockTimeout: Duration = .seconds(2), idleInTransactionTimeout: Duration = .seconds(30),
                sessionLimit: Duration = .seconds(60)) {
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
        self.sessionLimit = sessionLimit
    }

    /// 5 s to connect, 15 s per statement, 2 s for locks, 30 s idle in a transaction, 60 s in all.
    public static let standard = TargetSettings()

    /// Reads `TARGET_CONNECT_TIMEOUT_MS`, `TARGET_STATEMENT_TIMEOUT_MS`, `TARGET_LOCK_TIMEOUT_MS`,
    /// `TARGET_IDLE_IN_TRANSACTION_TIMEOUT_MS` and `TARGET_SESSION_LIMIT_MS`; a missing or
    /// non-positive value keeps the standard one.
    public static func from(environment value: (String) -> String?) -> TargetSettings {
        func milliseconds(_ key: String, _ fallback: Duration) -> Duration {
            guard let text = value(key), let number = Int(text), number > 0 else { return fallback }
            return .milliseconds(number)
        }
        let standard = TargetSettings.standard
        return TargetSettings(
            connectTimeout: milliseconds("TARGET_CONNECT_TIMEOUT_MS", standard.connectTimeout),
            statementTimeout: milliseconds("TARGET_STATEMENT_TIMEOUT_MS", standard.statementTimeout),
            lockTimeout: milliseconds("TARGET_LOCK_TIMEOUT_MS", standard.lockTimeout),
            idleInTransactionTimeout: milliseconds("TARGET_IDLE_IN_TRANSACTION_TIMEOUT_MS", standard.idleInTransactionTimeout),
            sessionLimit: milliseconds("TARGET_SESSION_LIMIT_MS", standard.sessionLimit))
    }
}

extension Duration {
    /// Whole milliseconds (at least 1), as PostgreSQL's time settings take them.
    var postgresMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
