// Source: QuickPromptRepository of a macOS meeting-assistant app (GRDB), found with find_string
// 'try db.execute(sql: "' (index id 56714340504); repository name not returned.
// Excerpt: the QuickPromptImportError enum, fetchPinned, setPinned, reorder, seedIfNeeded, restoreOne, the
// .replace branch of applyImport (shortened: the count bookkeeping and the merge loop are left
// out; wrapped in a helper named replaceCustoms so that it stands alone — the name is ours) and
// normalizedForWrite, inside the class declaration; the SQL-bearing lines are verbatim.
// Classes: GRDB Int/Bool/String.fetchOne(db, sql:) and db.execute(sql:) with the sql: argument on
//          its own line, Swift """ literals opening after sql: (expect-next on the line before),
//          dynamic (IN (\(placeholders)) / NOT IN (\(placeholders)) interpolated into a plain
//          String literal — GRDB does not bind \() here, so the text is built at run time; the
//          placeholders string itself is "?"-joined), SELECT EXISTS(…), decoys (the "?" element
//          of the placeholders map, the error text "Quick-prompts import contains duplicate id
//          '\(…)'", doc comments mentioning `isBuiltIn = 1`, the GRDB query interface
//          .filter(QuickPrompt.Columns.isPinned == true)).
import Foundation
import GRDB

public enum QuickPromptImportError: Error, LocalizedError, Equatable {
    case duplicateID(UUID)

    public var errorDescription: String? {
        switch self {
        case .duplicateID(let id):
            return "Quick-prompts import contains duplicate id '\(id.uuidString)'."
        }
    }
}

public final class QuickPromptRepository: QuickPromptRepositoryProtocol {
    private let dbQueue: DatabaseQueue

    public init(dbQueue: DatabaseQueue) {
        self.dbQueue = dbQueue
    }

    public func fetchPinned() throws -> [QuickPrompt] {
        try dbQueue.read { db in
            try QuickPrompt
                .filter(QuickPrompt.Columns.isPinned == true)
                .filter(QuickPrompt.Columns.isVisible == true)
                .order(QuickPrompt.Columns.sortOrder.asc)
                .fetchAll(db)
        }
    }

    @discardableResult
    public func setPinned(id: UUID, isPinned: Bool) throws -> SetPinnedResult {
        try dbQueue.write { db in
            guard var prompt = try QuickPrompt.fetchOne(db, key: id) else {
                return .notFound
            }
            // Idempotent re-pin / re-unpin is a cheap no-op that still bumps
            // updatedAt for convergence with other clients.
            if isPinned && !prompt.isPinned {
                // Pinning lands the row at the end of the pinned bucket so the
                // user's recent action is the rightmost pill. Sort within the
                // bucket can be tweaked via `reorder(ids:pinned:)`.
                let maxPinnedSort = try Int.fetchOne(
                    db,
                    sql: "SELECT COALESCE(MAX(sortOrder), -1) FROM quick_prompts WHERE isPinned = 1" // expect: static
                ) ?? -1
                prompt.sortOrder = maxPinnedSort + 1
            } else if !isPinned && prompt.isPinned {
                // Unpinning lands the row at the end of the unpinned bucket
                // for the same reason — preserves the "I just touched this"
                // visual cue in the editor's ALL PROMPTS zone.
                let maxUnpinnedSort = try Int.fetchOne(
                    db,
                    sql: "SELECT COALESCE(MAX(sortOrder), -1) FROM quick_prompts WHERE isPinned = 0" // expect: static
                ) ?? -1
                prompt.sortOrder = maxUnpinnedSort + 1
            }
            prompt.isPinned = isPinned
            prompt.updatedAt = Date()
            try prompt.update(db)
            return .ok
        }
    }

    public func reorder(ids: [UUID], pinned: Bool) throws {
        try dbQueue.write { db in
            let now = Date()
            let pinnedFlag = pinned ? 1 : 0
            for (index, id) in ids.enumerated() {
                try db.execute( // expect-next: static
                    sql: """
                        UPDATE quick_prompts
                        SET sortOrder = ?, updatedAt = ?
                        WHERE id = ? AND isPinned = ?
                        """,
                    arguments: [index, now, id, pinnedFlag]
                )
            }
        }
    }

