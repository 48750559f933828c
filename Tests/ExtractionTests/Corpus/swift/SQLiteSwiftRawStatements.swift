// Source: two iOS apps using SQLite.swift with raw SQL strings (the index gave no repository names;
// open them with read_file id=…):
//   (a) id 46437372844  ProjectTable (SwiftUI app, "Created by Krithik Roshan")
//   (b) id 29366816120  mon2engdict DatabaseManager (Mongolian–English dictionary), excerpt
// Classes: SQLite.swift `db.run("…")`, `db.run(sql, args…)` and `db.prepare(sql)` + `bind`,
//   statements kept in locals (`let insert = "…"`, `let query = …`, `let remove = …`, `let sql =`),
//   4-placeholders (`?`, `?1`/`?2` reused several times), Swift `"""` literal (expect-next),
//   6-dynamic (`\(order)` spliced into a plain String), other-dialect (SQLite AUTOINCREMENT,
//   COLLATE NOCASE), 7-decoys (SQLite.swift query DSL `table.filter(colId == id)`,
//   `row.update(colFav <- …)`, `table.insert(…)`, `Table("monengdict")`, `Expression<…>("…")`
//   column names, `"ASC"`/`"DESC"` values, print texts "Error creating table:", "Search query
//   failed:", a `// MARK: - Search (raw SQL with CASE WHEN ordering)` comment).
// Adaptations: (a) and (b) concatenated; (b)'s file header comment and `import` lines are kept
//   as comments (imports repeated); from (b) setFavorite and the three async wrappers were left
//   out (no SQL);
//   one `// expect-next:` comment line was added before `let sql = """`. No other line changed.

// ---- (a) id 46437372844
//
// Created by Krithik Roshan on 29/08/23.
//

import Foundation


import SwiftUI
import SQLite

class ProjectTable : ObservableObject {
    
    static let shared = ProjectTable()

    private var db = InitDataBase.shared.getDb()
    
    private init() {
        
    }

    func createTable() {
        guard let db = db else { return }

        do {
           
            try db.run("CREATE TABLE IF NOT EXISTS Project (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, userId TEXT )") // expect: static
        } catch {
            print("Error creating table: \(error)")
        }
    }

    func insert(project:Project) {
        guard let db = db else { return }

        do {
            let insert = "INSERT INTO Project (title, userId) VALUES ( ?, ?)" // expect: static
            try db.run(insert, project.title, project.userId)
        } catch {
            print("Error inserting data: \(error)")
        }
    }

    func get() -> [Project] {
        guard let db = db else { return [] }

        var projects: [Project] = []
        
        do {
            for row in try db.run("SELECT * FROM Project") { // expect: static
                let id = row[0] as! Int64
                let title = row[1] as! String
                let userId = row[2] as! String
                projects.append(Project(id: String(id), title: title, userId: userId, order: SearchFilter.OrderType.DSC))
            }
        } catch {
            print("Error retrieving data: \(error)")
        }

        print(projects)
        return projects
    }
    
    func get(id:Int64) -> [Project] {
        guard let db = db else { return [] }

        var projects: [Project] = []
        let query =  "SELECT * FROM Project WHERE userId = ?" // expect: static
        
        do {
            for row in try db.run(query, id) {
                let id = row[0] as! Int64
                let title = row[1] as! String
                let userId = row[2] as! String
                projects.append(Project(id: String(id), title: title, userId: userId, order: SearchFilter.OrderType.DSC))
            }
        } catch {
            print("Error retrieving data: \(error)")
        }

        print("project",projects)
        return projects
    }

    
    func remove(id:String) {
        guard let db = db else { return }
        
        do {
            let remove = "DELETE FROM Project WHERE id = ?" // expect: static
            try db.run(remove, id)
        } catch {
            print("Error received :\(error)")
        }
    }
}

// ---- (b) id 29366816120 (excerpt)
//
//  DatabaseManager.swift
//  mon2engdict
//
//  Created by Saik Chan on 26/02/2026.
//
// import Foundation
// import SQLite

// MARK: - Model

struct DictionaryEntry: Identifiable {
    let id: Int64
    let word: String
    let definition: String
    var isFavorite: Bool
}

// MARK: - Database Manager

class DatabaseManager: ObservableObject {
    
    static let shared = DatabaseManager()
    
    private var db: Connection?
    
    // Table & columns
    private let table = Table("monengdict")
    private let colId = Expression<Int64>("id")
    private let colWord = Expression<String>("word")
    private let colDef = Expression<String>("defination")  // matches DB column spelling
    private let colFav = Expression<Int64>("isFavorite")
    
    // MARK: - Init (copy bundle DB → writable Documents)
    
    private init() {
        do {
            let dbPath = try Self.writableDatabasePath()
            db = try Connection(dbPath)
            print("SQLite DB opened at: \(dbPath)")
            ensureIndexes()
        } catch {
            print("Failed to open database: \(error)")
        }
    }
    
