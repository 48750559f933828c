// Source: two iOS apps using FMDB (the index gave no repository names; open them with read_file
// id=…):
//   (a) id 22612869808  GithubNote SQLManager (Chinese comments): per-repo tables named at run
//                       time, executeStatements / executeQuery / executeUpdate with values:
//   (b) id 31656356238  BigThings PPThingsVo: FMDatabaseQueue.inTransaction, REPLACE INTO with
//                       `'\(flag ? 1 : 0)'` spliced next to `?` binds
// Classes: FMDB executeStatements(sql) / executeQuery(sql, values:) / executeUpdate(sql,
//   values:), statements kept in locals (`let sql = """`, `querySQL`, `checkSQL`, `deleteSQL`,
//   `sqlString`) and passed through a helper (createTable(sql, tableName:)), 6-dynamic
//   (`CREATE TABLE IF NOT EXISTS \(tableName)(` in a `"""` literal, `FROM \(tableName)`, values
//   spliced as `'\(…)'`), 4-placeholders (`?`), other-dialect (SQLite sqlite_master,
//   AUTOINCREMENT, REPLACE INTO), 7-decoys (log strings "#db# TABLE created \(success)",
//   "Failed to insert or update", table names built as "Issue_\(repoID%10)" /
//   "images_\(name)_\(id)", beginTransaction()/commit()/rollback() calls without SQL text,
//   result.string(forColumn: "…") keys, CodingKeys value "description").
// Adaptations: (a) and (b) concatenated; (b)'s header comment kept, `import UIKit` kept; from (a)
//   the lazy dbURL/db/dbQueue properties were shortened to the two FMDatabase properties
//   (the path-building dbURL property left out), fetchItems and updateItems left out,
//   blank lines between the stored properties of (b) removed; `// expect-next:` comment
//   lines were added before `let sql = """`. No other line was changed.

// ---- (a) id 22612869808
//
//  SQLManager.swift
//  GithubNote
//
//  Created by xs0521 on 2024/10/6.
//

import Foundation
import FMDB

private let dbName = "note.db"



class SQLManager {
    
    lazy var db: FMDatabase = {
        let database = FMDatabase(url: dbURL)
        return database
    }()
    
    lazy var dbQueue: FMDatabaseQueue? = {
        // 根据路径返回数据库
        let databaseQueue = FMDatabaseQueue(url: dbURL)
        return databaseQueue
    }()
    
    init() {
        createRepoTable()
    }
    
    func clear() -> Void {
        if self.db.open() {
            self.db.close()
        }
    }
    
    private func createRepoTable() {
        
        // expect-next: static
        let sql = """
                CREATE TABLE IF NOT EXISTS Repo(
                    id INTEGER PRIMARY KEY,
                    sort INTEGER,
                    name TEXT,
                    fullName TEXT,
                    url TEXT,
                    createdAt TEXT,
                    updatedAt TEXT,
                    pushedAt TEXT,
                    private INTEGER
                );
                """
        
        if self.db.open() {
            let success = db.executeStatements(sql)
            "#db# TABLE created \(success)".logW()
        }
        self.db.close()
    }
    
    func issueTableName() -> String {
        guard let repo = CacheManager.shared.currentRepo, let repoID = repo.id else {
            assert(false, "repo error")
            return ""
        }
        assert(repoID > 0, "repoID error")
        return "Issue_\(repoID%10)"
    }
    
    func createIssueTable() -> Void {
        let tableName = issueTableName()
        // expect-next: dynamic
        let sql = """
                    CREATE TABLE IF NOT EXISTS \(tableName)(
                        id INTEGER PRIMARY KEY,
                        sort INTEGER,
                        url TEXT,
                        repositoryUrl TEXT,
                        number INTEGER,
                        title TEXT,
                        body TEXT,
                        state INTEGER
                    );
                    """
        
        createTable(sql, tableName: tableName)
    }
    
    func commentTableName(_ issueID: Int = 0) -> String {
        var id = issueID
        if id <= 0 {
            guard let issue = CacheManager.shared.currentIssue, let issueID = issue.id else {
                assert(false, "issueID error")
                return ""
            }
            id = issueID
        }
        assert(id > 0, "issueID error")
        return "Comment_\(id%10)"
    }
    
