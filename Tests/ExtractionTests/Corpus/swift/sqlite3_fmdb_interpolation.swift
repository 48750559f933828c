// Source: Swift apps talking to SQLite through the C API (import SQLite3) or FMDB, found with
// find_string 'let queryString = "SELECT' and 'DELETE FROM \(' (index ids 40103740105 [app "Dine",
// Table.swift], 35226405264 [app "MyWish", TableViewController.swift], 5263871214 [a Jyutping
// LookupProvider], 20188531150 [JFDALManager.swift, app "LiuAGeIOS"], 8860505515, 71110849525,
// 26128773655, 4044871780 [SDSRecord extension]); repository names not returned. Verbatim;
// 40103740105, 5263871214 and 20188531150 complete, the others excerpts (methods named below).
// Classes: dynamic (\(x) in plain Swift Strings: table names from enums/constants, values quoted
//          by hand '\(tableId)' and \"\(videoVid)\" — injection-prone —, a statement in a loop
//          over table names), SQL returned from computed properties (`var createInsertStatement:
//          String { """ … """ }` — the literal opens on its own line, labelled with expect-next),
//          wrappers (runSqlStatament(sql:), exec(_:), FMDB executeStatements/executeQuery,
//          sqlite3_exec / sqlite3_prepare / sqlite3_prepare_v2 with the SQL in a variable),
//          static statements (CREATE TABLE inline in sqlite3_exec, VACUUM, ? placeholders), a
//          WHERE piece kept in a variable (fragment), SQLite AUTOINCREMENT / BLOB,
//          decoys (CSV line "\(_tableId),\(tableStatus.rawValue),…", enum raw values, print texts
//          "Error create table : \(errMsg)" and Chinese/Korean messages, "#\(wTag)", file names
//          "WishData.sqlite", the table-name array ["samples", "rollups", …], owsFail("Write failed:
//          \(error)"), "temp_" + table, Chinese doc comments in /** */, commented-out code in //).

// ---------------------------------------------------------------- id 40103740105 (complete)
import Foundation
import SQLite3

enum TableStatus: String, CaseIterable {
    case free, reserved, occupied, other
}

class RestaurantTable {
    private let _tableId: UUID
    var tableStatus: TableStatus
    private let maxCapacity: Int
    private let _locationIdentifier: Int
    
    var tableId: UUID {
        return _tableId
    }
    
    var locationId: Int {
        return _locationIdentifier
    }
    
    init(tableId: UUID, tableStatus: TableStatus, maxCapacity: Int, locationIdentifier: Int) {
        self._tableId = tableId
        self.tableStatus = tableStatus
        self.maxCapacity = maxCapacity
        self._locationIdentifier = locationIdentifier
    }
    
    convenience init(tableStatus: TableStatus, maxCapacity: Int, locationIdentifier: Int) {
        self.init(tableId: UUID(), tableStatus: tableStatus, maxCapacity: maxCapacity, locationIdentifier: locationIdentifier)
    }
    
    func changeTableStatus(to status: TableStatus) {
        tableStatus = status
    }
    
    func getCSVString() -> String {
        return "\(_tableId),\(tableStatus.rawValue),\(maxCapacity),\(_locationIdentifier)"
    }
    
}

extension RestaurantTable: Parsable {}

extension RestaurantTable: SQLTable {
    static var createStatement: String {
        // expect-next: dynamic
        """
        CREATE TABLE \(DatabaseTables.restaurantTable.rawValue) (
          TableID VARCHAR(32) PRIMARY KEY,
          TableStatus VARCHAR(255),
          MaxCapacity INTEGER,
          LocationIdentifier INTEGER
        );
        """
    }
}

extension RestaurantTable: SQLUpdatable {
    var createUpdateStatement: String {
        // expect-next: dynamic
        """
        UPDATE \(DatabaseTables.restaurantTable.rawValue)
        SET TableID = '\(tableId)', TableStatus = '\(tableStatus.rawValue)', MaxCapacity = \(maxCapacity), LocationIdentifier = \(locationId)
        WHERE TableID = '\(tableId)'
        """
    }
}

extension RestaurantTable: SQLInsertable {
    var createInsertStatement: String {
        // expect-next: dynamic
        """
        INSERT INTO \(DatabaseTables.restaurantTable.rawValue) (TableID, TableStatus, MaxCapacity, LocationIdentifier)
        VALUES ('\(tableId.uuidString)', '\(tableStatus.rawValue)', \(maxCapacity), \(_locationIdentifier));
        """
    }
}

