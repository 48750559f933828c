// Source: three GRDB apps using SQL literals (the index gave no repository names; open them with
// read_file id=…):
//   (a) id 67410157237  NanoKit ReactionListQuery: SQLRequest<Row>(literal: """…\(groupId)…""")
//   (b) id 56146757938  Traces IndexStore: `let request: SQLRequest<Row> = """…IN \(ids)"""`,
//                       db.execute(sql: """…""", arguments: […]) upsert
//   (c) id 60836200512  Applite CaskDatabaseService, excerpt: FTS5 MATCH \(pattern) + bm25,
//                       Row.fetchAll(db, sql:), db.execute(literal:) INSERT OR REPLACE
// Classes: 4-placeholders (GRDB SQL interpolation `\(value)` in SQLRequest / `literal:` is a bind
//   parameter, `\(array)` after IN expands to bind markers, `?` with `arguments:`), Swift `"""`
//   literals opening on the line after `sql:`/`literal:` or after `=` (expect-next),
//   ON CONFLICT(id) DO UPDATE … excluded.*, other-dialect (SQLite FTS5 `MATCH`, `bm25()`,
//   INSERT OR REPLACE, `rowid`), 7-decoys (GRDB query interface `.filter(Column("tap") !=
//   "homebrew/cask")`, `.order(Column(…))`, `tokens.contains(Column("token"))`, row["fingerprint"]
//   keys, logger texts "Syncing … casks to database", doc comments naming FTS5/BM25/triggers).
// Adaptations: concatenated under `// ---- (x)` separators; file header comments of (b)/(c) kept,
//   their repeated `import` lines kept as comments; from (c) fetchCask, fetchPopularCasks,
//   caskCount, hasCasks, shouldSync, getLastSyncDate()/setLastSyncDate(_:) (async wrappers),
//   deleteAll and the CaskRecord extension were left out; `// expect-next:` comment lines were
//   added before literals whose opening line ends inside the literal.
// Decision (README-B.md): GRDB's SQL interpolation binds `\(value)` and expands `\(collection)`
//   into `(?, ?, …)` → static, like the HeldOut PostgresNIO rule; only `\()` in a plain String
//   is dynamic.

// ---- (a) id 67410157237
//
//  ReactionListQuery.swift
//  NanoKit
//
//  Created by Richard Henry on 4/8/24.
//

import Foundation
import GRDB

public struct ReactionListQuery: Query {
    public var groupId: GroupID
    public var targetId: MessageID

    public init(groupId: GroupID, targetId: MessageID) {
        self.groupId = groupId
        self.targetId = targetId
    }

    public struct Item: Identifiable {
        public var id: MessageID { reaction.id }
        public var reaction: ReactionModel
        public var user: UserModel?
    }

    public func fetch(_ db: Database) throws -> [Item] {
        let request = SQLRequest<Row>(
            // expect-next: static
            literal: """
                    SELECT * FROM reaction
                    INNER JOIN user
                        ON reaction_user_id = user_id
                    WHERE reaction_group_id = \(groupId)
                        AND reaction_target_id = \(targetId)
                        AND reaction_base IS NOT NULL
                        AND reaction_send_state != \(ReactionModel.SendState.pendingDelete)
                    ORDER BY reaction_create_timestamp ASC
                """
        )

        return try request.fetchAll(db)
            .map {
                Item(reaction: try ReactionModel(row: $0), user: try? UserModel(row: $0))
            }
    }
}

// ---- (b) id 56146757938
//
//  IndexStore.swift
//  Traces
//
//  Created by Diogo Neves on 04/05/2026.
//
// import Foundation
// import GRDB

