import Core
import Foundation
import Logging
import PostgresHelpers
import PostgresNIO

/// A customer's database, reached through its own short-lived connection — never a pool, and
/// never dbooster's own pool.
///
/// Under a ``TargetNetworkPolicy`` other than `.unrestricted` (the API's), a host that resolves to
/// a private or loopback address is refused (422 `target_address_not_allowed`).
///
/// Each ``withConnection(_:)`` opens one connection (5 s connect timeout by default, TLS as the
/// URL's `sslmode` asks), sets `statement_timeout`, `lock_timeout`,
/// `idle_in_transaction_session_timeout` and `application_name=dbooster` for the session, refuses
/// dbooster's own database (422 `own_database`), runs the body and closes the connection.
/// Connection failures become 502 `target_unreachable` with the server's reason, never the password.
/// A server that accepts the connection but does not finish the handshake within `connectTimeout`
/// (TCP, TLS and authentication together) is 504 `target_timeout`. A connection still open after
/// `sessionLimit` is closed from dbooster's side and the work is answered 504 `target_timeout`
/// (a server that stops answering mid-session); the server then stops the statement within a
/// second (`client_connection_check_interval`, PostgreSQL 14+).
public struct TargetDatabase: Sendable {
    public let url: TargetURL
    public let settings: TargetSettings
    public let ownDatabase: OwnDatabaseGuard
    public let network: TargetNetworkPolicy
    public let logger: Logger

    public init(url: TargetURL, settings: TargetSettings = .standard, ownDatabase: OwnDatabaseGuard = .none,
                network: TargetNetworkPolicy = .unrestricted, logger: Logger) {
        self.url = url
        self.settings = settings
        self.ownDatabase = ownDatabase
        self.network = network
        self.logger = logger
    }

    /// Opens a connection, runs `body` and closes the connection, whatever happens.
    /// Errors thrown by `body` are rethrown unchanged.
    public func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        if let own = ownDatabase.ownURL, url.sameDatabase(as: own) { throw OwnDatabaseGuard.refusal }
        // Read before connecting: dbooster's pooled connection is never held while the target works.
        let instanceID = try await ownDatabase.instanceID()
        let connection = try await connect()
        let watchdog = Self.watchdog(closing: connection, after: settings.sessionLimit)
        defer { watchdog.cancel() }
        do {
            try await prepareSession(connection)
            if let instanceID, try await holdsInstance(instanceID, connection) { throw OwnDatabaseGuard.refusal }
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            watchdog.cancel()
            // Whatever the body saw (a closed connection), the cause was the session limit.
            guard await !watchdog.value else {
                throw timedOut("did not finish within the session limit of \(settings.sessionLimit.postgresMilliseconds) ms")
            }
            throw error
        }
    }

    /// Closes `connection` after `limit`, unless cancelled first; its value tells whether it did.
    private static func watchdog(closing connection: PostgresConnection, after limit: Duration) -> Task<Bool, Never> {
        Task {
            do {
                try await Task.sleep(for: limit)
            } catch {
                return false
            }
            try? await connection.close()
            return true
        }
    }

    // MARK: - Connecting

    private func connect() async throws -> PostgresConnection {
        let target = try await network.connectTarget(for: url, within: settings.connectTimeout)
        do {
            var configuration = PostgresConnection.Configuration(
                host: target.host, port: url.port, username: url.username, password: url.password,
                database: url.database, tls: try tls())
            configuration.options.connectTimeout = .milliseconds(Int64(settings.connectTimeout.postgresMilliseconds))
            if let serverName = target.tlsServerName { configuration.options.tlsServerName = serverName }
            configuration.options.additionalStartupParameters = [("application_name", "dbooster")]
            return try await PostgresConnection.connect(
                configuration: configuration, id: Int.random(in: 1...Int(Int32.max)), logger: logger)
        } catch let error as PSQLError where error.underlying.map(Self.isConnectTimeout) ?? false {
            throw timedOut("did not answer within the connect timeout of \(settings.connectTimeout.postgresMilliseconds) ms")
        } catch {
            throw unreachable(error)
        }
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.tls {
        case .disable:
            return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    private func prepareSession(_ connection: PostgresConnection) async throws {
        let statement = "\(settings.statementTimeout.postgresMilliseconds)"
        let lock = "\(settings.lockTimeout.postgresMilliseconds)"
        let idle = "\(settings.idleInTransactionTimeout.postgresMilliseconds)"
        do {
            try await connection.query("""
                SELECT set_config('statement_timeout', \(statement), false),
                       set_config('lock_timeout', \(lock), false),
                       set_config('idle_in_transaction_session_timeout', \(idle), false),
                       (SELECT set_config(name, '1000', false) FROM pg_settings
                        WHERE name = 'client_connection_check_interval')
                """, logger: logger)
        } catch {
            throw unreachable(error)
        }
    }

    /// Whether the target holds this installation's instance id (then it is dbooster's own database).
    private func holdsInstance(_ instanceID: UUID, _ connection: PostgresConnection) async throws -> Bool {
        let present = try await connection.query(
            "SELECT to_regclass('public.dbooster_instance') IS NOT NULL", logger: logger).first(as: Bool.self) ?? false
        guard present else { return false }
        do {
            let stored = try await connection.query(
                "SELECT instance_id FROM public.dbooster_instance", logger: logger).all(as: UUID.self)
            return stored.contains(instanceID)
        } catch {
            // A dbooster schema we may not read: refuse rather than guess.
            return true
        }
    }

    // MARK: - Errors

    /// 502 `target_unreachable` naming the server and the reason (never the password).
    func unreachable(_ error: any Error) -> TargetError {
        TargetError(.unreachable, code: "target_unreachable",
                 message: "Could not connect to the database \(url): \(Self.reason(error)).")
    }

    /// 504 `target_timeout`: the server did not answer in time (connecting, or mid-session).
    func timedOut(_ what: String) -> TargetError {
        TargetError(.timedOut, code: "target_timeout", message: "The database \(url) \(what); try again later.")
    }

    private static func isConnectTimeout(_ error: any Error) -> Bool {
        if case .connectTimeout = error as? ChannelError { return true }
        return false
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return String(describing: underlying) }
            return String(describing: error.code)
        }
        return String(describing: error)
    }
}
