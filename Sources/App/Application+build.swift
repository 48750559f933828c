import Advisor
import AsyncHTTPClient
import Auth
import Billing
import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Insight
import Logging
import PostgresNIO
import Prometheus
import Scans
import ServiceLifecycle
import Tenancy
import Workload
import WorkloadAnalysis

/// Builds the whole HTTP application. Used by `dbooster serve` and by the tests.
func buildApplication(
    config: AppConfig,
    logger: Logger,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    httpClient: HTTPClient = .shared,
    host: String = "127.0.0.1",
    port: Int = 8000
) throws -> some ApplicationProtocol {
    let postgres = PostgresClient(configuration: try postgresConfiguration(url: config.databaseURL), backgroundLogger: logger)
    let database = Database(client: postgres, logger: logger)
    let activity = ActivityCounter()
    let (router, registry) = try buildRouter(config: config, database: database, metrics: metrics, httpClient: httpClient,
                                             activity: activity)
    let methods = Set(registry.all.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
    var app = Application(
        responder: CORSResponder(
            responder: ErrorResponder(responder: router.buildResponder(), activity: activity),
            allowedOrigins: config.corsOrigins,
            methods: methods.sorted().compactMap { HTTPRequest.Method($0) }),
        configuration: .init(address: .hostname(host, port: port), serverName: "dbooster"),
        services: [postgres] + (try scanWorkerServices(config: config, database: database, logger: logger, count: config.scanWorkers)) as [any Service],
        logger: logger
    )
    let migrations = try Migrator.load(directory: migrationsDirectory())
    app.beforeServerStarts {
        // While the database is unreachable the migration waits for a connection; SIGTERM must
        // still stop the process, so the wait ends when graceful shutdown begins.
        let applied: [Int] = try await cancelWhenGracefulShutdown {
            try await Migrator(migrations: migrations, logger: logger).run(on: postgres)
        }
        if !applied.isEmpty { logger.info("Applied migrations: \(applied)") }
    }
    return app
}

/// The router with every route and its declared policy.
func buildRouter(
    config: AppConfig, database: Database, metrics: PrometheusCollectorRegistry, httpClient: HTTPClient,
    activity: ActivityCounter = ActivityCounter()
) throws -> (Router<AppRequestContext>, PolicyRegistry) {
    let secrets = try SecretBox(key: config.encryptionKey)
    let accessTokens = try AccessTokenIssuer(secret: config.jwtSecret, lifetime: config.accessTokenLifetime,
                                             issuer: config.publicURL)
    let sessions = SessionService(
        database: database, accessTokens: accessTokens, refreshLifetime: config.refreshTokenLifetime,
        successorSecret: config.jwtSecret, reuseGrace: config.refreshReuseGrace)
    let accounts = AccountService(
        database: database,
        passwords: PasswordHashing(threads: HashingThreads(
            threads: config.hashingThreads, capacity: config.hashingQueue, share: config.hashingShare,
            activity: { activity.value })),
        rateLimiter: LoginRateLimiter(database: database, limit: config.loginRateLimit), secrets: secrets)
    let oauth = OAuthService(
        database: database, accounts: accounts, sessions: sessions, httpClient: httpClient,
        google: config.google.clientSettings, github: config.github.clientSettings,
        publicURL: config.publicURL, frontendURL: config.frontendURL, providerTimeout: config.oauthTimeout)

    let router = Router(context: AppRequestContext.self)
    let registry = PolicyRegistry()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: PolicyMiddleware(
        registry: registry, authenticator: RequestAuthenticator(accessTokens: accessTokens), database: database))

    let routes = RouteRegistrar(router: router, registry: registry)
    SystemController(database: database, metrics: metrics, openAPIDocument: try openAPIDocument(),
                     swaggerAssets: SwaggerAssets.load(from: config.swaggerUIDirectory)).register(routes)
    AuthController(sessions: sessions, accounts: accounts, oauth: oauth, secureCookies: config.secureCookies).register(routes)
    UsersController().register(routes)
    OrganizationsController(database: database).register(routes)
    InvitationsController(database: database, tokens: .init(generate: { OpaqueToken.generate() }, hash: OpaqueToken.hash))
        .register(routes)
    NotificationsController(database: database).register(routes)
    ProjectsController(database: database, seal: { try secrets.seal($0) }).register(routes)
    let billing = billingRoutes(config: config, database: database, httpClient: httpClient)
    billing.register(routes)
    scanRoutes(config: config, database: database, quota: billing.quotaGate, secrets: secrets, routes: routes)
    let targets = ProjectTargets(
        database: database, open: { try secrets.open($0) }, settings: config.target,
        ownDatabase: .reading(from: database, ownURL: config.databaseURL),
        network: .publicOnly(trusting: config.targetPrivateHosts))
    insightRoutes(config: config, database: database, targets: targets, quota: billing.quotaGate,
                  httpClient: httpClient, routes: routes)
    workloadRoutes(database: database, targets: targets, quota: billing.quotaGate, routes: routes)
    return (router, registry)
}

