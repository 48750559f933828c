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
}

extension Duration {
    /// Milliseconds with fractions, for reports.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// Whole milliseconds (at least 1), as PostgreSQL's time settings take them.
    var postgresMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
