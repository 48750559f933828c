import PgQuery

/// The analyses of recently seen candidate texts, so that a statement repeated in a file or
/// across the files of a worker is parsed once.
///
/// Direct-mapped: a text's XXH3 hash (with how it is read) picks one slot, and a new entry
/// replaces what the slot held. Nothing is hashed twice and the cache never has to be emptied.
struct AnalysisCache {
    /// A candidate's text and how it is read.
    struct Key: Equatable {
        var text: [UInt8]
        var formatted: Bool
        var concatenated: Bool
        var role: CallContext.Role
        /// The text's hash mixed with how it is read; compared before the text.
        fileprivate var hash: UInt64

        init(text: [UInt8], formatted: Bool, concatenated: Bool, role: CallContext.Role) {
            self.text = text
            self.formatted = formatted
            self.concatenated = concatenated
            self.role = role
            let variant = UInt64(role.rawValue) << 2 | (formatted ? 2 : 0) | (concatenated ? 1 : 0)
            hash = (text.withUnsafeBytes(PgQuery.textHash) ^ variant) &* 0x9E37_79B9_7F4A_7C15
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.formatted == rhs.formatted && lhs.concatenated == rhs.concatenated
                && lhs.role == rhs.role && lhs.text == rhs.text
        }
    }

    private var slots: [(key: Key, analyses: [StatementAnalysis])?]
    /// The hash of each slot's key, read first: most lookups miss, and then the slot itself (whose
    /// copy would retain the key's text and the analyses) is not touched.
    private var hashes: [UInt64]
    private let shift: UInt64

    /// A cache of `2^sizeLog2` slots.
    init(sizeLog2: Int = 8) {
        slots = Array(repeating: nil, count: 1 << sizeLog2)
        hashes = Array(repeating: 0, count: 1 << sizeLog2)
        shift = UInt64(64 - sizeLog2)
    }

    /// The analyses stored for `key`, if its slot still holds them.
    func analyses(for key: Key) -> [StatementAnalysis]? {
        let slot = slot(of: key)
        guard hashes[slot] == key.hash, let entry = slots[slot], entry.key == key else { return nil }
        return entry.analyses
    }

    /// Stores `analyses` for `key`, replacing whatever its slot held.
    mutating func store(_ analyses: [StatementAnalysis], for key: Key) {
        let slot = slot(of: key)
        hashes[slot] = key.hash
        slots[slot] = (key, analyses)
    }

    /// The slot of a key: the top bits of its (multiplied) hash.
    private func slot(of key: Key) -> Int {
        Int(truncatingIfNeeded: key.hash >> shift)
    }
}
