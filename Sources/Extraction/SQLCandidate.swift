import Foundation
import SQLText

/// A string expression from code that may hold SQL, before it is parsed.
struct SQLCandidate {
    /// Marks a run-time value spliced into the text (the statement is dynamic).
    static var dynamicHole: UInt8 { HoleMarker.dynamic }
    /// Marks a bound parameter (a hole of a tagged template such as `sql`…``).
    static var parameterHole: UInt8 { HoleMarker.parameter }

    /// Decoded text; holes are the marker bytes above.
    var text: [UInt8]
    var line: Int
    var column: Int
    /// Lines between the literal's opening and its text (1 for heredocs, whose body starts on
    /// the next line).
    var bodyLineDelta = 0
    var context: CallContext
    /// Pieces were joined with non-literal operands (`"…" + table + "…"`).
    var concatenated: Bool
    /// The variable the text is assigned to is extended later (`sql += …`, `$sql .= …`,
    /// `sql.append(…)`, `sql.format(…)`): the statement is only known at run time, and its first
    /// piece may be a lone keyword.
    var extendedLater = false
}
