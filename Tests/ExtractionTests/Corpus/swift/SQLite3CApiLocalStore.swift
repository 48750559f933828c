// Source: read_file / find_string index id 57964917807 (the index gave no repository name):
// "LocalStore", an actor wrapping an on-device SQLite database of a video-library client
// (logger subsystem "com.dsm.dsvideo", database file "dsreel.db"), using the SQLite C API directly.
// Classes: SQLite C API sqlite3_prepare_v2(db, "…") / sqlite3_exec through two project wrappers
// (exec, execThrows), short statements (PRAGMA, BEGIN TRANSACTION, COMMIT), one multi-statement
// """ literal (3 CREATE TABLE, 2 INSERT OR IGNORE, 3 CREATE INDEX: in-literal labels), statements in
// `let sql = """` later passed to sqlite3_prepare_v2, ON CONFLICT … DO UPDATE with excluded.*,
// `SELECT \(Self.itemSelectColumns)` in a plain String (dynamic), `VALUES('item_seq', \(seq))`
// (dynamic), SQLite INSERT OR IGNORE / INSERT OR REPLACE (hard cases), decoys (column-list constant,
// "item_seq" keys, file names, comments naming SQL features).
// Adaptations: excerpt; applyFileProtection, setupLogged/setup, migrateFromJSONCache, queryRails,
// fetchItems, hasItems, itemFromStatement / colText / colOptInt, upsertSingleProgress (a copy of
// upsertProgress's statement), the LocalStoreError enum, the `shared` singleton and the
// SyncCursors / HomeRails structs were dropped; in upsertItems the bind calls for columns 8-13
// were dropped. Three expect-next comment lines of their own were added before `let sql = """`
// lines whose previous line already carried a label or a comment. Otherwise verbatim.
import Foundation
import SQLite3
import os.log

// SQLITE_TRANSIENT is a C function pointer that Swift can't import directly.
// nonisolated(unsafe) prevents the compiler from inferring @MainActor on this constant.
private nonisolated(unsafe) let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

// MARK: - LocalStore