nonisolated struct IndexStore {
    private let dbQueue: DatabaseQueue

    init(dbQueue: DatabaseQueue) {
        self.dbQueue = dbQueue
    }
    
    func photoIDsNeedingIndex(_ inputs: [PhotoIndexInput]) throws -> Set<String> {
        guard !inputs.isEmpty else {
            return []
        }

        let ids = inputs.map(\.id)

        return try dbQueue.read { db in
            // expect-next: static
            let request: SQLRequest<Row> = """
            SELECT id, fingerprint, index_version
            FROM indexed_photo
            WHERE id IN \(ids)
            """
            let rows = try request.fetchAll(db)

            var existingByID: [String: Row] = [:]
            for row in rows {
                existingByID[row["id"]] = row
            }

            var needingIndex = Set<String>()

            for input in inputs {
                guard let row = existingByID[input.id] else {
                    needingIndex.insert(input.id)
                    continue
                }

                let storedFingerprint: String = row["fingerprint"]
                let storedIndexVersion: Int = row["index_version"]

                if storedFingerprint != input.fingerprint ||
                    storedIndexVersion != PhotoIndexInput.currentIndexVersion {
                    needingIndex.insert(input.id)
                }
            }

            return needingIndex
        }
    }

    func upsert(_ input: PhotoIndexInput, indexedAt: Date = Date()) throws {
        try dbQueue.write { db in
            try db.execute(
                // expect-next: static
                sql: """
                INSERT INTO indexed_photo (
                    id,
                    creation_date,
                    modification_date,
                    pixel_width,
                    pixel_height,
                    media_subtypes,
                    fingerprint,
                    index_version,
                    indexed_at
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    creation_date = excluded.creation_date,
                    modification_date = excluded.modification_date,
                    pixel_width = excluded.pixel_width,
                    pixel_height = excluded.pixel_height,
                    media_subtypes = excluded.media_subtypes,
                    fingerprint = excluded.fingerprint,
                    index_version = excluded.index_version,
                    indexed_at = excluded.indexed_at
                """,
                arguments: [
                    input.id,
                    input.creationDate?.timeIntervalSince1970,
                    input.modificationDate?.timeIntervalSince1970,
                    input.pixelWidth,
                    input.pixelHeight,
                    input.mediaSubtypesRawValue,
                    input.fingerprint,
                    PhotoIndexInput.currentIndexVersion,
                    indexedAt.timeIntervalSince1970
                ]
            )
        }
    }

    func indexedPhotoCount() throws -> Int {
        try dbQueue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indexed_photo") ?? 0 // expect: static
        }
    }
    
    func wipeIndex() throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM indexed_photo") // expect: static
        }
    }
}

// ---- (c) id 60836200512 (excerpt)
//
//  CaskDatabaseService.swift
//  Applite
//
//  Created by Milán Várady on 2026. 02. 10..
//
// import Foundation
// import GRDB
import OSLog

/// Service for all cask database operations
struct CaskDatabaseService {
    private let logger = Logger(
        subsystem: Bundle.main.bundleIdentifier!,
        category: String(describing: CaskDatabaseService.self)
    )

    /// The shared pool, obtained async-lazily so the (potentially slow) open never runs on the main
    /// actor at construction time — this service is created during `CaskManager` init (P2-13).
    private func pool() async throws -> DatabasePool {
        try await AppDatabase.pool()
    }

    // MARK: - Read Operations

    /// Fetches casks matching a list of tokens (checks both `token` and `fullToken` columns)
    ///
    /// Not chunked, deliberately (P2-23): this binds 2× the token count, and the catalog itself is
    /// ~7.7k casks, so reaching even SQLite's *stock* 32,766-variable limit would take an import
    /// file with more tokens than there are casks in existence. Apple's build raises the limit to
    /// 500,000 besides. Chunking here would be complexity guarding an unreachable case.
    func fetchCasks(forTokens tokens: [String]) async throws -> [CaskRecord] {
        guard !tokens.isEmpty else { return [] }
        return try await pool().read { db in
            try CaskRecord
                .filter(tokens.contains(Column("token")) || tokens.contains(Column("fullToken")))
                .fetchAll(db)
        }
    }

    /// Fetches all casks not in the default `homebrew/cask` tap, ordered by tap then name.
    /// Used to build per-tap result groups via in-memory partitioning.
    func fetchAllNonDefaultTapCasks() async throws -> [CaskRecord] {
        try await pool().read { db in
            try CaskRecord
                .filter(Column("tap") != "homebrew/cask")
                .order(Column("tap"), Column("name"))
                .fetchAll(db)
        }
    }