    /// Copies the bundle DB to Documents on first launch so it's writable.
    private static func writableDatabasePath() throws -> String {
        let fileManager = FileManager.default
        let documentsURL = try fileManager.url(for: .documentDirectory,
                                                in: .userDomainMask,
                                                appropriateFor: nil,
                                                create: true)
        let destURL = documentsURL.appendingPathComponent("engmondict.db")
        
        if !fileManager.fileExists(atPath: destURL.path) {
            guard let bundleURL = Bundle.main.url(forResource: "engmondict", withExtension: "db") else {
                fatalError("engmondict.db not found in app bundle.")
            }
            try fileManager.copyItem(at: bundleURL, to: destURL)
            print("Database copied to Documents.")
        }
        
        return destURL.path
    }
    
    // MARK: - Search (raw SQL with CASE WHEN ordering)
    
    func search(query: String, limit: Int = 100) -> [DictionaryEntry] {
        guard let db = db else { return [] }
        guard !query.isEmpty else { return fetchAll(limit: limit) }
        
        // expect-next: static
        let sql = """
            SELECT id, word, defination, isFavorite FROM monengdict
            WHERE word = ?1
               OR word LIKE ?1 || '%'
               OR word LIKE '%' || ?1 || '%'
               OR defination LIKE '%' || ?1 || '%'
            ORDER BY CASE
                WHEN word = ?1 THEN 1
                WHEN word LIKE ?1 || '%' THEN 2
                WHEN word LIKE '%' || ?1 || '%' THEN 3
                WHEN defination LIKE '%' || ?1 || '%' THEN 4
                ELSE 5
            END, word
            LIMIT ?2
            """
        
        do {
            let stmt = try db.prepare(sql)
            var entries: [DictionaryEntry] = []
            for row in try stmt.bind(query, limit) {
                guard let id = row[0] as? Int64,
                      let word = row[1] as? String,
                      let def = row[2] as? String,
                      let fav = row[3] as? Int64 else { continue }
                entries.append(DictionaryEntry(id: id, word: word, definition: def, isFavorite: fav != 0))
            }
            return entries
        } catch {
            print("Search query failed: \(error)")
            return []
        }
    }
    
    // MARK: - Fetch All (default list, A-Z)
    
    func fetchAll(limit: Int = 500, sortAZ: Bool = true) -> [DictionaryEntry] {
        guard let db = db else { return [] }
        
        let order = sortAZ ? "ASC" : "DESC"
        let sql = "SELECT id, word, defination, isFavorite FROM monengdict ORDER BY word COLLATE NOCASE \(order) LIMIT ?" // expect: dynamic
        
        do {
            let stmt = try db.prepare(sql)
            var entries: [DictionaryEntry] = []
            for row in try stmt.bind(limit) {
                guard let id = row[0] as? Int64,
                      let word = row[1] as? String,
                      let def = row[2] as? String,
                      let fav = row[3] as? Int64 else { continue }
                entries.append(DictionaryEntry(id: id, word: word, definition: def, isFavorite: fav != 0))
            }
            return entries
        } catch {
            print("Fetch all failed: \(error)")
            return []
        }
    }
    
    // MARK: - Favorites
    
    func fetchFavorites() -> [DictionaryEntry] {
        guard let db = db else { return [] }
        
        let sql = "SELECT id, word, defination, isFavorite FROM monengdict WHERE isFavorite = 1 ORDER BY word COLLATE NOCASE ASC" // expect: static
        
        do {
            let stmt = try db.prepare(sql)
            var entries: [DictionaryEntry] = []
            for row in stmt {
                guard let id = row[0] as? Int64,
                      let word = row[1] as? String,
                      let def = row[2] as? String,
                      let fav = row[3] as? Int64 else { continue }
                entries.append(DictionaryEntry(id: id, word: word, definition: def, isFavorite: fav != 0))
            }
            return entries
        } catch {
            print("Fetch favorites failed: \(error)")
            return []
        }
    }
    
    func toggleFavorite(id: Int64, currentValue: Bool) -> Bool {
        guard let db = db else { return currentValue }
        
        let newValue: Int64 = currentValue ? 0 : 1
        let row = table.filter(colId == id)
        
        do {
            try db.run(row.update(colFav <- newValue))
            return !currentValue
        } catch {
            print("Toggle favorite failed: \(error)")
            return currentValue
        }
    }
    
    // MARK: - Add Word
    
    func addWord(word: String, definition: String) -> DictionaryEntry? {
        guard let db = db else { return nil }
        
        do {
            let rowId = try db.run(table.insert(
                colWord <- word,
                colDef <- definition,
                colFav <- 1  // auto-favorite user-added words
            ))
            return DictionaryEntry(id: rowId, word: word, definition: definition, isFavorite: true)
        } catch {
            print("Add word failed: \(error)")
            return nil
        }
    }
    
    // MARK: - Ensure Indexes (call once on init for performance)
    
    func ensureIndexes() {
        guard let db = db else { return }
        do {
            try db.run("CREATE INDEX IF NOT EXISTS idx_word ON monengdict(word COLLATE NOCASE)") // expect: static
            try db.run("CREATE INDEX IF NOT EXISTS idx_favorite ON monengdict(isFavorite)") // expect: static
        } catch {
            print("Index creation failed: \(error)")
        }
    }
}
