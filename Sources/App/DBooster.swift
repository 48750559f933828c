import ArgumentParser
import Database
import Foundation
import Hummingbird
import Insight
import Logging
import Metrics
import PostgresNIO
import Prometheus

/// The `dbooster` command: the server, migrations, and the command-line tools.
@main
struct DBooster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbooster",
        abstract: "Find, explain and optimize the SQL of your applications.",
        subcommands: [Serve.self, Migrate.self, ScanCommand.self, ExplainCommand.self, OptimizeCommand.self, WorkloadCommand.self, AdvisorBenchCommand.self, WorkerCommand.self],
        defaultSubcommand: Serve.self
    )
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
        let app = try buildApplication(config: config, logger: makeLogger(), metrics: registry, host: host, port: port)
        try await app.runService()
    }
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