/// The billing feature; its `quotaGate` is what metered features (scan, explain, optimize) call.
func billingRoutes(config: AppConfig, database: Database, httpClient: HTTPClient) -> BillingRoutes {
    BillingRoutes(database: database, settings: config.stripe, limits: config.quotaLimits,
                  stripe: .live(settings: config.stripe, httpClient: httpClient))
}

/// Schema sync (`/metadata`), `POST /query/explain`, `POST /query/optimize` (the AI engine only
/// when OPENAI_API_KEY is set) and `GET /query/history`, on the projects' databases.
func insightRoutes(config: AppConfig, database: Database, targets: ProjectTargets, quota: QuotaGate,
                   httpClient: HTTPClient, routes: RouteRegistrar) {
    let history = QueryHistory(database: database)
    let ai = config.chat.isEnabled ? AIEngine(client: ChatClient(settings: config.chat, httpClient: httpClient)) : nil
    MetadataController(database: database, targets: targets).register(routes)
    ExplainController(targets: targets, history: history, quota: quota, logger: database.logger).register(routes)
    OptimizeController(database: database, targets: targets, history: history, quota: quota,
                       optimizer: QueryOptimizer(ai: ai)).register(routes)
    history.register(routes)
}

/// `POST /workload/analyze` and the stored runs. The Workload feature imports neither Insight nor
/// Scans: it gets the project's database from Insight's `ProjectTargets` and the scanned
/// statements' locations (repository, file, line by fingerprint) from Scans' `ScannedLocations`
/// as closures wired here.
func workloadRoutes(database: Database, targets: ProjectTargets, quota: QuotaGate, routes: RouteRegistrar) {
    let scanned = ScannedLocations(database: database)
    WorkloadController(
        store: WorkloadStore(database: database), quota: quota,
        resolveTarget: { projectID, context in
            let project = try await targets.resolve(projectID, context: context)
            return (project.projectID, targets.target(project, logger: database.logger))
        },
        locate: { fingerprints, scope in
            try await scanned.locations(fingerprints: fingerprints, scope: scope).mapValues { found in
                found.map { CodeLocation(repository: $0.repository, file: $0.file, line: $0.line) }
            }
        }).register(routes)
}

/// Repositories, scans and the queries they found.
func scanRoutes(config: AppConfig, database: Database, quota: QuotaGate, secrets: SecretBox, routes: RouteRegistrar) {
    ReposController(database: database, api: .live(settings: config.scans), settings: config.scans, quota: quota,
                    openToken: { try secrets.open($0) }).register(routes)
    ScansController(database: database).register(routes)
    QueriesController(database: database).register(routes)
}

// MARK: - Resources and settings

/// `Migrations/` of the source tree, or `DBOOSTER_MIGRATIONS` when installed elsewhere.
func migrationsDirectory() -> URL {
    if let path = ProcessInfo.processInfo.environment["DBOOSTER_MIGRATIONS"], !path.isEmpty {
        return URL(fileURLWithPath: path)
    }
    let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Migrations"),
        sourceRoot.appendingPathComponent("Migrations"),
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
}

func openAPIDocument() throws -> Data {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
        throw AppConfig.MissingSetting(key: "openapi.json", hint: "the bundled OpenAPI document is missing")
    }
    return try Data(contentsOf: url)
}

/// PostgresClient settings from a `postgresql://` URL (`sslmode=require|verify-full` turns TLS on).
func postgresConfiguration(url: String) throws -> PostgresClient.Configuration {
    guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
          let host = components.host.flatMap({ $0.isEmpty ? nil : $0 })
            ?? components.queryItems?.first(where: { $0.name == "host" })?.value else {
        throw AppConfig.MissingSetting(key: "DATABASE_URL", hint: "expected postgresql://user:password@host:port/database")
    }
    let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    let tls: PostgresClient.Configuration.TLS
    switch query["sslmode"] {
    case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
    case "prefer": tls = .prefer(.makeClientConfiguration())
    default: tls = .disable
    }
    let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    var configuration: PostgresClient.Configuration
    if host.hasPrefix("/") {
        configuration = .init(unixSocketPath: "\(host)/.s.PGSQL.\(components.port ?? 5432)",
                              username: components.user ?? "postgres", password: components.password,
                              database: database.isEmpty ? nil : database)
    } else {
        configuration = .init(host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
                              password: components.password, database: database.isEmpty ? nil : database, tls: tls)
    }
    configuration.options.maximumConnections = Int(query["pool_max"] ?? "") ?? 20
    return configuration
}

extension AppConfig.OAuthClientSettings {
    var clientSettings: OAuthClientSettings? {
        guard let clientID, !clientID.isEmpty, let clientSecret, !clientSecret.isEmpty else { return nil }
        return OAuthClientSettings(clientID: clientID, clientSecret: clientSecret, authorizeURL: authorizeURL,
                                   tokenURL: tokenURL, identityURL: userInfoURL, jwksURL: jwksURL)
    }
}