/// Actor wrapping a SQLite database on-device.
/// Replaces the JSON-file HomeCache with an indexed, queryable store.
/// All public methods are nonisolated-safe to call from any context.
actor LocalStore {
  private var db: OpaquePointer?
  private let log = Logger(subsystem: "com.dsm.dsvideo", category: "LocalStore")

  private init() {}

  // MARK: - Schema

  private func openDatabase() throws {
    guard let docs = FileManager.default.urls(for: .documentDirectory, in: .userDomainMask).first else {
      throw LocalStoreError.cannotLocateDocuments
    }
    let dbURL = docs.appendingPathComponent("dsreel.db")
    if sqlite3_open(dbURL.path, &db) != SQLITE_OK {
      throw LocalStoreError.openFailed(String(cString: sqlite3_errmsg(db)))
    }
    // WAL mode for concurrent reads during writes
    exec("PRAGMA journal_mode=WAL") // expect: static
    exec("PRAGMA synchronous=NORMAL") // expect: static
    exec("PRAGMA foreign_keys=ON") // expect: static
  }

  private func migrate() throws { // expect-next: static
    try execThrows("""
      CREATE TABLE IF NOT EXISTS items (
        id               TEXT PRIMARY KEY,
        library_id       TEXT NOT NULL,
        type             TEXT NOT NULL,
        title            TEXT NOT NULL,
        year             INTEGER,
        duration_seconds INTEGER,
        added_at         TEXT NOT NULL,
        rating           REAL,
        poster_image_id  TEXT,
        backdrop_image_id TEXT,
        show_name        TEXT,
        season_number    INTEGER,
        episode_number   INTEGER,
        change_seq       INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE IF NOT EXISTS progress ( -- expect: static
        item_id          TEXT PRIMARY KEY,
        position_seconds INTEGER NOT NULL,
        duration_seconds INTEGER NOT NULL,
        updated_at       TEXT NOT NULL
      );

      CREATE TABLE IF NOT EXISTS sync_cursors ( -- expect: static
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL DEFAULT 0
      );

      INSERT OR IGNORE INTO sync_cursors(key, value) VALUES ('item_seq', 0); -- expect: static
      INSERT OR IGNORE INTO sync_cursors(key, value) VALUES ('progress_seq', 0); -- expect: static

      CREATE INDEX IF NOT EXISTS idx_items_added_at    ON items(added_at DESC); -- expect: static
      CREATE INDEX IF NOT EXISTS idx_items_change_seq  ON items(change_seq); -- expect: static
      CREATE INDEX IF NOT EXISTS idx_progress_updated  ON progress(updated_at DESC); -- expect: static
    """)
  }

  // MARK: - Items

  func upsertItems(_ items: [ItemSummary]) {
    guard let db else { return }
    exec("BEGIN TRANSACTION") // expect: static
    // expect-next: static
    let sql = """
      INSERT INTO items(id, library_id, type, title, year, duration_seconds, added_at,
                        rating, poster_image_id, backdrop_image_id, show_name,
                        season_number, episode_number, change_seq)
      VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT(id) DO UPDATE SET
        library_id=excluded.library_id,
        type=excluded.type,
        title=excluded.title,
        year=excluded.year,
        duration_seconds=excluded.duration_seconds,
        added_at=excluded.added_at,
        rating=excluded.rating,
        poster_image_id=excluded.poster_image_id,
        backdrop_image_id=excluded.backdrop_image_id,
        show_name=excluded.show_name,
        season_number=excluded.season_number,
        episode_number=excluded.episode_number,
        change_seq=excluded.change_seq
    """
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }

    for item in items {
      sqlite3_reset(stmt)
      sqlite3_bind_text(stmt, 1, item.id, -1, SQLITE_TRANSIENT)
      sqlite3_bind_text(stmt, 2, item.libraryId ?? "lib_unknown", -1, SQLITE_TRANSIENT)
      sqlite3_bind_text(stmt, 3, item.type, -1, SQLITE_TRANSIENT)
      sqlite3_bind_text(stmt, 4, item.title, -1, SQLITE_TRANSIENT)
      if let year = item.year { sqlite3_bind_int(stmt, 5, Int32(year)) } else { sqlite3_bind_null(stmt, 5) }
      if let dur = item.durationSeconds { sqlite3_bind_int(stmt, 6, Int32(dur)) } else { sqlite3_bind_null(stmt, 6) }
      sqlite3_bind_text(stmt, 7, item.addedAt, -1, SQLITE_TRANSIENT)
      sqlite3_bind_int64(stmt, 14, Int64(item.changeSeq ?? 0))
      sqlite3_step(stmt)
    }
    exec("COMMIT") // expect: static
  }

  func deleteItems(_ ids: [String]) {
    guard !ids.isEmpty, let db else { return }
    exec("BEGIN TRANSACTION") // expect: static
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "DELETE FROM items WHERE id = ?", -1, &stmt, nil) // expect: static
    defer { sqlite3_finalize(stmt) }
    for id in ids {
      sqlite3_reset(stmt)
      sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT)
      sqlite3_step(stmt)
    }
    exec("COMMIT") // expect: static
  }

  // MARK: - Progress

  func upsertProgress(_ progress: [String: ItemProgress]) {
    guard !progress.isEmpty, let db else { return }
    exec("BEGIN TRANSACTION") // expect: static
    // expect-next: static
    let sql = """
      INSERT INTO progress(item_id, position_seconds, duration_seconds, updated_at)
      VALUES(?,?,?,?)
      ON CONFLICT(item_id) DO UPDATE SET
        position_seconds=excluded.position_seconds,
        duration_seconds=excluded.duration_seconds,
        updated_at=excluded.updated_at
    """
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, sql, -1, &stmt, nil)
    defer { sqlite3_finalize(stmt) }
    for (itemId, p) in progress {
      sqlite3_reset(stmt)
      sqlite3_bind_text(stmt, 1, itemId, -1, SQLITE_TRANSIENT)
      sqlite3_bind_int(stmt, 2, Int32(p.positionSeconds))
      sqlite3_bind_int(stmt, 3, Int32(p.durationSeconds))
      sqlite3_bind_text(stmt, 4, p.updatedAt, -1, SQLITE_TRANSIENT)
      sqlite3_step(stmt)
    }
    exec("COMMIT") // expect: static
  }

  // MARK: - Rails Queries

  // Shared 17-column projection used by all three rail queries.
  private static let itemSelectColumns = """
    i.id, i.library_id, i.type, i.title, i.year, i.duration_seconds,
    i.added_at, i.rating, i.poster_image_id, i.backdrop_image_id,
    i.show_name, i.season_number, i.episode_number, i.change_seq,
    p.position_seconds, p.duration_seconds, p.updated_at
    """

  private func queryContinueWatching() -> [ItemSummary] { // expect-next: dynamic
    let sql = """
      SELECT \(Self.itemSelectColumns)
      FROM items i
      JOIN progress p ON p.item_id = i.id
      WHERE p.duration_seconds > 0
        AND CAST(p.position_seconds AS REAL) / p.duration_seconds BETWEEN 0.02 AND 0.95
      ORDER BY p.updated_at DESC
      LIMIT 20
    """
    return fetchItems(sql: sql, deduplicateByShow: true, maxCount: 10)
  }

  private func queryJustAdded() -> [ItemSummary] {
    // Show recently-added items that have not been started (< 5% watched).
    // Mirrors the iOS home rail: exclude in-progress (>= 5%) and fully-watched (>= 95%)
    // items, which belong in Continue Watching / Recently Watched respectively.
    // expect-next: dynamic
    let sql = """
      SELECT \(Self.itemSelectColumns)
      FROM items i
      LEFT JOIN progress p ON p.item_id = i.id
      WHERE p.item_id IS NULL
         OR p.duration_seconds = 0
         OR CAST(p.position_seconds AS REAL) / p.duration_seconds < 0.05
      ORDER BY i.added_at DESC
      LIMIT 20
    """
    return fetchItems(sql: sql, deduplicateByShow: true, maxCount: 10)
  }

  private func queryRecentlyWatched() -> [ItemSummary] { // expect-next: dynamic
    let sql = """
      SELECT \(Self.itemSelectColumns)
      FROM items i
      JOIN progress p ON p.item_id = i.id
      WHERE p.duration_seconds > 0
        AND CAST(p.position_seconds AS REAL) / p.duration_seconds >= 0.95
      ORDER BY p.updated_at DESC
      LIMIT 20
    """
    return fetchItems(sql: sql, deduplicateByShow: true, maxCount: 10)
  }

  func totalItemCount() -> Int {
    guard let db else { return 0 }
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM items", -1, &stmt, nil) // expect: static
    defer { sqlite3_finalize(stmt) }
    guard sqlite3_step(stmt) == SQLITE_ROW else { return 0 }
    return Int(sqlite3_column_int(stmt, 0))
  }

  // MARK: - Sync Cursors

  func getSyncCursors() -> SyncCursors {
    guard let db else { return SyncCursors(itemSeq: 0, progressSeq: 0) }
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT key, value FROM sync_cursors", -1, &stmt, nil) // expect: static
    defer { sqlite3_finalize(stmt) }
    var itemSeq = 0
    var progressSeq = 0
    while sqlite3_step(stmt) == SQLITE_ROW {
      let key = String(cString: sqlite3_column_text(stmt, 0))
      let val = Int(sqlite3_column_int64(stmt, 1))
      if key == "item_seq" { itemSeq = val }
      else if key == "progress_seq" { progressSeq = val }
    }
    return SyncCursors(itemSeq: itemSeq, progressSeq: progressSeq)
  }

  func setSyncCursors(_ cursors: SyncCursors) {
    guard let db else { return }
    var stmt: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO sync_cursors(key, value) VALUES(?,?)", -1, &stmt, nil) // expect: static
    defer { sqlite3_finalize(stmt) }
    for (key, val) in [("item_seq", cursors.itemSeq), ("progress_seq", cursors.progressSeq)] {
      sqlite3_reset(stmt)
      sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT)
      sqlite3_bind_int64(stmt, 2, Int64(val))
      sqlite3_step(stmt)
    }
  }

  func setItemSeq(_ seq: Int) {
    guard db != nil else { return }
    exec("INSERT OR REPLACE INTO sync_cursors(key, value) VALUES('item_seq', \(seq))") // expect: dynamic
  }

  func setProgressSeq(_ seq: Int) {
    guard db != nil else { return }
    exec("INSERT OR REPLACE INTO sync_cursors(key, value) VALUES('progress_seq', \(seq))") // expect: dynamic
  }

  // MARK: - Clear

  func clearAll() {
    exec("DELETE FROM items") // expect: static
    exec("DELETE FROM progress") // expect: static
    exec("INSERT OR REPLACE INTO sync_cursors(key, value) VALUES('item_seq', 0)") // expect: static
    exec("INSERT OR REPLACE INTO sync_cursors(key, value) VALUES('progress_seq', 0)") // expect: static
  }

  // MARK: - Helpers

  @discardableResult
  private func exec(_ sql: String) -> Bool {
    guard let db else { return false }
    return sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK
  }

  private func execThrows(_ sql: String) throws {
    guard let db else { throw LocalStoreError.notOpen }
    var errMsg: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &errMsg) != SQLITE_OK {
      let msg = errMsg.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(errMsg)
      throw LocalStoreError.execFailed(msg)
    }
  }
}
