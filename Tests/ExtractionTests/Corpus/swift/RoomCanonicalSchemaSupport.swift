// Source: an iOS app sharing an Android Room schema through GRDB — RoomCanonicalSchemaSupport
// (found with find_string, index id 62873792215; the index did not return the repository name).
// Excerpt: createAllTables, createRoomMasterTable, hasValidIdentityHash,
// assertForeignKeyCheckIsEmpty, columnNames, roomSQL, quote. Code unchanged; the long Chinese
// "SQL 目的" comments are kept (they mention SQL but are comments, not literals).
// Classes: short (PRAGMA foreign_key_check, PRAGMA user_version = \(n) — dynamic, PRAGMA
//          table_info(\(quote(table))) — dynamic), SQLite INSERT OR REPLACE, statements passed
//          through a helper (roomSQL(entity.createSql, …): no literal, nothing to label),
//          decoys (the `${TABLE_NAME}` template marker replaced in roomSQL, quote()'s escaping).

import Foundation
import GRDB

nonisolated enum RoomCanonicalSchemaSupport {
    nonisolated static func createAllTables(
        _ db: Database,
        schema: RoomDatabaseSchema,
        databaseVersion: Int,
        identityHash: String
    ) throws {
        for entity in schema.entities {
            // SQL 目的：按 Android Room JSON 的 createSql 创建实体表，保留字段、主键、外键、nullable 与 AUTOINCREMENT 语义。
            try db.execute(sql: roomSQL(entity.createSql, tableName: entity.tableName))
        }

        try createRoomMasterTable(db, identityHash: identityHash)

        // SQL 目的：写入 SQLite user_version，作为双端备份恢复与迁移分派的版本依据。
        try db.execute(sql: "PRAGMA user_version = \(databaseVersion)") // expect: dynamic
    }

    nonisolated static func createRoomMasterTable(_ db: Database, identityHash: String) throws {
        // SQL 目的：创建 Room 内部身份表，Android Room 打开数据库时会用它识别 schema。
        // expect-next: static
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS room_master_table (
                id INTEGER PRIMARY KEY,
                identity_hash TEXT
            )
        """)

        // SQL 目的：写入当前 Room identity hash；调用方必须先确保表结构已达到对应 canonical 版本。
        // expect-next: static
        try db.execute(sql: """
            INSERT OR REPLACE INTO room_master_table (id, identity_hash)
            VALUES (42, ?)
        """, arguments: [identityHash])
    }

    nonisolated static func hasValidIdentityHash(_ db: Database, identityHash: String) throws -> Bool {
        guard try db.tableExists("room_master_table") else { return false }
        let hash = try String.fetchOne(
            db,
            // expect-next: static
            sql: """
                SELECT identity_hash
                FROM room_master_table
                WHERE id = 42
                LIMIT 1
            """
        )
        return hash == identityHash
    }

    nonisolated static func assertForeignKeyCheckIsEmpty(_ db: Database) throws {
        let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") // expect: static
        if !violations.isEmpty {
            throw RoomCanonicalSchemaError.foreignKeyViolation(violations.count)
        }
    }

    nonisolated static func columnNames(in table: String, db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(quote(table)))").compactMap { row in // expect: dynamic
            row["name"] as String?
        }
    }

    nonisolated static func roomSQL(_ sql: String, tableName: String) -> String {
        sql
            .replacingOccurrences(of: "`${TABLE_NAME}`", with: "`\(tableName)`")
            .replacingOccurrences(of: "${TABLE_NAME}", with: tableName)
    }

    nonisolated static func quote(_ identifier: String) -> String {
        "\"\(identifier.replacingOccurrences(of: "\"", with: "\"\""))\""
    }
}
