/// Bytes that stand for the holes of a literal in its decoded text, before placeholders are
/// normalised (see ``PlaceholderNormalizer``).
public enum HoleMarker {
    /// A run-time value spliced into the text (the statement is dynamic).
    @inlinable package static var dynamic: UInt8 { 0x01 }
    /// A bound parameter (a hole of a tagged template such as `sql`…``).
    @inlinable package static var parameter: UInt8 { 0x02 }
}
