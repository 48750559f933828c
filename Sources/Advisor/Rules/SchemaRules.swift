import Foundation

// MARK: - Rules that need the target's catalog

extension RuleCatalog {
    static let unindexedForeignKeyJoin = Rule(
        id: "unindexed_foreign_key_join", severity: .high,
        message: "A join uses a foreign-key column that has no index starting with it",
        fix: "CREATE INDEX CONCURRENTLY on the foreign-key column (it also speeds up deletes on the referenced table)."
    ) { context in
        guard let catalog = context.catalog else { return [] }
        return context.shape.uses.compactMap { use in
            guard use.role == .join, let table = use.table, let info = catalog.table(table),
                  info.foreignKeys.contains(where: { $0.columns.first == use.column }),
                  !info.indexes.contains(where: { $0.columns.first == use.column }) else { return nil }
            return "\(info.name).\(use.column)"
        }
    }
}
