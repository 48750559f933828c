// Source: GRDB apps found with find_string '.filter(sql: "' (index ids 61308247529 [a NoteStore],
// 52644985859 [CollectionsDAO], 70494545639 [a notes reconciler], 44371112609 [an image DAO on
// SQLiteConnectionGRDB], 71499192644 [a Jellyfin library store], 57049398074 [thread-link
// resolver], 61980643829 [a vocabulary store], 65894785855 [NoHardDeleteTests, app
// "kitchen-buddy-ios"]); repository names not returned. Verbatim; 52644985859 and 65894785855
// complete, the others excerpts (one to eight methods each), wrapped in a type where the excerpt
// did not show one (the wrapper type names are made up and end in "Excerpt").
// Classes: fragments (GRDB filter(sql:) WHERE pieces with ? placeholders, COLLATE NOCASE, ESCAPE
//          '\\', a subquery in a multi-line """ fragment (expect-next), a predicate kept in a
//          `static let` and reused (labelled once, where its literal opens; the
//          filter(sql: Self.excludeOfficial) calls carry no literal, no label), fragments built
//          with \(…) — still fragments —, an id='\(id)' condition), static statements
//          (db.execute(sql:) with the literal on the `sql:` line; `sql: """` opening after a call
//          line, labelled with a trailing expect-next on that call line; CREATE INDEX in
//          DatabaseMigrator blocks; String.fetchAll(db, sql:); SQL strings passed as test
//          arguments @Test(arguments: ["UPDATE …", …]) and run later by db.execute(sql: sql)),
//          dynamic ("DELETE FROM \(table)" in a plain String),
//          decoys (Column("remind_at") / Column("totalShows") DSL, registerMigration("v1") names,
//          db.create(table:) / db.alter(table:) builders, NSLog texts, LIKE patterns built in Swift
//          "%\"\(escapeLike(tag))\"%", replacingOccurrences escapes, logger "TODO function for SQLite",
//          #expect messages "fixture must populate \(table)", date formats "yyyy-MM-dd").
import GRDB

// ---------------------------------------------------------------- id 61308247529 (excerpt)
final class NoteStoreExcerpt {
    @MainActor
    func observeFiltered(
        _ filter: NoteFilter,
        limit: Int,
        onChange: @escaping @Sendable ([Note]) -> Void
    ) -> AnyDatabaseCancellable {
        let observation = ValueObservation.tracking { db in
            try Self.filteredRequest(filter).limit(limit).fetchAll(db)
        }

        return observation.start(
            in: dbQueue,
            onError: { error in
                NSLog("NoteStore observation failed: \(error)")
            },
            onChange: onChange
        )
    }

    func setRemindAt(id: Int64, date: Date?) throws {
        try dbQueue.write { db in
            if let date {
                try db.execute(
                    sql: "UPDATE note SET remind_at = ? WHERE id = ?", // expect: static
                    arguments: [date.timeIntervalSince1970, id]
                )
            } else {
                // Clearing the reminder also clears any recurrence — there is no
                // such thing as a recurring reminder with no next fire date.
                try db.execute(
                    sql: "UPDATE note SET remind_at = NULL, recurrence_rule = NULL WHERE id = ?", // expect: static
                    arguments: [id]
                )
            }
        }
    }

    /// Persists a one-shot or recurring reminder schedule: `remind_at` always
    /// holds the next fire date; `recurrence_rule` is set only for recurring
    /// schedules and drives `ReminderScheduler`'s recurring notification triggers.
    func setReminderSchedule(id: Int64, schedule: ReminderSchedule) throws {
        let remindAt: TimeInterval
        let ruleJSON: String?
        switch schedule {
        case .once(let date):
            remindAt = date.timeIntervalSince1970
            ruleJSON = nil
        case .recurring(let rule, let firstFireDate):
            remindAt = firstFireDate.timeIntervalSince1970
            ruleJSON = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        }
        try dbQueue.write { db in
            try db.execute(
                sql: "UPDATE note SET remind_at = ?, recurrence_rule = ? WHERE id = ?", // expect: static
                arguments: [remindAt, ruleJSON, id]
            )
        }
    }

    /// Notes with a future or recurring reminder, soonest first. A recurring
    /// reminder is always "pending" even once its stored `remind_at` hint has
    /// passed — `ReminderScheduler` recomputes the next fire date from the rule.
    func fetchPendingReminders(limit: Int = 500) throws -> [Note] {
        let now = Date().timeIntervalSince1970
        return try dbQueue.read { db in
            try Note
                .filter(Column("remind_at") != nil)
                .filter(sql: "(remind_at > ? OR recurrence_rule IS NOT NULL)", arguments: [now]) // expect: fragment
                .filter(Column("completed_at") == nil)
                .order(Column("remind_at").asc)
                .limit(limit)
                .fetchAll(db)
        }
    }