extension RestaurantTable: SQLDeletable {
    var createDeleteStatement: String {
        "DELETE FROM \(DatabaseTables.restaurantTable.rawValue) WHERE TableID = '\(tableId)';" // expect: dynamic
    }
}

extension RestaurantTable: DatabaseParsable {
    static func parseRow(statement: OpaquePointer?) throws -> RestaurantTable? {
        guard let statement = statement else { return nil }
        guard let tableIdCString = sqlite3_column_text(statement, 0),
              let statusCString = sqlite3_column_text(statement, 1) else {
            throw DatabaseError.missingRequiredValue
        }
        
        let maxCapacity = Int(sqlite3_column_int(statement, 2))
        let locationIdentifier = Int(sqlite3_column_int(statement, 3))
        
        guard let tableId = UUID(uuidString: String(cString: tableIdCString)),
              let status = TableStatus(rawValue: String(cString: statusCString)) else {
            throw DatabaseError.conversionFailed
        }
        
        let restaurantTable = RestaurantTable(tableId: tableId, tableStatus: status, maxCapacity: maxCapacity, locationIdentifier: locationIdentifier)
        return restaurantTable
    }
}

// ---------------------------------------------------------------- id 35226405264 (excerpt: viewDidLoad, readValues, cellForRowAt, deleteAction;
// the last six commented-out lines of viewDidLoad dropped)
import UIKit

class WishTableViewController: UITableViewController {
    
    @IBOutlet var tvListView: UITableView!
    var db: OpaquePointer?
    var wishList : [WishList] = []
    var imageData:NSData? = nil
    
    override func viewDidLoad() {
        super.viewDidLoad()

        tvListView.rowHeight = 140
        
        // SQLite 설정하기
        let fileURL = try! FileManager.default.url(for: .documentDirectory, in: .userDomainMask, appropriateFor: nil, create: false).appendingPathComponent("WishData.sqlite")
        
        // 설정한 것 실행(파일 연결)
        if sqlite3_open(fileURL.path(), &db) != SQLITE_OK{
            //if error 걸리면
            print("Error opening database")
        }
        
        //shared preferences를 주로 사용, 고객들 개인 정보를 서버에 안두고 분산하기
        
        // Table 만들기
        if sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS wish (wId INTEGER PRIMARY KEY AUTOINCREMENT, wName TEXT, wAddress TEXT, wImage BLOB, wTag TEXT)", nil, nil, nil) != SQLITE_OK{ // expect: static
            let errMsg = String(cString: sqlite3_errmsg(db)!)
            print("Error create table : \(errMsg)")
            return  //에러 나면은 실행 안한다.
        }
        
        // 셀 리소스 파일 가져오기
//        let myTableViewCellNib = UINib(nibName: String(describing: MyTableViewCell.self), bundle: nil)
//
//        // 셀 리소스 등록
//        self.tableView.register(myTableViewCellNib, forCellReuseIdentifier: "myCell")
    } // viewDidLoad
    
    func readValues(){
        wishList.removeAll()
        
        var stmt: OpaquePointer?
        let queryString = "SELECT * FROM wish order by wId desc" // expect: static
        
        if sqlite3_prepare(db, queryString, -1, &stmt, nil) != SQLITE_OK{
            let errMsg = String(cString: sqlite3_errmsg(db)!)
            print("Error preparing select : \(errMsg)")
            return  //에러 나면은 실행 안한다.
        }
        
        //data 하나씩 불러오기
        while(sqlite3_step(stmt) == SQLITE_ROW){
            
            let id = sqlite3_column_int(stmt, 0)    //id 값 가져오기
            let wName = String(cString: sqlite3_column_text(stmt, 1))
            let wAddress = String(cString: sqlite3_column_text(stmt, 2))
            let wImage = Data(bytes: sqlite3_column_blob(stmt, 3), count: Int(sqlite3_column_bytes(stmt, 3)))
            let wTag = String(cString: sqlite3_column_text(stmt, 4))
            
            //while문 돌면서 studentList에 담는다
            wishList.append(WishList(wId: Int(id), wName: wName, wAddress: wAddress, wImage: wImage, wTag: wTag))
        }
        
        self.tvListView.reloadData()        // 하단에 numberOfSection , tableView 모두 실행된다.

    }

    override func tableView(_ tableView: UITableView, cellForRowAt indexPath: IndexPath) -> UITableViewCell {
        let cell = tableView.dequeueReusableCell(withIdentifier: "myWishCell", for: indexPath) as! MyTableViewCell

        // Configure the cell...
        cell.myWishTitle.text = wishList[indexPath.row].wName
        cell.myWishAddress.text = wishList[indexPath.row].wAddress
        cell.myWishTag.text = "#\(wishList[indexPath.row].wTag)"
        cell.myWishImage.image = UIImage(data: wishList[indexPath.row].wImage!)
        
        return cell
    }

    // DB에서 삭제
    func deleteAction(_ id: Int){
        
        var stmt: OpaquePointer?
       
        //-1은 한글 때문이다. 한글은 2byte이기 때문에..
        let queryString = "DELETE FROM wish WHERE wId = ?" // expect: static
        
        sqlite3_prepare(db, queryString, -1, &stmt, nil)
        
        
        sqlite3_bind_int(stmt, 1, Int32(id))
        
        sqlite3_step(stmt)
    }
}