    func createCommentTable() -> Void {
        
        let tableName = commentTableName()
        // expect-next: dynamic
        let sql = """
                CREATE TABLE IF NOT EXISTS \(tableName)(
                    id INTEGER PRIMARY KEY,
                    sort INTEGER,
                    url TEXT,
                    htmlURL TEXT,
                    issueURL TEXT,
                    nodeID TEXT,
                    createdAt TEXT,
                    updatedAt TEXT,
                    body TEXT,
                    cache TEXT,
                    cacheUpdate INTEGER
                );
                """
        
        createTable(sql, tableName: tableName)
    }
    
    func imagesTableName() -> String {
        let id = CacheManager.shared.currentRepo?.id ?? 0
        let name = CacheManager.shared.currentRepo?.name ?? ""
        assert(id > 0, "id error")
        return "images_\(name)_\(id)"
    }
    
    func createImagesTable() -> Void {
        
        let tableName = imagesTableName()
        // expect-next: dynamic
        let sql = """
                CREATE TABLE IF NOT EXISTS \(tableName)(
                    idx INTEGER PRIMARY KEY AUTOINCREMENT,
                    url TEXT,
                    uuid TEXT,
                    name TEXT,
                    path TEXT,
                    sha TEXT,
                    size INTEGER,
                    htmlURL TEXT,
                    gitURL TEXT,
                    downloadURL TEXT,
                    type TEXT
                );
                """
        
        createTable(sql, tableName: tableName)
    }
    
    func getMaxIndex(_ tableName: String, from database: FMDatabase) -> Int {
        var maxIndex: Int = 0
        let querySQL = "SELECT MAX(sort) as maxIndex FROM \(tableName);" // expect: dynamic
        
        if let resultSet = try? database.executeQuery(querySQL, values: nil) {
            if resultSet.next() {
                maxIndex = Int(resultSet.int(forColumn: "maxIndex"))
            }
        }
        
        return maxIndex
    }
    
    private func createTable(_ sql: String, tableName: String) -> Void {
        if !isTableExist(tableName: tableName) {
            if self.db.open() {
                let success = db.executeStatements(sql)
                "#db# TABLE created \(tableName) \(success)".logW()
            }
            self.db.close()
        } else {
            "#db# Table \(tableName) already exists.".logW()
        }
    }
    
    private func isTableExist(tableName: String) -> Bool {
        var tableExists = false
        
        if self.db.open() {
            let checkSQL = "SELECT count(*) as count FROM sqlite_master WHERE type='table' AND name=?;" // expect: static
            
            do {
                let resultSet = try db.executeQuery(checkSQL, values: [tableName])
                if resultSet.next() {
                    let count = resultSet.int(forColumn: "count")
                    tableExists = (count > 0)
                }
            } catch {
                "Error checking table existence: \(error.localizedDescription)".logE()
            }
            
            self.db.close()
        }
        
        return tableExists
    }
}

extension SQLManager {
    
    func insertItems<T: SQLModelable>(items: [T], database: FMDatabase) {
        
        guard let item = items.first else {
            "No repositories to insert.".logI()
            return
        }
        
        var index = item.maxIndex(database)

        if database.open() {
            do {
                database.beginTransaction() // 开始事务
                for item in items {
                    index += 1
                    try database.executeUpdate(item.insertSql, values: item.insertValues(index))
                }
                database.commit() // 提交事务
                "Batch insert or update successful".logI()
            } catch {
                database.rollback() // 回滚事务
                "Failed to insert or update: \(error.localizedDescription)".logE()
            }
        } else {
            "Failed to open database".logE()
        }
    }
    
    func deleteItems(in tableName: String,  byId ids: [Int], database: FMDatabase) {
        
        // 通过类型T访问 static 的 tableName
        let deleteSQL = "DELETE FROM \(tableName) WHERE id = ?;" // expect: dynamic
        
        if database.open() {
            ids.forEach { id in
                do {
                    try database.executeUpdate(deleteSQL, values: [id])
                } catch {
                    "Failed to delete item: \(error.localizedDescription)".logE()
                }
            }
            "Items deleted successfully".logI()
        } else {
            "Failed to open database".logE()
        }
        database.close()
    }
}

