import ArgumentParser
import Database
import Foundation
import Hummingbird
import Insight
import Logging
import Metrics
import PostgresNIO
import Prometheus
import ServiceLifecycle

/// The `dbooster` command: the server, migrations, and the command-line tools.
@main
struct DBooster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbooster",
        abstract: "Find, explain and optimize the SQL of your applications.",
        subcommands: [Serve.self, Migrate.self, ScanCommand.self, ExplainCommand.self, OptimizeCommand.self, WorkloadCommand.self, AdvisorBenchCommand.self, WorkerCommand.self],
        defaultSubcommand: Serve.self
    )

    static func main() async {
        await main(SQLArguments.protect(Array(CommandLine.arguments.dropFirst())))
    }
}

/// A query given on the command line may start with a `--` comment; the argument parser would
/// take it for an option. Such arguments (a `-` prefix and a line break or space, which no
/// option has) are moved behind a `--` terminator, where they are read as positional values.
enum SQLArguments {
    static func protect(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        let isSQL: (String) -> Bool = { $0.hasPrefix("-") && $0.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) }
        let queries = arguments.filter(isSQL)
        guard !queries.isEmpty else { return arguments }
        return arguments.filter { !isSQL($0) } + ["--"] + queries
    }
}

/// Loads the configuration or exits with a one-line message naming the missing setting.
func loadConfigOrExit() -> AppConfig {
    do {
        return try AppConfig.load(environment: AppConfig.environment())
    } catch {
        FileHandle.standardError.write(Data("dbooster: \(error)\n".utf8))
        Foundation.exit(78)
    }
}

func makeLogger() -> Logger {
    var logger = Logger(label: "dbooster")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API (applies pending migrations first).")

    @Option(help: "Address to listen on.") var host = "0.0.0.0"
    @Option(help: "Port to listen on.") var port = 8000

    func run() async throws {
        let config = loadConfigOrExit()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = makeLogger()
        let app = try buildApplication(config: config, logger: logger, metrics: registry, host: host, port: port)
        try await runUntilTerminated([app], logger: logger)
    }
}

/// Runs `services` until they finish or SIGTERM/SIGINT arrives. Shutdown is bounded even when
/// dbooster's database is unreachable: in-flight work gets `drain` to finish (requests answered,
/// a running scan released), then everything is cancelled and the process exits — well within
/// the 10 s an orchestrator waits before SIGKILL.
func runUntilTerminated(_ services: [ServiceGroupConfiguration.ServiceConfiguration], logger: Logger,
                        drain: Duration = .seconds(6)) async throws {
    var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                  logger: logger)
    configuration.maximumGracefulShutdownDuration = drain
    configuration.maximumCancellationDuration = .seconds(2)
    try await ServiceGroup(configuration: configuration).run()
}

func runUntilTerminated(_ services: [any Service], logger: Logger) async throws {
    try await runUntilTerminated(services.map { .init(service: $0) }, logger: logger)
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    func run() async throws {
        let config = loadConfigOrExit()
        let logger = makeLogger()
        let client = PostgresClient(configuration: try postgresConfiguration(url: config.databaseURL), backgroundLogger: logger)
        let migrations = try Migrator.load(directory: migrationsDirectory())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            let applied = try await Migrator(migrations: migrations, logger: logger).run(on: client)
            print(applied.isEmpty ? "Database is up to date." : "Applied migrations: \(applied.map(String.init).joined(separator: ", "))")
            group.cancelAll()
        }
    }
}
