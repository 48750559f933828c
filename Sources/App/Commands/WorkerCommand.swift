import ArgumentParser
import Auth
import Database
import Foundation
import Insight
import Logging
import PostgresNIO
import Scans
import ServiceLifecycle

// MARK: - Service

/// A ``ScanWorker`` as a ServiceLifecycle service: on graceful shutdown it stops picking scans
/// and puts the running one back in the queue for another worker.
struct ScanWorkerService: Service {
    let worker: ScanWorker

    func run() async throws {
        await withGracefulShutdownHandler {
            await worker.run()
        } onGracefulShutdown: {
            worker.stop()
        }
    }
}

/// `count` scan workers sharing `database`, configured from `config`.
func scanWorkerServices(config: AppConfig, database: Database, logger: Logger, count: Int) throws -> [any Service] {
    guard count > 0 else { return [] }
    let secrets = try SecretBox(key: config.encryptionKey)
    let settings = config.scans
    let host = ProcessInfo.processInfo.hostName
    let process = ProcessInfo.processInfo.processIdentifier
    return (0..<count).map { _ in
        let queue = ScanQueue(database: database, workerID: "\(host):\(process):\(UUID().uuidString.prefix(8))",
                              lease: settings.lease, maxAttempts: settings.maxAttempts)
        let runner = ScanRunner(database: database, queue: queue, api: .live(settings: settings), settings: settings,
                                openToken: { try secrets.open($0) })
        return ScanWorkerService(worker: ScanWorker(queue: queue, runner: runner, pollInterval: settings.pollInterval, logger: logger))
    }
}

// MARK: - Command

/// `dbooster worker`: runs only scan workers (no HTTP server) against the configured database.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run background repository scans from the queue (no HTTP server).")

    @Option(help: "Number of scans run at once (default: SCAN_WORKERS, at least 1).") var workers: Int?

    func run() async throws {
        let config = loadConfigOrExit()
        let logger = makeLogger()
        let postgres = PostgresClient(configuration: try postgresConfiguration(url: config.databaseURL), backgroundLogger: logger)
        let database = Database(client: postgres, logger: logger)
        let services = try scanWorkerServices(config: config, database: database, logger: logger,
                                              count: max(1, workers ?? config.scanWorkers))
        try await runUntilTerminated(
            [.init(service: postgres)] + services.map {
                .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup)
            },
            logger: logger)
    }
}
