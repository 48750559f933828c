// Source: AppDatabase.swift of the "samal" iOS messenger client (GRDB local cache of chats,
//   messages and an outbox; Russian UI labels) (the index gave no repository name; open it with
//   read_file id=70283756601). Excerpt.
// Classes: GRDB `db.execute(sql:arguments:)`, `fetchOne(db, sql:)`, `Int.fetchOne(db, sql:)`
//   with `?` (static), `sql:` on its own line inside a multi-line call (static), `var sql =
//   "SELECT … WHERE 1=1"` extended with `+=` (dynamic, pieces unlabelled), `IN (\(marks))` /
//   `NOT IN (\(marks))` with `\()` in a plain String handed to `db.execute(sql:)` (dynamic),
//   CASE WHEN in an UPDATE, SQLite `COLLATE NOCASE` (other-dialect), 7-decoys (GRDB query
//   interface `.filter(Column("chatID") == chatID)`, `Column("text").like("%\(query)%")`,
//   migration names "v1"/"v2", schema DSL `t.column("status", .text)`, LIKE arguments
//   `"%\(query)%"`, `Array(repeating: "?", …)`, `databaseTableName = "chats"`, status values
//   "sending"/"sent", Russian labels "Фото"/"Голос").
// Adaptations: the LocalMessage struct was left out and LocalChat / OutboxRow keep only some
//   of their stored properties (plain `var`s); migrations v2/v3, fetchMessages' `if
//   query.isEmpty` branch, upsertChats, localMessage, saveChat, insertOutgoing and preview were
//   left out. No other line was changed.

import Foundation
import GRDB

struct LocalChat: Codable, FetchableRecord, PersistableRecord, Identifiable, Hashable {
    static let databaseTableName = "chats"
    var id: String
    var type: String
    var title: String
    var lastText: String
    var lastAt: Date
}

struct OutboxRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "outbox"
    var clientID: String
    var chatID: String
    var type: String
    var payloadJSON: String
    var attempts: Int
    var nextRetry: Date
}

final class AppDatabase {
    static let shared = AppDatabase()
    let dbQueue: DatabaseQueue

    private init() {
        let dir = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("samal.sqlite")
        dbQueue = try! DatabaseQueue(path: url.path)
        try! migrator.migrate(dbQueue)
    }

