// Source: Ranchero-Software/NetNewsWire, Modules/SyncDatabase/Sources/SyncDatabase/SyncStatusTable.swift
// (read_file id 60986679753, commit 145af4015902b1d120920052c7e41d89ed077464), MIT.
// Classes: FMDB (RSDatabase) executeUpdate / executeQuery / executeUpdateInTransaction, statements
// interpolating the table name (`\(name)`) in plain Swift strings (dynamic), `?` binds, an IN list of
// placeholders built at run time (rs_SQLValueList), pieces appended later (`+= " and key = ?"`,
// `sql = "\(sql) limit \(limit)"`: unlabelled), a value interpolated between escaped quotes;
// decoys: the table-name constant, column keys, insertRows(…, tableName:), comments naming rows.
// Adaptations: this header added; code as found.
//
//  SyncStatusTable.swift
//  NetNewsWire
//
//  Created by Maurice Parker on 5/14/19.
//  Copyright © 2019 Ranchero Software. All rights reserved.
//

import Foundation
import Articles
import RSDatabase
import RSDatabaseObjC

struct SyncStatusTable {
	static let name = "syncStatus"

	static func selectForProcessing(limit: Int?, database: FMDatabase) -> Set<SyncStatus>? {
		database.beginTransaction()

		let updateSQL = "update \(name) set selected = true" // expect: dynamic
		guard database.executeUpdate(updateSQL, withArgumentsIn: nil) else {
			database.rollback()
			return nil
		}

		let selectSQL = {
			var sql = "select * from \(name) where selected == true" // expect: dynamic
			if let limit {
				sql = "\(sql) limit \(limit)"
			}
			return sql
		}()

		guard let resultSet = database.executeQuery(selectSQL, withArgumentsIn: nil) else {
			database.rollback()
			return nil
		}

		let statuses = resultSet.mapToSet(statusWithRow)

		database.commit()

		return statuses
	}

	static func selectPendingCount(database: FMDatabase) -> Int? {
		let sql = "select count(*) from \(name)" // expect: dynamic
		guard let resultSet = database.executeQuery(sql, withArgumentsIn: nil) else {
			return nil
		}

		let count = resultSet.intWithCountResult()
		return count
	}

	static func selectPendingReadStatusArticleIDs(database: FMDatabase) -> Set<String>? {
		selectPendingArticleIDs(.read, database: database)
	}

	static func selectPendingStarredStatusArticleIDs(database: FMDatabase) -> Set<String>? {
		selectPendingArticleIDs(.starred, database: database)
	}

	static func resetAllSelectedForProcessing(database: FMDatabase) {
		let updateSQL = "update \(name) set selected = false" // expect: dynamic
		database.executeUpdateInTransaction(updateSQL)
	}

	// An articleID can have both a read row and a starred row queued. Callers that send
	// one status kind at a time must pass `key` so they don’t touch the other kind’s rows.

	static func resetSelectedForProcessing(_ articleIDs: Set<String>, key: SyncStatus.Key?, database: FMDatabase) {
		guard !articleIDs.isEmpty else {
			return
		}

		var parameters = articleIDs.map { $0 as AnyObject }
		let placeholders = NSString.rs_SQLValueList(withPlaceholders: UInt(articleIDs.count))!
		var updateSQL = "update \(name) set selected = false where articleID in \(placeholders)" // expect: dynamic
		if let key {
			updateSQL += " and key = ?"
			parameters.append(key.rawValue as AnyObject)
		}
		database.executeUpdateInTransaction(updateSQL, withArgumentsIn: parameters)
	}

	static func deleteSelectedForProcessing(_ articleIDs: Set<String>, key: SyncStatus.Key?, database: FMDatabase) {
		guard !articleIDs.isEmpty else {
			return
		}

		var parameters = articleIDs.map { $0 as AnyObject }
		let placeholders = NSString.rs_SQLValueList(withPlaceholders: UInt(articleIDs.count))!
		var deleteSQL = "delete from \(name) where selected = true and articleID in \(placeholders)" // expect: dynamic
		if let key {
			deleteSQL += " and key = ?"
			parameters.append(key.rawValue as AnyObject)
		}
		database.executeUpdateInTransaction(deleteSQL, withArgumentsIn: parameters)
	}

	static func insertStatuses(_ statuses: Set<SyncStatus>, database: FMDatabase) {
		database.beginTransaction()

		let statusArray = statuses.map { $0.databaseDictionary() }
		database.insertRows(statusArray, insertType: .orReplace, tableName: name)

		database.commit()
	}
}

private extension SyncStatusTable {

	static func statusWithRow(_ row: FMResultSet) -> SyncStatus? {
		guard let articleID = row.swiftString(forColumn: DatabaseKey.articleID),
			let rawKey = row.swiftString(forColumn: DatabaseKey.key),
			let key = SyncStatus.Key(rawValue: rawKey) else {
				return nil
		}

		let flag = row.bool(forColumn: DatabaseKey.flag)
		let selected = row.bool(forColumn: DatabaseKey.selected)

		return SyncStatus(articleID: articleID, key: key, flag: flag, selected: selected)
	}

	// Includes rows that are selected — a send in flight hasn’t been confirmed by the server yet,
	// and skipping those let a concurrent refresh revert the change the send was carrying.
	// <https://github.com/Ranchero-Software/NetNewsWire/issues/4280>
	static func selectPendingArticleIDs(_ statusKey: ArticleStatus.Key, database: FMDatabase) -> Set<String>? {
		let sql = "select articleID from \(name) where key = \"\(statusKey.rawValue)\";" // expect: dynamic
		guard let resultSet = database.executeQuery(sql, withArgumentsIn: nil) else {
			return nil
		}

		let articleIDs = resultSet.mapToSet { $0.swiftString(forColumnIndex: 0) }
		return articleIDs
	}
}
