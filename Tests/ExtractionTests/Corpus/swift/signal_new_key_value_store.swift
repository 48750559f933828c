// Source: signalapp/Signal-iOS — SignalServiceKit/Storage/Database/NewKeyValueStore.swift
// (read_file id 67207786335, commit 7393922ae9e31065ebeccd264338cc22f59fd402)
// Signal's GRDB key-value store: Row.fetchCursor / T.fetchOne / String.fetchAll / db.execute /
// cachedStatement(sql:) fed with multi-line Swift strings whose table and column names come from
// `static let` constants through \( ) interpolation into a plain String (GRDB's `sql:` parameter is a
// String, not an SQL literal), so every statement is dynamic; "?" binds in `arguments:`; SQLite UPSERT
// (INSERT … ON CONFLICT (…) DO UPDATE SET …), `==` comparisons, COUNT(*) … GROUP BY … LIMIT 10.
// expect-next labels sit on the line before each `"""` opener (after `do {`, `tx.database,`,
// `execute(`, and appended to two existing `//` comment lines).
// Decoys: Logger.info("KeyValueStore statistics:"), Logger.info("- \(collection): \(count) items"),
// static let tableName = "keyvalue" and column-name constants, doc comments.
// Cut: the original file (17,050 characters, well over 300 lines) is kept from its first line to the end of the
// NewKeyValueStore struct (original lines 1-203); the KeyValueStoreValue conformances, the
// KeyValueStoreMigrator (four static one-line statements on the `keyvalue` table) and the
// KeyValueStoreDeleter that follow are left out to stay within 300 lines.
//
// Copyright 2025 Signal Messenger, LLC
// SPDX-License-Identifier: AGPL-3.0-only
//

import Foundation
public import GRDB

/// An efficient-on-disk Key-Value Store.
///
/// This type is capable of storing boolean, integer, double, string, and
/// data values. They are stored in SQLite-native representations. It is not
/// natively capable of storing "complex" objects encoded via JSONEncoder or
/// NSKeyedArchiver; callers should convert these to Data themselves.
///
/// This type is not backwards compatible with `KeyValueStore` (except for
/// `Data` values), though `KeyValueStoreMigrator` can migrate values to the
/// new representation.
public struct NewKeyValueStore {
    enum TableMetadata {
        enum Columns {
            static let collection = "collection"
            static let key = "key"
            static let value = "value"
        }

        static let tableName = "keyvalue"
    }

    static var tableName: String { TableMetadata.tableName }
    static var collectionColumnName: String { TableMetadata.Columns.collection }

    private let collection: String

    public init(collection: String) {
        self.collection = collection
    }

    /// Remove all values or crash if an error occurs.
    public func removeAll(tx: DBWriteTransaction) {
        failIfThrowsDatabaseError { () throws(GRDB.DatabaseError) in
            try self.removeAllOrThrow(tx: tx)
        }
    }

    /// Remove all values or throw the error that occurs.
    public func removeAllOrThrow(tx: DBWriteTransaction) throws(GRDB.DatabaseError) {
        return try withDatabaseError { try self._removeAllOrThrow(tx: tx) }
    }

    /// Fetch all the keys or crash if an error occurs.
    public func fetchKeys(tx: DBReadTransaction) -> [String] {
        return failIfThrowsDatabaseError { () throws(GRDB.DatabaseError) in
            return try self.fetchKeysOrThrow(tx: tx)
        }
    }

    /// Fetch all the keys or throw the error that occurs.
    public func fetchKeysOrThrow(tx: DBReadTransaction) throws(GRDB.DatabaseError) -> [String] {
        return try withDatabaseError { try self._getKeysOrThrow(tx: tx) }
    }

    /// Fetch a value (or nil if it doesn't exist) or crash if an error occurs.
    public func fetchValue<T: KeyValueStoreValue>(_ type: T.Type, forKey key: String, tx: DBReadTransaction) -> T? {
        return failIfThrowsDatabaseError { () throws(GRDB.DatabaseError) in
            return try fetchValueOrThrow(T.self, forKey: key, tx: tx)
        }
    }

    /// Fetch a value (or nil if it doesn't exist) or throw the error that occurs.
    public func fetchValueOrThrow<T: KeyValueStoreValue>(_ type: T.Type, forKey key: String, tx: DBReadTransaction) throws(GRDB.DatabaseError) -> T? {
        return try withDatabaseError {
            return try self._getValueOrThrow(T.DatabaseType.self, key: key, tx: tx).map(T.init(keyValueStoreValue:))
        }
    }