    private var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "chats") { t in
                t.column("id", .text).primaryKey()
                t.column("type", .text).notNull()
                t.column("title", .text).notNull()
                t.column("avatarURL", .text)
                t.column("peerID", .text)
                t.column("lastText", .text).notNull().defaults(to: "")
                t.column("lastAt", .datetime).notNull()
                t.column("unread", .integer).notNull().defaults(to: 0)
                t.column("memberCount", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "messages") { t in
                t.column("id", .text).primaryKey()
                t.column("chatID", .text).notNull()
                t.column("authorID", .text)
                t.column("type", .text).notNull()
                t.column("text", .text).notNull().defaults(to: "")
                t.column("clientID", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("status", .text).notNull()
                t.column("isOutgoing", .boolean).notNull()
            }
            try db.create(index: "messages_chat_created", on: "messages", columns: ["chatID", "createdAt"])
            try db.create(table: "outbox") { t in
                t.column("clientID", .text).primaryKey()
                t.column("chatID", .text).notNull()
                t.column("type", .text).notNull()
                t.column("payloadJSON", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextRetry", .datetime).notNull()
            }
        }
        return m
    }

    func chat(id: String) throws -> LocalChat? {
        try dbQueue.read { db in
            if let row = try LocalChat.fetchOne(db, key: id) { return row }
            return try LocalChat.fetchOne(db, sql: "SELECT * FROM chats WHERE id = ? COLLATE NOCASE", arguments: [id]) // expect: static
        }
    }

    func fetchChats(filter: String, query: String) throws -> [LocalChat] {
        try dbQueue.read { db in
            var sql = "SELECT * FROM chats WHERE 1=1" // expect: dynamic
            var args: [any DatabaseValueConvertible] = []
            if filter == "direct" || filter == "group" {
                sql += " AND type = ?"
                args.append(filter)
            }
            if !query.isEmpty {
                sql += " AND (title LIKE ? OR lastText LIKE ?)"
                args.append("%\(query)%")
                args.append("%\(query)%")
            }
            sql += " ORDER BY lastAt DESC"
            return try LocalChat.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    func fetchMessages(chatID: String, query: String = "") throws -> [LocalMessage] {
        try dbQueue.read { db in
            return try LocalMessage
                .filter(Column("chatID") == chatID && Column("text").like("%\(query)%"))
                .order(Column("createdAt").desc)
                .fetchAll(db)
        }
    }

    func replaceChats(_ chats: [APIChat]) throws {
        Mutes.apply(chats)
        try dbQueue.write { db in
            let ids = chats.map(\.id.uuidString)
            if ids.isEmpty {
                try db.execute(sql: "DELETE FROM chats") // expect: static
            } else {
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
                try db.execute(sql: "DELETE FROM chats WHERE id NOT IN (\(marks))", arguments: StatementArguments(ids)) // expect: dynamic
            }
            for c in chats { try saveChat(c, db: db) }
        }
    }

    func deleteChats(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try dbQueue.write { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            try db.execute(sql: "DELETE FROM chats WHERE id IN (\(marks))", arguments: StatementArguments(ids)) // expect: dynamic
        }
    }

    func upsertMessages(_ msgs: [APIMessage], me: UUID) throws {
        try dbQueue.write { db in
            for m in msgs {
                if !m.clientID.isEmpty {
                    try db.execute(
                        sql: "DELETE FROM messages WHERE clientID = ? AND id != ?", // expect: static
                        arguments: [m.clientID, m.id.uuidString]
                    )
                }
                try localMessage(m, me: me).save(db)
            }
        }
    }

    func applyAck(clientID: String, serverID: String) throws {
        try dbQueue.write { db in
            let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE id = ?", arguments: [serverID]) ?? 0 // expect: static
            if n > 0 {
                try db.execute(sql: "DELETE FROM messages WHERE clientID = ? AND id != ?", arguments: [clientID, serverID]) // expect: static
                try db.execute(
                    sql: "UPDATE messages SET status = 'sent' WHERE id = ? AND status IN ('sending', 'failed')", // expect: static
                    arguments: [serverID]
                )
            } else {
                try db.execute(
                    sql: "UPDATE messages SET id = ?, status = CASE WHEN status IN ('sending', 'failed') THEN 'sent' ELSE status END WHERE clientID = ?", // expect: static
                    arguments: [serverID, clientID]
                )
            }
            try db.execute(sql: "DELETE FROM outbox WHERE clientID = ?", arguments: [clientID]) // expect: static
        }
    }

    func editLocal(id: String, text: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE messages SET text=?, edited=1 WHERE id=?", arguments: [text, id]) // expect: static
        }
    }

    func deleteLocal(id: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE messages SET deleted=1, text='' WHERE id=?", arguments: [id]) // expect: static
        }
    }

    func retryOutbox(clientID: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE outbox SET attempts=0, nextRetry=? WHERE clientID=?", arguments: [Date(), clientID]) // expect: static
            try db.execute(sql: "UPDATE messages SET status='sending' WHERE clientID=?", arguments: [clientID]) // expect: static
        }
    }

    func pendingOutbox() throws -> [OutboxRow] {
        try dbQueue.read { db in
            try OutboxRow.filter(Column("nextRetry") <= Date()).fetchAll(db)
        }
    }

    func markSent(clientID: String, server: APIMessage) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE messages SET id=?, status=?, createdAt=? WHERE clientID=?", // expect: static
                           arguments: [server.id.uuidString, server.status ?? "sent", server.createdAt, clientID])
            try db.execute(sql: "DELETE FROM outbox WHERE clientID=?", arguments: [clientID]) // expect: static
        }
    }

    func bumpOutbox(clientID: String, attempts: Int) throws {
        let delay = min(30.0, pow(2.0, Double(attempts)))
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE outbox SET attempts=?, nextRetry=? WHERE clientID=?", // expect: static
                           arguments: [attempts, Date().addingTimeInterval(delay), clientID])
            if attempts >= 3 {
                try db.execute(sql: "UPDATE messages SET status='failed' WHERE clientID=?", arguments: [clientID]) // expect: static
            }
        }
    }

    func applyReceipt(messageID: String, status: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE messages SET status=? WHERE id=?", arguments: [status, messageID]) // expect: static
        }
    }

    private func mediaLabel(_ type: String) -> String {
        switch type {
        case "photo": return "Фото"
        case "voice": return "Голос"
        case "file": return "Файл"
        case "location": return "Гео"
        default: return ""
        }
    }
}