// ---------------------------------------------------------------- id 5263871214 (complete)
struct LookupProvider {

        private let database: OpaquePointer? = {
                guard let path: String = Bundle.module.path(forResource: "lookup", ofType: "sqlite3") else { return nil }
                var db: OpaquePointer?
                if sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK {
                        return db
                } else {
                        return nil
                }
        }()
        func close() {
                sqlite3_close_v2(database)
        }
        init() {}

        func search(for text: String) -> [String] {
                guard !text.isEmpty else { return [] }
                let matches: [String] = match(for: text)
                if !matches.isEmpty {
                        return matches
                } else {
                        var chars: String = text
                        var jyutpings: [String] = []
                        while !chars.isEmpty {
                                let leading = fetchLeading(for: chars)
                                jyutpings.append(leading.jyutping)
                                chars = String(chars.dropFirst(leading.charCount))
                        }
                        guard !jyutpings.isEmpty else { return [] }
                        let suggestion: String = jyutpings.joined(separator: " ")
                        return [suggestion]
                }
        }
        private func fetchLeading(for word: String) -> (jyutping: String, charCount: Int) {
                var chars: String = word
                var jyutpings: [String] = []
                var matchedCount: Int = 1
                while jyutpings.isEmpty && !chars.isEmpty {
                        jyutpings = match(for: chars)
                        matchedCount = chars.count
                        chars = String(chars.dropLast())
                }
                return (jyutpings.first ?? "?", matchedCount)
        }

        private func match(for text: String) -> [String] {
                var jyutpings: [String] = []
                let queryString = "SELECT jyutping FROM jyutpingtable WHERE word = '\(text)';" // expect: dynamic
                var queryStatement: OpaquePointer? = nil
                if sqlite3_prepare_v2(database, queryString, -1, &queryStatement, nil) == SQLITE_OK {
                        while sqlite3_step(queryStatement) == SQLITE_ROW {
                                let jyutping: String = String(describing: String(cString: sqlite3_column_text(queryStatement, 0)))
                                jyutpings.append(jyutping)
                        }
                }
                sqlite3_finalize(queryStatement)
                return jyutpings.deduplicated()
        }
}

// ---------------------------------------------------------------- id 20188531150 (complete, FMDB)
import SwiftyJSON

class JFDALManager: NSObject {
    
    static let shareManager = JFDALManager()
}

// MARK: - 视频缓存
extension JFDALManager {
    
    /**
     插入视频
     
     - parameter videoVid: 视频vid
     */
    func insertVideo(videoVid: String) {
        
        getVideo(videoVid) { (have) in
            if have {
                print(videoVid, "已经存在")
                return
            }
        }
        
        let sql = "INSERT INTO \(VIDEOS_TABLE) (video_vid) VALUES (\"\(videoVid)\");" // expect: dynamic
        JFSQLiteManager.shareManager.dbQueue.inDatabase { (db) in
            if db.executeStatements(sql) {
                print("插入成功")
            }
        }
        
    }
    