    /// Write/clear a value or crash if an error occurs.
    public func writeValue<T: KeyValueStoreValue>(_ value: T?, forKey key: String, tx: DBWriteTransaction) {
        failIfThrowsDatabaseError { () throws(GRDB.DatabaseError) in
            try writeValueOrThrow(value, forKey: key, tx: tx)
        }
    }

    /// Write/clear a value or throw the error that occurs.
    public func writeValueOrThrow<T: KeyValueStoreValue>(_ value: T?, forKey key: String, tx: DBWriteTransaction) throws(GRDB.DatabaseError) {
        try withDatabaseError { try self._setValueOrThrow(value?.keyValueStoreValue, key: key, tx: tx) }
    }

    /// Clear a value or crash if an error occurs.
    public func removeValue(forKey key: String, tx: DBWriteTransaction) {
        failIfThrowsDatabaseError { () throws(GRDB.DatabaseError) in
            try self.removeValueOrThrow(forKey: key, tx: tx)
        }
    }

    /// Clear a value or throw the error that occurs.
    public func removeValueOrThrow(forKey key: String, tx: DBWriteTransaction) throws(GRDB.DatabaseError) {
        try self.writeValueOrThrow(nil as Data?, forKey: key, tx: tx)
    }

    private func withDatabaseError<T>(_ block: () throws -> T) throws(GRDB.DatabaseError) -> T {
        do {
            return try block()
        } catch {
            throw error.forceCastToDatabaseError()
        }
    }

    public static func logCollectionStatistics(tx: DBReadTransaction) {
        Logger.info("KeyValueStore statistics:")
        do { // expect-next: dynamic
            let sql = """
            SELECT \(TableMetadata.Columns.collection), COUNT(*)
            FROM \(TableMetadata.tableName)
            GROUP BY \(TableMetadata.Columns.collection)
            ORDER BY COUNT(*) DESC
            LIMIT 10
            """
            let cursor = try Row.fetchCursor(tx.database, sql: sql)
            while let row = try cursor.next() {
                let collection: String = row[0]
                let count: Int64 = row[1]
                Logger.info("- \(collection): \(count) items")
            }
        } catch {
            Logger.warn("\(error.grdbErrorForLogging)")
        }
    }

    // MARK: - CRUD Methods

    private func _getValueOrThrow<T: DatabaseValueConvertible>(_ type: T.Type, key: String, tx: DBReadTransaction) throws -> T? {
        return try T.fetchOne(
            tx.database, // expect-next: dynamic
            sql: """
            SELECT \(TableMetadata.Columns.value)
            FROM \(TableMetadata.tableName)
            WHERE
                \(TableMetadata.Columns.key) = ?
                AND \(TableMetadata.Columns.collection) == ?
            """,
            arguments: [key, collection],
        )
    }

    private func _getKeysOrThrow(tx: DBReadTransaction) throws -> [String] {
        return try String.fetchAll(
            tx.database, // expect-next: dynamic
            sql: """
            SELECT \(TableMetadata.Columns.key)
            FROM \(TableMetadata.tableName)
            WHERE \(TableMetadata.Columns.collection) == ?
            """,
            arguments: [collection],
        )
    }

    private func _setValueOrThrow<T: DatabaseValueConvertible>(_ value: T?, key: String, tx: DBWriteTransaction) throws {
        let sql: String
        let arguments: StatementArguments
        if let value {
            // See: https://www.sqlite.org/lang_UPSERT.html // expect-next: dynamic
            sql = """
            INSERT INTO \(TableMetadata.tableName) (
                \(TableMetadata.Columns.key),
                \(TableMetadata.Columns.collection),
                \(TableMetadata.Columns.value)
            ) VALUES (?, ?, ?)
            ON CONFLICT (
                \(TableMetadata.Columns.key),
                \(TableMetadata.Columns.collection)
            ) DO UPDATE
            SET \(TableMetadata.Columns.value) = ?
            """
            arguments = [key, collection, value, value]
        } else {
            // Setting to nil is a delete. // expect-next: dynamic
            sql = """
            DELETE FROM \(TableMetadata.tableName)
            WHERE
                \(TableMetadata.Columns.key) == ?
                AND \(TableMetadata.Columns.collection) == ?
            """
            arguments = [key, collection]
        }

        let statement = try tx.database.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        try statement.execute()
    }

    private func _removeAllOrThrow(tx: DBWriteTransaction) throws {
        try tx.database.execute( // expect-next: dynamic
            sql: """
            DELETE
            FROM \(TableMetadata.tableName)
            WHERE \(TableMetadata.Columns.collection) == ?
            """,
            arguments: [collection],
        )
    }
}