    // MARK: - FTS5 Search

    /// Searches casks using FTS5 full-text search with prefix matching and BM25 ranking.
    /// Uses GRDB's `FTS5Pattern(matchingAllPrefixesIn:)` so every typed token gets
    /// prefix-matched (e.g. "adobe phot" → tokens "adobe*" AND "phot*").
    func search(query: String, limit: Int = 50) async throws -> [CaskRecord] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else {
            return []
        }

        // expect-next: static
        let request: SQLRequest<CaskRecord> = """
            SELECT casks.*
            FROM casks
            JOIN cask_fts ON cask_fts.rowid = casks.rowid
            WHERE cask_fts MATCH \(pattern)
            ORDER BY bm25(cask_fts)
            LIMIT \(limit)
            """

        return try await pool().read { db in
            try request.fetchAll(db)
        }
    }

    // MARK: - Sync Operations

    /// Syncs cask records from API data: deletes removed casks and upserts all records.
    /// FTS5 stays in sync via `synchronize(withTable:)` triggers; no manual rebuild needed.
    ///
    /// - Parameter pruneTapCasks: When `false`, casks outside the default `homebrew/cask` tap are
    ///   never deleted even if absent from `records`. Pass `false` when the third-party tap fetch
    ///   failed (returned no trustworthy data) so a transient failure can't wipe every custom-tap
    ///   cask — including installed ones — from the DB.
    func syncFromAPI(records: [CaskRecord], pruneTapCasks: Bool = true) async throws {
        logger.info("Syncing \(records.count) casks to database (pruneTapCasks: \(pruneTapCasks))")

        try await pool().write { db in
            // Identity is `fullToken` throughout — matching on the bare token would delete *every*
            // tap's copy of a cask because one tap dropped it.
            let newFullTokens = Set(records.map(\.fullToken))

            // Delete casks that are no longer in the catalog. When tap data is untrusted
            // (`pruneTapCasks == false`), protect every non-default-tap cask from deletion.
            let existing = try Row.fetchAll(db, sql: "SELECT fullToken, tap FROM casks") // expect: static
            let toDelete: [String] = existing.compactMap { row in
                let fullToken: String = row["fullToken"]
                if newFullTokens.contains(fullToken) { return nil }
                if !pruneTapCasks {
                    let tap: String? = row["tap"]
                    if tap != "homebrew/cask" { return nil }
                }
                return fullToken
            }
            if !toDelete.isEmpty {
                try CaskRecord
                    .filter(toDelete.contains(Column("fullToken")))
                    .deleteAll(db)
                logger.info("Removed \(toDelete.count) casks no longer in catalog")
            }

            // Upsert all records. The FTS5 sync triggers from
            // `synchronize(withTable: "casks")` keep `cask_fts` in lock-step,
            // so no explicit rebuild is needed.
            for record in records {
                try record.upsert(db)
            }

            // Update last sync timestamp
            try setLastSyncDate(Date.now, in: db)
        }

        logger.info("Database sync completed")
    }

    // MARK: - Metadata

    /// Reads the last sync date using an existing database connection.
    /// Use from inside an outer `dbPool.read`/`write` block to avoid a nested transaction.
    private func getLastSyncDate(in db: Database) throws -> Date? {
        // expect-next: static
        let request: SQLRequest<String> = """
            SELECT value FROM metadata WHERE key = 'lastSyncDate'
            """
        guard let value = try request.fetchOne(db) else { return nil }
        return try? Date(value, strategy: .iso8601)
    }

    /// Writes the last sync date using an existing database connection.
    /// Use from inside an outer `dbPool.write` block to avoid a nested transaction.
    private func setLastSyncDate(_ date: Date, in db: Database) throws {
        // expect-next: static
        try db.execute(literal: """
            INSERT OR REPLACE INTO metadata (key, value)
            VALUES ('lastSyncDate', \(date.ISO8601Format()))
            """)
    }
}