    func setActionReview(
        id: Int64,
        actionable: Bool,
        summary: String?,
        detail: String?,
        at date: Date = Date()
    ) throws {
        try dbQueue.write { db in
            try db.execute( // expect-next: static
                sql: """
                UPDATE note
                SET actionable = ?, action_summary = ?, action_detail = ?, action_reviewed_at = ?
                WHERE id = ?
                """,
                arguments: [actionable, summary, detail, date.timeIntervalSince1970, id]
            )
        }
    }

    func clearActionReview(id: Int64) throws {
        try dbQueue.write { db in
            try db.execute( // expect-next: static
                sql: """
                UPDATE note
                SET actionable = NULL, action_summary = NULL, action_detail = NULL, action_reviewed_at = NULL
                WHERE id = ?
                """,
                arguments: [id]
            )
        }
    }

    /// Incomplete notes the model has not classified yet, oldest first.
    func fetchUnreviewed(limit: Int) throws -> [Note] {
        try dbQueue.read { db in
            try Note
                .filter(Column("completed_at") == nil)
                .filter(Column("action_reviewed_at") == nil)
                .order(Column("created_at").asc, Column("id").asc)
                .limit(limit)
                .fetchAll(db)
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "note") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("body", .text).notNull()
                table.column("created_at", .double).notNull()
                table.column("completed_at", .double)
            }
            try db.execute(sql: "CREATE INDEX note_created_at_idx ON note(created_at DESC)") // expect: static
        }
        migrator.registerMigration("v2_project_tags") { db in
            // `project` is the label; `tagged_at` records that the tagger ran at all,
            // so a note it declined to label is not retried forever.
            try db.alter(table: "note") { table in
                table.add(column: "project", .text)
                table.add(column: "project_confidence", .double)
                table.add(column: "tagged_at", .double)
            }
            try db.execute(sql: "CREATE INDEX note_project_idx ON note(project)") // expect: static
        }
        migrator.registerMigration("v3_reminders") { db in
            try db.alter(table: "note") { table in
                table.add(column: "remind_at", .double)
            }
            try db.execute(sql: "CREATE INDEX note_remind_at_idx ON note(remind_at)") // expect: static
        }
        migrator.registerMigration("v4_action_review") { db in
            try db.alter(table: "note") { table in
                table.add(column: "actionable", .boolean)
                table.add(column: "action_summary", .text)
                table.add(column: "action_detail", .text)
                table.add(column: "action_reviewed_at", .double)
            }
            try db.execute(sql: "CREATE INDEX note_actionable_idx ON note(actionable)") // expect: static
        }
        migrator.registerMigration("v5_recurring_reminders") { db in
            try db.alter(table: "note") { table in
                table.add(column: "recurrence_rule", .text)
            }
        }
        return migrator
    }
}

// ---------------------------------------------------------------- id 52644985859 (complete)
struct CollectionsDAO: Sendable {
    let database: AppDatabase

    // MARK: - Insert

    func insert(_ collection: DeadCollectionRecord) throws {
        try database.write { db in
            var record = collection
            try record.insert(db)
        }
    }

    func insertAll(_ collections: [DeadCollectionRecord]) throws {
        try database.write { db in
            for collection in collections {
                var record = collection
                try record.insert(db)
            }
        }
    }

    // MARK: - Fetch

    /// SQL predicate that excludes collections tagged as official releases.
    private static let excludeOfficial =
        "tagsJson NOT LIKE '%\"official\"%' ESCAPE '\\' AND tagsJson NOT LIKE '%\"official-release\"%' ESCAPE '\\'" // expect: fragment

    func fetchAll() throws -> [DeadCollectionRecord] {
        try database.read { db in
            try DeadCollectionRecord
                .filter(sql: Self.excludeOfficial)
                .fetchAll(db)
        }
    }

    func fetchById(_ id: String) throws -> DeadCollectionRecord? {
        try database.read { db in
            try DeadCollectionRecord.fetchOne(db, key: id)
        }
    }

