import GRDB

struct Store {
    let dbQueue: DatabaseQueue

    func players() throws -> [Row] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, score FROM player WHERE score > ?", arguments: [10]) // expect: static
        }
    }

    func migrate() throws {
        try dbQueue.write { db in
            // expect-next: static
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS player (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    score INTEGER NOT NULL DEFAULT 0
                )
                """)
        }
    }

    func resetScores(table: String) throws {
        try dbQueue.write { db in
            try db.execute(sql: "UPDATE \(table) SET score = 0") // expect: dynamic
        }
    }

    func delete(id: Int64) throws {
        try dbQueue.write { db in
            try db.execute(sql: "DELETE FROM player WHERE id = ?", arguments: [id]) // expect: static
        }
    }

    func labels() -> [String] {
        ["Select a file", "Update now", "Delete \(1) items"]
    }
}