// ---- (b) id 31656356238
//
//  PPThingsVo.swift
//  BigThings
//
//  Created by PP on 2019/11/8.
//  Copyright © 2019 PP. All rights reserved.
//

import UIKit

class PPThingsVo: NSObject, Codable {
    var id: String?
    var name: String?
    var location: String?
    var year: String?
    var status: String?
    var latitude: String?
    var longitude: String?
    var image: String?
    var rating: String?
    var votes: String?
    var updated: String?
    var descriptionForThing: String?
    var isRated: Bool = false
    var isFavorited: Bool = false
    
    enum CodingKeys: String, CodingKey {
        case descriptionForThing = "description"
        case id,name,location, year, status, latitude, longitude, image, rating, votes, updated
    }
    
    public func updateToDatabase() {
        if let queue = FMDBManager.sharedManager.sharedDatabaseQueue {
            queue.inTransaction { (db, value) in
                let sqlString = "REPLACE INTO BigThings(id,name,location,year,status,latitude,longitude,image,rating,votes,updated,description,isRated,isFavorited) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'\(self.isRated ? 1 : 0)','\(self.isFavorited ? 1 : 0)')" // expect: dynamic
                let array: [String] = [
                    self.id ?? "",
                    self.name ?? "",
                    self.location ?? "",
                    self.year ?? "",
                    self.status ?? "",
                    self.latitude ?? "",
                    self.longitude ?? "",
                    self.image ?? "",
                    self.rating ?? "",
                    self.votes ?? "",
                    self.updated ?? "",
                    self.descriptionForThing ?? ""]
                try? db.executeUpdate(sqlString, values: array)
            }
        }
    }
    
    class func updateThings(things: [PPThingsVo], completeHandler: (() -> Void)? = nil) {
        if things.count == 0 {
            completeHandler?()
            return
        }
        if let queue = FMDBManager.sharedManager.sharedDatabaseQueue {
            queue.inTransaction { (db, value) in
                for item in things {
                    let sqlString = "REPLACE INTO BigThings(id,name,location,year,status,latitude,longitude,image,rating,votes,updated,description,isRated,isFavorited) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'\(item.isRated ? 1 : 0)','\(item.isFavorited ? 1 : 0)')" // expect: dynamic
                    let array: [String] = [
                        item.id ?? "",
                        item.name ?? "",
                        item.location ?? "",
                        item.year ?? "",
                        item.status ?? "",
                        item.latitude ?? "",
                        item.longitude ?? "",
                        item.image ?? "",
                        item.rating ?? "",
                        item.votes ?? "",
                        item.updated ?? "",
                        item.descriptionForThing ?? ""]
                    try? db.executeUpdate(sqlString, values: array)
                }
            }
        }
    }
    
    class func queryAllBigThings(completeHandler: (([PPThingsVo]) -> Void)? = nil) {
        guard let queue = FMDBManager.sharedManager.sharedDatabaseQueue else {
            completeHandler?([PPThingsVo]())
            return
        }
        
        queue.inTransaction { (db, value) in
            let sqlString = "SELECT * FROM BigThings" // expect: static
            if let result = try? db.executeQuery(sqlString, values: nil) {
                
                var array = [PPThingsVo]()
                
                while result.next() {
                    let things = PPThingsVo()
                    things.id = result.string(forColumn: "id")
                    things.name = result.string(forColumn: "name")
                    things.location = result.string(forColumn: "location")
                    things.year = result.string(forColumn: "year")
                    things.status = result.string(forColumn: "status")
                    things.latitude = result.string(forColumn: "latitude")
                    things.longitude = result.string(forColumn: "longitude")
                    things.rating = result.string(forColumn: "rating")
                    things.image = result.string(forColumn: "image")
                    things.votes = result.string(forColumn: "votes")
                    things.updated = result.string(forColumn: "updated")
                    things.isRated = result.bool(forColumn: "isRated")
                    things.isFavorited = result.bool(forColumn: "isFavorited")
                    things.descriptionForThing = result.string(forColumn: "description")
                    array.append(things)
                }
                completeHandler?(array)
            } else {
                completeHandler?([PPThingsVo]())
            }
        }
    }
}