    func fetchFeatured(limit: Int) throws -> [DeadCollectionRecord] {
        try database.read { db in
            try DeadCollectionRecord
                .filter(sql: Self.excludeOfficial)
                .order(Column("totalShows").desc)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Returns collections whose tagsJson contains the given tag value.
    func fetchByTag(_ tag: String) throws -> [DeadCollectionRecord] {
        let pattern = "%\"\(escapeLike(tag))\"%"
        return try database.read { db in
            try DeadCollectionRecord
                .filter(sql: "tagsJson LIKE ? ESCAPE '\\' AND \(Self.excludeOfficial)", arguments: [pattern]) // expect: fragment
                .fetchAll(db)
        }
    }

    /// LIKE search across name and description.
    func search(_ query: String) throws -> [DeadCollectionRecord] {
        let pattern = "%\(escapeLike(query))%"
        return try database.read { db in
            try DeadCollectionRecord
                .filter(sql: "(name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\') AND \(Self.excludeOfficial)", arguments: [pattern, pattern]) // expect: fragment
                .fetchAll(db)
        }
    }

    /// Returns collections whose showIdsJson contains the given showId.
    func fetchContainingShow(_ showId: String) throws -> [DeadCollectionRecord] {
        let pattern = "%\"\(escapeLike(showId))\"%"
        return try database.read { db in
            try DeadCollectionRecord
                .filter(sql: "showIdsJson LIKE ? ESCAPE '\\' AND \(Self.excludeOfficial)", arguments: [pattern]) // expect: fragment
                .fetchAll(db)
        }
    }

    func fetchCount() throws -> Int {
        try database.read { db in
            try DeadCollectionRecord
                .filter(sql: Self.excludeOfficial)
                .fetchCount(db)
        }
    }

    // MARK: - Management

    func deleteAll() throws {
        try database.write { db in
            try DeadCollectionRecord.deleteAll(db)
        }
    }

    // MARK: - Private helpers

    private func escapeLike(_ value: String) -> String {
        value
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

// ---------------------------------------------------------------- id 70494545639 (excerpt)
final class NoteReconcilerExcerpt {
    private func rebuildLinks(for file: NoteFile, in db: Database) throws {
        // Rebuild wiki-link edges from the parsed body.
        try db.execute(sql: "DELETE FROM note_links WHERE sourceNoteId = ?", arguments: [file.id]) // expect: static
        let anchors = NoteStore.parseWikiLinks(from: file.body)
        for anchor in anchors {
            if let target = try Note
                .filter(sql: "LOWER(title) = LOWER(?)", arguments: [anchor]) // expect: fragment
                .fetchOne(db) {
                let link = NoteLinkRow(
                    sourceNoteId: file.id,
                    targetNoteId: target.id,
                    anchorText: anchor
                )
                try link.insert(db, onConflict: .ignore)
            }
        }
    }

    nonisolated private static let dailyDateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.locale = Locale(identifier: "en_US_POSIX")
        return f
    }()
}

// ---------------------------------------------------------------- id 44371112609 (excerpt)
final class ImageDaoExcerpt {
    func getImage(id:String) -> Image? {
        var image:Image?
        do {
            let db = try SQLiteConnectionGRDB.default.sharedDBPool()
            try db.read { db in
                image = try Image.filter(sql: "id='\(id)'").fetchOne(db) // expect: fragment
            }
        }catch{
            self.logger.log(error)
        }
        return image
    }
    
    func findImage(repositoryVolume:String, repositoryPath:String, subPath:String) -> Image? {
        self.logger.log(.todo, "TODO function for SQLite")
        return nil
    }
}

// ---------------------------------------------------------------- id 71499192644 (excerpt)
final class LibraryStoreExcerpt {
    func libraryRootChildren(libraryId: String) async throws -> [LibraryEntry] {
        let entries: [LibraryEntry] = try await database.writer.read { db in
            let request = ItemRecord
                .filter(Column("libraryId") == libraryId)
                // expect-next: fragment
                .filter(sql: """
                    (item.parentId IS NULL
                     OR item.parentId = ?
                     OR NOT EXISTS (
                         SELECT 1 FROM item AS parent
                         WHERE parent.id = item.parentId AND parent.libraryId = ?
                     ))
                    """, arguments: [libraryId, libraryId])
                .including(optional: ItemRecord.userDataAssociation)
            return try LibraryEntry.fetchAll(db, request)
        }
        return Self.foldersFirst(entries)
    }
}

// ---------------------------------------------------------------- id 57049398074 (excerpt)
enum ThreadLinkResolverExcerpt {
  public static func resolve(_ target: ThreadLinkTarget, db: Database) throws -> Peer? {
    if let peer = target.directPeer {
      return peer
    }

    guard case let .title(spaceId, title) = target else {
      return nil
    }

    let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmedTitle.isEmpty else {
      return nil
    }

    let chats = try Chat
      .filter(Chat.Columns.type == ChatType.thread.rawValue)
      .filter(Chat.Columns.spaceId == spaceId)
      .filter(Chat.Columns.parentMessageId == nil)
      .filter(sql: "title = ? COLLATE NOCASE", arguments: StatementArguments([trimmedTitle])) // expect: fragment
      .order(Chat.Columns.date.desc)
      .limit(1)
      .fetchAll(db)

    guard let chat = chats.first else { return nil }

    return .thread(id: chat.id)
  }
}

// ---------------------------------------------------------------- id 61980643829 (excerpt)
final class VocabularyStoreExcerpt {
    /// Dedup lookup by canonical normalized key + language (SPEC §11).
    public func find(rawText: String, language: String) throws -> Entry? {
        let normalized = TextKey.normalize(rawText)
        return try dbQueue.read { db in
            try Entry
                .filter(sql: "normalized_text = ? AND lower(language) = ?", // expect: fragment
                        arguments: [normalized, language.lowercased()])
                .fetchOne(db)
        }
    }
}

// ---------------------------------------------------------------- id 65894785855 (complete)
import Testing
import KitchenCore
import KitchenTesting
@testable import KitchenPersistence

/// Feature: kitchen-buddy-ios, the database itself refuses destruction:
/// raw DELETEs on user-content tables and UPDATEs on immutable ones abort.
/// Validates: Requirements 3.5, 17.1 (ADR-003)
@Suite struct NoHardDeleteTests {
    static func seededBook() throws -> RecipeBook {
        let book = try TestDatabase.inMemory()
        let folder = try book.folders.create(name: "F", parentID: nil)
        var draft = try LegacyFixtures.recipesV1()[0]
        draft.folderID = folder.id
        let recipe = try book.recipes.create(draft)
        try book.recipes.rate(recipe.id, value: 3)
        try book.recipes.clearRating(recipe.id)
        try book.recipes.rate(recipe.id, value: 4)
        try book.recipes.addNote(to: recipe.id, body: "n", cookedOn: nil)
        try book.writer.write { db in
            // expect-next: static
            try db.execute(sql: """
                INSERT INTO photos (id, recipe_id, file_name, width, height, sort_order, created_at)
                VALUES ('p1', ?, 'p1.jpg', 10, 10, 0, '2026-01-01T00:00:00.000Z')
                """, arguments: [recipe.id.rawValue])
        }
        return book
    }

    @Test(arguments: TableCounts.tables)
    func rawDeleteAborts(table: String) throws {
        let book = try Self.seededBook()
        let before = try TableCounts.snapshot(book)
        #expect(before.counts[table]! > 0, "fixture must populate \(table)")
        #expect(throws: DatabaseError.self) {
            try book.writer.write { db in try db.execute(sql: "DELETE FROM \(table)") } // expect: dynamic
        }
        #expect(try TableCounts.snapshot(book) == before)
    }

    @Test(arguments: [
        "UPDATE recipe_versions SET title = 'x'", // expect: static
        "UPDATE ingredients SET name = 'x'", // expect: static
        "UPDATE instructions SET text = 'x'", // expect: static
        "UPDATE ratings SET value = 1", // expect: static
        "UPDATE rating_clears SET cleared_at = 'x'", // expect: static
        "UPDATE recipes SET parent_recipe_id = id", // expect: static
        "UPDATE recipes SET parent_recipe_id = 'other'", // expect: static
    ])
    func immutableRowsRejectUpdates(sql: String) throws {
        let book = try Self.seededBook()
        let titles = try book.writer.read { db in try String.fetchAll(db, sql: "SELECT title FROM recipe_versions") } // expect: static
        #expect(throws: DatabaseError.self) {
            try book.writer.write { db in try db.execute(sql: sql) }
        }
        #expect(try book.writer.read { db in try String.fetchAll(db, sql: "SELECT title FROM recipe_versions") } == titles) // expect: static
    }

    @Test func derivedTablesMayBeRewritten() throws {
        let book = try Self.seededBook()
        try book.writer.write { db in
            try db.execute(sql: "DELETE FROM recipe_tags") // expect: static
            try db.execute(sql: "DELETE FROM preferences") // expect: static
        }
        try book.rebuildSearchIndex()
        #expect(try book.recipes.count(includeArchived: true) == 1)
    }

    @Test func noPublicAPIDeletes() throws {
        let book = try Self.seededBook()
        let before = try TableCounts.snapshot(book)
        let id = try #require(try book.recipes.summaries(.all).first?.id)
        try book.recipes.archive(id)
        let folder = try #require(try book.folders.all().first)
        try book.folders.delete(folder.id)
        let note = try #require(try book.recipes.notes(id, includeDeleted: true).first)
        try book.recipes.deleteNote(note.id)
        #expect(try TableCounts.snapshot(book) == before)
    }
}
