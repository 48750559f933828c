// Source: m-barthelemy/vapor-queues-fluent-driver (MIT License) — three files:
//   Sources/QueuesFluentDriver/PopQueries/SqlitePopQuery.swift
//   Sources/QueuesFluentDriver/PopQueries/PostgresPopQuery.swift
//   Sources/QueuesFluentDriver/_popRawSQL.swift
// Adapted: concatenated; code unchanged.
// Classes: short (SQLQueryString("COMMIT") through SQLKit's raw()), decoys (a "BEGIN
//          IMMEDIATE" call that is commented out; an entire raw-SQL UPDATE ... RETURNING
//          implementation kept inside a /* ... */ block comment — not live code, so no label;
//          column names built with "\(FieldKey.jobId)"; the SQLKit query builder, which emits
//          SQL without any literal).

import Foundation
import SQLKit
import Fluent

// Currently broken
final class SqlitePop : PopQueryProtocol {
    func pop(db: Database, select: SQLExpression) -> EventLoopFuture<String?> {
        let db = db as! SQLDatabase
        //let beginImmediateTrxn = database.raw("BEGIN IMMEDIATE").

        //return database.raw(SQLQueryString("BEGIN IMMEDIATE")).run().flatMap { void in
            var id: String?
            return db.execute(sql: select) { (row) -> Void in
                id = try? row.decode(column: "\(FieldKey.jobId)", as: String.self)
            }
            .flatMap {
                guard let id = id else {
                    return db.eventLoop.makeSucceededFuture(nil)
                }
                let updateQuery = db
                    .update(JobModel.schema)
                    .set(SQLColumn("\(FieldKey.state)"), to: SQLBind(QueuesFluentJobState.processing))
                    .set(SQLColumn("\(FieldKey.updatedAt)"), to: SQLBind(Date()))
                    .where(SQLColumn("\(FieldKey.jobId)"), .equal, SQLBind(id))
                    .where(SQLColumn("\(FieldKey.state)"), .equal, SQLBind(QueuesFluentJobState.pending))
                    .query
                return db.execute(sql: updateQuery) { (row) in }
                    .flatMap {
                        return db.raw(SQLQueryString("COMMIT")).run().map { // expect: static
                            return id
                        }
                    }
            }
        //}
    }
}

final class PostgresPop : PopQueryProtocol {
    func pop(db: Database, select: SQLExpression) -> EventLoopFuture<String?> {
        let db = db as! SQLDatabase
        let subQueryGroup = SQLGroupExpression.init(select)
        let query = db
            .update (JobModel.schema)
            .set    (SQLColumn("\(FieldKey.state)"), to: SQLBind(QueuesFluentJobState.processing))
            .set    (SQLColumn("\(FieldKey.updatedAt)"), to: SQLBind(Date()))
            .where  (
                SQLBinaryExpression(left: SQLColumn("\(FieldKey.jobId)"), op: SQLBinaryOperator.equal , right: subQueryGroup)
            )
            .returning(.column(FieldKey.jobId))
            .query

        var id: String?
        return db.execute(sql: query) { (row) -> Void in
            id = try? row.decode(column: "\(FieldKey.jobId)", as: String.self)
        }.map {
            return id
        }
    }
}

// Put here for reference
// This implementation is working, but disabled since using raw SQL

/*
private func pop(_ id: JobIdentifier? = nil) -> EventLoopFuture<JobIdentifier?> {
    let db = self.database as! PostgresDatabase
    let lockclause = self.useForUpdateSkipLocked ? "FOR UPDATE SKIP LOCKED" : ""
    let sql =   """
                UPDATE \(JobModel.schema)
                SET "\(Self.model.$state.key)" = '\(JobState.processing)',
                "\(Self.model.$updatedAt.path.first!)" = CURRENT_TIMESTAMP
                WHERE "\(Self.model.$id.key)" = (
                    SELECT "\(Self.model.$id.key)"
                    FROM "\(JobModel.schema)"
                    WHERE "\(Self.model.$state.key)" = '\(JobState.pending)'
                    ORDER BY "\(Self.model.$createdAt.path.first!)"
                    \(lockclause)
                    LIMIT 1
                )
                RETURNING *
                """

    return db.sql().raw(SQLQueryString.init(sql) )
        .first(decoding: JobModel.self).optionalMap {
            return JobIdentifier(string: $0.id!.uuidString)
    }
}
*/