    // MARK: Reconciliation

    public func seedIfNeeded() throws {
        let canonical = QuickPrompt.builtInPrompts()
        let canonicalIDs = Set(canonical.map(\.id))

        try dbQueue.write { db in
            for prompt in canonical {
                let exists = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS(SELECT 1 FROM quick_prompts WHERE id = ?)", // expect: static
                    arguments: [prompt.id]
                ) ?? false
                if !exists {
                    try prompt.insert(db)
                }
            }

            // Retire built-ins removed from the canonical list. Customs are
            // never touched here — `isBuiltIn = 1` filter is load-bearing.
            if canonicalIDs.isEmpty {
                try db.execute(sql: "DELETE FROM quick_prompts WHERE isBuiltIn = 1") // expect: static
            } else {
                let placeholders = canonicalIDs.map { _ in "?" }.joined(separator: ",")
                let arguments: [DatabaseValueConvertible] = canonicalIDs.map { $0 }
                try db.execute( // expect-next: dynamic
                    sql: """
                        DELETE FROM quick_prompts
                        WHERE isBuiltIn = 1
                          AND id NOT IN (\(placeholders))
                        """,
                    arguments: StatementArguments(arguments)
                )
            }
        }
    }

    /// Rewrite canonical fields for a single built-in seed. Visibility is
    /// **preserved** — restoring default content shouldn't override an explicit
    /// hide. Pin state restores to the seed's canonical value (pinning is
    /// unbounded). If the row is missing entirely, this is a no-op (the
    /// reconciler will re-insert it on the next `seedIfNeeded()`).
    private func restoreOne(seed: QuickPrompt, db: Database, now: Date) throws {
        guard try QuickPrompt.fetchOne(db, key: seed.id) != nil else { return }

        try db.execute( // expect-next: static
            sql: """
                UPDATE quick_prompts
                SET label = ?, prompt = ?, groupLabel = ?, sortOrder = ?, isPinned = ?, isBuiltIn = 1, updatedAt = ?
                WHERE id = ?
                """,
            arguments: [
                seed.label,
                seed.prompt,
                seed.groupLabel,
                seed.sortOrder,
                seed.isPinned,
                now,
                seed.id,
            ]
        )
    }

    // MARK: Import (excerpt of applyImport, case .replace)

    private func replaceCustoms(existing: [QuickPrompt], canonicalSeeds: [QuickPrompt], db: Database, dryRun: Bool) throws {
                // 1. Delete every custom row.
                let customIDs = existing.filter { !$0.isBuiltIn }.map(\.id)
                if !dryRun {
                    let placeholders = customIDs.map { _ in "?" }.joined(separator: ",")
                    if !customIDs.isEmpty {
                        try db.execute(
                            sql: "DELETE FROM quick_prompts WHERE id IN (\(placeholders))", // expect: dynamic
                            arguments: StatementArguments(customIDs.map { $0 as DatabaseValueConvertible })
                        )
                    }
                    // 2. Re-seed built-ins to canonical so the slate is truly clean.
                    for seed in canonicalSeeds {
                        try seed.save(db)
                    }
                }
    }

    private func normalizedForWrite(_ prompt: QuickPrompt, db: Database) throws -> QuickPrompt {
        var normalized = prompt
        normalized.isBuiltIn = QuickPrompt.builtInPrompt(id: prompt.id) != nil

        if let raw = normalized.groupLabel?.trimmingCharacters(in: .whitespacesAndNewlines),
           !raw.isEmpty {
            // Case-insensitive match against the rest of the table; if found,
            // adopt that casing so "capture" and "CAPTURE" don't fork into two
            // visually-distinct buckets. Excludes the row itself so a user
            // editing the canonical "CAPTURE" row to "Capture" can rename it.
            let canonical = try String.fetchOne(
                db, // expect-next: static
                sql: """
                    SELECT groupLabel FROM quick_prompts
                    WHERE id <> ?
                      AND groupLabel IS NOT NULL
                      AND LOWER(groupLabel) = LOWER(?)
                    ORDER BY rowid LIMIT 1
                    """,
                arguments: [prompt.id, raw]
            )
            normalized.groupLabel = canonical ?? raw
        } else {
            normalized.groupLabel = nil
        }
        return normalized
    }
}