    /**
     获取视频
     
     - parameter videoVid: 视频vid
     - parameter finished: 返回回调
     */
    func getVideo(videoVid: String, finished: (have: Bool) -> ()) {
        
        let sql = "SELECT * FROM \(VIDEOS_TABLE) WHERE video_vid=\"\(videoVid)\" LIMIT 1;" // expect: dynamic
        
        JFSQLiteManager.shareManager.dbQueue.inDatabase { (db) in
            
            let result = try! db.executeQuery(sql, values: nil)
            while result.next() {
                finished(have: true)
                result.close()
                return
            }
            
            finished(have: false)
        }
    }
    
    /**
     移除单个视频
     
     - parameter videoVid: 视频vid
     */
    func removeVideo(videoVid: String, finished: (success: Bool) -> ()) {
        
        let sql = "DELETE FROM \(VIDEOS_TABLE) WHERE video_vid = \"\(videoVid)\";" // expect: dynamic
        
        JFSQLiteManager.shareManager.dbQueue.inDatabase { (db) in
            if db.executeStatements(sql) {
                finished(success: true)
                print("移除成功")
            } else {
                finished(success: false)
            }
        }
        
    }
    
    /**
     清除所有视频缓存
     */
    func removeAllVideo(finished: (success: Bool) -> ()) {
        
        let sql = "DROP TABLE IF EXISTS \(VIDEOS_TABLE);" // expect: dynamic
        
        JFSQLiteManager.shareManager.dbQueue.inDatabase { (db) in
            if db.executeStatements(sql) {
                finished(success: true)
                print("清除视频缓存数据成功")
            } else {
                finished(success: false)
            }
        }
        
        // 重新创建表
        JFSQLiteManager.shareManager.createVideoInfosTable(VIDEOS_TABLE)
    }
    
}

// ---------------------------------------------------------------- id 8860505515 (excerpt: two of three reset() extensions)
extension pos_order_class {
   
    static func reset(temp:Bool = false)
       {
       var table = "pos_order"
       if temp
       {
          table =   "temp_"  + table
       }
       
             let cls = pos_order_class(fromDictionary: [:])
        _ =  cls.dbClass?.runSqlStatament(sql: "delete from \(table)") // expect: dynamic
      }
}

extension pos_order_line_class {
    static func reset(temp:Bool = false)
       {
       var table = "pos_order_line"
       if temp
       {
          table =   "temp_"  + table
       }
       
             let cls = pos_order_line_class(fromDictionary: [:])
        _ =  cls.dbClass?.runSqlStatament(sql: "delete from \(table)") // expect: dynamic
      }
}

// ---------------------------------------------------------------- id 71110849525 (excerpt: eraseAll)
final class TelemetryStoreExcerpt {
    func eraseAll() throws {
        for table in ["samples", "rollups", "outages", "speedtests"] {
            try exec("DELETE FROM \(table);") // expect: dynamic
        }
        pending.removeAll()
        try exec("VACUUM;") // expect: static
    }
}

// ---------------------------------------------------------------- id 26128773655 (excerpt: deleteNode)
final class JourneyStoreExcerpt {
    public func deleteNode(id: UUID) throws {
        // CASCADE delete handles children, attachments, contact refs
        let sql = "DELETE FROM \(JourneySchema.tNodes) WHERE id = ?" // expect: dynamic

        try dbQueue.sync {
            try ensureOpen()
            let stmt = try prepare(sql)
            defer { finalize(stmt) }

            bindUUID(stmt, 1, id)

            guard sqlite3_step(stmt) == SQLITE_DONE else {
                throw dbError(context: "deleteNode")
            }
        }
    }
}

// ---------------------------------------------------------------- id 4044871780 (excerpt: sdsRemove)
extension SDSRecord {
    func sdsRemove(transaction: GRDBWriteTransaction) {
        do {
            let tableName = tableMetadata.tableName
            let whereSQL = "\(uniqueIdColumnName.quotedDatabaseIdentifier)=?" // expect: fragment
            let sql: String = "DELETE FROM \(tableName.quotedDatabaseIdentifier) WHERE \(whereSQL)" // expect: dynamic

            let statement = try transaction.database.cachedUpdateStatement(sql: sql)
            guard let arguments = StatementArguments([uniqueIdColumnValue]) else {
                owsFail("Could not convert values.")
            }
            // TODO: We could use setArgumentsWithValidation for more safety.
            statement.unsafeSetArguments(arguments)
            try statement.execute()
        } catch {
            // TODO:
            owsFail("Write failed: \(error)")
        }
    }
}
