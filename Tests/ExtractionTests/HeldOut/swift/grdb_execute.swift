// Source: GRDB apps found with find_string 'try db.execute(sql: """' (ids 55193426485,
// 71581132150, 57462249445, 44333953900, 59797632805, 69428566735); repository names not
// returned. Excerpts verbatim, concatenated (the ids already in the labelled corpus were skipped).
// Classes: db.execute(sql: """ multi-line literals (expect-next), fetchOne(db, sql: "..."),
//          arguments: [...], ON CONFLICT upserts with CAST, \(x) in a plain SQL literal
//          (dynamic), IN (\(placeholders)) (dynamic), decoys (logger messages, metadata keys,
//          a doc comment naming a table, Chinese comments).
import GRDB

actor SQLiteCache {
  init(path dbPath: String, logger: Logger) throws {
    self.logger = logger
    var config = Configuration()
    config.label = "com.thesocialwire.sqlite"
    self.db = try DatabasePool(path: dbPath, configuration: config)
    try self.db.write { db in
      try SQLiteCache.migrate(db)
    }
    logger.info("SQLiteCache initialised", metadata: ["path": "\(dbPath)"])
  }

  // MARK: - Schema migrations

  private static func migrate(_ db: Database) throws {
    // expect-next: static
    try db.execute(sql: """
      CREATE TABLE IF NOT EXISTS discovery_cache (
        user_did       TEXT NOT NULL,
        publication_id TEXT NOT NULL,
        author_did     TEXT NOT NULL,
        author_handle  TEXT,
        title          TEXT NOT NULL,
        avatar_url     TEXT,
        discovered_at  TEXT NOT NULL,
        PRIMARY KEY (user_did, publication_id)
      );
      """)
  }
}

/// The free-tier counter (`spec/billing.md`): `app_state.issued_invoice_count` and this device's
/// `free_counter_mirror`, both local and never decreased.
enum FreeTierCounter {
    static let key = "issued_invoice_count"

    static func increment(now: Int64, db: Database) throws {
        // expect-next: static
        try db.execute(sql: """
            INSERT INTO app_state (key, value) VALUES (?, '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
            """, arguments: [key])
        if var device = try DeviceStateRecord.current(db) {
            device.freeCounterMirror += 1
            device.updatedAt = now
            try device.update(db)
        }
    }

    static func count(_ db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM app_state WHERE key = ?", arguments: [key]) // expect: static
            .flatMap { Int($0) } ?? 0
    }
}

public actor EntitlementStore {
    public func currentState() async throws -> EntitlementState {
        let owned = try await storefront.currentEntitlements()
        let used = try await reader.read { db -> Int in
            let row = try Row.fetchOne(db, sql: "SELECT value FROM app_settings WHERE key = 'aiMonthlyUsed'") // expect: static
            guard let row else { return 0 }
            return Int(row["value"] as String? ?? "") ?? 0
        }
        return EntitlementState(ownedProducts: owned, aiMonthlyUsed: used)
    }

    public func recordAIUse() async throws {
        try await writer.write { db in
            // expect-next: static
            try db.execute(sql: """
                INSERT INTO app_settings (key, value) VALUES ('aiMonthlyUsed', '1')
                ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
                """)
        }
    }
}

final class ImageContainerDao {
    func deleteContainer(path: String, deleteImage: Bool) -> ExecuteState {
        let db = PostgresConnection.database()
        do {
            // delete container-self
            // expect-next: dynamic
            try db.execute(sql: """
                DELETE FROM "ImageContainer" WHERE "path"='\(path)'
                """)
            // delete sub-containers
            // expect-next: dynamic
            try db.execute(sql: """
                DELETE FROM "ImageContainer" WHERE "path" LIKE '\(path.withStash())%'
                """)
            // delete images
            if deleteImage {
                // expect-next: dynamic
                try db.execute(sql: """
                    DELETE FROM "Image" WHERE "path" LIKE '\(path.withStash())%'
                    """)
            }
            return .OK
        } catch {
            print(error)
            return .ERROR
        }
    }
}

extension TrendsStore {
    func replaceServerTrends(_ posts: [TrendPost], sourceURL: String, arrived: [String], ms: Int64) async throws {
        try await write { db in
            guard !arrived.isEmpty else { return }
            let placeholders = Array(repeating: "?", count: arrived.count).joined(separator: ", ")
            // expect-next: dynamic
            try db.execute(sql: """
                UPDATE server_trends SET removed_at = ?, updated_at = ?
                WHERE source_url = ? AND removed_at IS NULL AND merge_key NOT IN (\(placeholders))
                """, arguments: StatementArguments([ms, ms, sourceURL] as [any DatabaseValueConvertible])
                    + StatementArguments(arrived))
        }
    }
}

extension AppDatabase {
    static func migrateFoldOrder(_ db: Database) throws {
        try db.create(table: "workout_sets_new") { t in
            t.column("id", .text).primaryKey()
            t.column("set_type", .text).notNull().defaults(to: "normal")
            t.column("fold_order", .integer).notNull().defaults(to: 0)
        }
        // expect-next: static
        try db.execute(sql: """
            INSERT INTO workout_sets_new
                (id, session_id, exercise_id, set_index, weight_kg, reps,
                 set_type, side, pair_id, est_1rm_kg, is_pending_sync, fold_order)
            SELECT id, session_id, exercise_id, set_index, weight_kg, reps,
                   set_type, side, pair_id, est_1rm_kg, is_pending_sync, 0
            FROM workout_sets
            """)
        try db.drop(table: "workout_sets")
        try db.rename(table: "workout_sets_new", to: "workout_sets")
    }
}
