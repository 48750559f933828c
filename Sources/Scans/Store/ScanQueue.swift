import Database
import Extraction
import Foundation
import Logging
import PostgresNIO

/// A scan picked from the queue, leased to one worker.
public struct ScanJob: Sendable, Equatable {
    public let organizationID: UUID
    public let id: UUID
    public let projectID: UUID?
    public let requestedBy: UUID?
    public let repository: RepositoryURL
    public let branch: String
    /// Which run this is (1 for the first); part of the lease, so a stale worker cannot write.
    public let attempt: Int
}

/// The scans table as a job queue: rows are picked with `FOR UPDATE SKIP LOCKED` on the system
/// path and leased (`locked_by`, `locked_until`); a lease that is not renewed expires, and
/// the scan is picked again until `maxAttempts` runs have been used.
public struct ScanQueue: Sendable {
    let database: Database
    /// Unique per worker (host, process, random).
    public let workerID: String
    let lease: TimeInterval
    let maxAttempts: Int

    public init(database: Database, workerID: String, lease: TimeInterval, maxAttempts: Int) {
        self.database = database
        self.workerID = workerID
        self.lease = lease
        self.maxAttempts = maxAttempts
    }

    /// Leases the oldest queued scan, or one whose lease expired.
    public func pick() async throws -> ScanJob? {
        let (worker, lease, maxAttempts) = (workerID, lease, maxAttempts)
        let row = try await database.withSystem { transaction in
            try await transaction.query("""
                UPDATE scans SET status = 'running', attempts = attempts + 1, locked_by = \(worker),
                       locked_until = clock_timestamp() + make_interval(secs => \(lease)),
                       started_at = COALESCE(started_at, clock_timestamp())
                WHERE (organization_id, id) IN (
                    SELECT organization_id, id FROM scans
                    WHERE (status = 'queued' OR (status = 'running' AND locked_until < clock_timestamp()))
                      AND attempts < \(maxAttempts)
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING organization_id, id, project_id, requested_by, host, owner, repo, branch, attempts
                """).first(as: (UUID, UUID, UUID?, UUID?, String, String, String, String, Int).self)
        }
        guard let row else { return nil }
        return ScanJob(organizationID: row.0, id: row.1, projectID: row.2, requestedBy: row.3,
                       repository: RepositoryURL(trustedHost: row.4, owner: row.5, repo: row.6),
                       branch: row.7, attempt: row.8)
    }

    /// Renews the lease and records progress; false when the lease was lost to another worker.
    public func heartbeat(_ job: ScanJob, progress: ScanProgress) async throws -> Bool {
        let (worker, lease) = (workerID, lease)
        return try await database.withSystem { transaction in
            try await transaction.query("""
                UPDATE scans SET locked_until = clock_timestamp() + make_interval(secs => \(lease)),
                       files_total = \(progress.filesTotal), files_scanned = \(progress.filesScanned),
                       queries_found = \(progress.queriesFound)
                WHERE organization_id = \(job.organizationID) AND id = \(job.id) AND status = 'running'
                  AND locked_by = \(worker) AND attempts = \(job.attempt)
                RETURNING 1
                """).first(as: Int.self) != nil
        }
    }

    /// Ends a scan as succeeded (`error` nil) or failed, and notifies the requester.
    @discardableResult
    public func finish(_ job: ScanJob, progress: ScanProgress, skipped: Int, error: String?) async throws -> Bool {
        let worker = workerID
        let status = error == nil ? "succeeded" : "failed"
        return try await database.withSystem { transaction in
            guard try await transaction.query("""
                UPDATE scans SET status = \(status), error = \(error), finished_at = clock_timestamp(),
                       locked_by = NULL, locked_until = NULL, skipped_entries = \(skipped),
                       files_total = \(progress.filesTotal), files_scanned = \(progress.filesScanned),
                       queries_found = \(progress.queriesFound)
                WHERE organization_id = \(job.organizationID) AND id = \(job.id) AND status = 'running'
                  AND locked_by = \(worker) AND attempts = \(job.attempt)
                RETURNING 1
                """).first(as: Int.self) != nil else { return false }
            if let user = job.requestedBy {
                let name = "\(job.repository.owner)/\(job.repository.repo)@\(job.branch)"
                let title = error == nil ? "Scan of \(name) finished" : "Scan of \(name) failed"
                let body = error ?? "\(progress.queriesFound) SQL statements found in \(progress.filesScanned) files."
                try await Notifications.send(on: transaction, organizationID: job.organizationID,
                                             userID: user, kind: "scan_finished", title: title, body: body)
            }
            return true
        }
    }

    /// Puts a scan back in the queue (graceful shutdown); the run does not count as an attempt.
    public func release(_ job: ScanJob) async throws {
        let worker = workerID
        try await database.withSystem { transaction in
            try await transaction.query("""
                UPDATE scans SET status = 'queued', locked_by = NULL, locked_until = NULL, attempts = attempts - 1
                WHERE organization_id = \(job.organizationID) AND id = \(job.id) AND status = 'running'
                  AND locked_by = \(worker) AND attempts = \(job.attempt)
                """)
        }
    }

    /// Fails scans whose lease expired after their last allowed attempt, and notifies the requesters.
    public func failAbandoned() async throws {
        let maxAttempts = maxAttempts
        try await database.withSystem { transaction in
            let rows = try await transaction.query("""
                UPDATE scans SET status = 'failed', finished_at = clock_timestamp(), locked_by = NULL, locked_until = NULL,
                       error = 'the scan was interrupted ' || attempts || ' times (its worker stopped); giving up'
                WHERE status = 'running' AND locked_until < clock_timestamp() AND attempts >= \(maxAttempts)
                RETURNING organization_id, requested_by, owner || '/' || repo
                """).all(as: (UUID, UUID?, String).self)
            for (organization, user, name) in rows {
                guard let user else { continue }
                try await Notifications.send(on: transaction, organizationID: organization, userID: user,
                                             kind: "scan_finished", title: "Scan of \(name) failed",
                                             body: "The scan was interrupted too many times.")
            }
        }
    }
}

extension RepositoryURL {
    /// A repository read back from a row that was checked when the scan was queued.
    init(trustedHost host: String, owner: String, repo: String) {
        self.host = host
        self.owner = owner
        self.repo = repo
    }
}
