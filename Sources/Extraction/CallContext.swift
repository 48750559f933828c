import Foundation
import SourceLexing

/// What the code around a string literal says about it.
struct CallContext {
    /// How strongly the surroundings say the string is SQL.
    enum Role: Int, Comparable {
        /// Logging, messages, translations, exceptions, tests: never SQL.
        case notSQL = 0
        /// Nothing known.
        case neutral = 1
        /// Assigned to a variable or argument named like SQL (`sql`, `query`, `stmt`).
        case sqlNamed = 2
        /// An argument of a raw-SQL entry point (`execute`, `text`, `$queryRaw`, `find_by_sql`…).
        case entryPoint = 3

        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var role: Role = .neutral
    /// The string is a format string filled by a call (`Sprintf`, `String.format`, `.format`, `%`).
    var formatted = false
    /// Template holes are bound parameters (tagged templates such as `sql`…`` and `$queryRaw`).
    var holesAreParameters = false
    /// The surroundings mark the query as JPQL/HQL (not SQL).
    var jpql = false
    /// The string follows another argument of the call it is handed to (`exec('FileReader', 'abort')`).
    var laterArgument = false
    /// Where the file spells the name of the function the string is handed to when the file knows
    /// nothing of it (no entry point, wrapper, formatter or sink): a wrapper defined in another
    /// file may make it an entry point (see ``TreeWrappers``). A range rather than a string: every
    /// candidate carries a context, and a string would be retained with each copy.
    var unknownCallee: Range<Int>?
    /// The token of the variable the string is assigned to (`delete_sql = "…"`), or -1.
    var assignedTo = -1
}
