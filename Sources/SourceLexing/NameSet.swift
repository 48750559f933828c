import Foundation

/// A fixed set of short ASCII names (callee names, keywords), asked whether it holds a name many
/// times per statement.
///
/// `Set<String>` hashes every lookup with a seeded SipHash and retains and releases the strings
/// it compares; this hashes the name's bytes with one multiply per byte, probes a small
/// open-addressed table and compares bytes only on a hash match, all in storage it never copies.
/// It is built once and never changes.
package struct NameSet: ExpressibleByArrayLiteral, Sendable {
    private let table: Table

    package init(_ names: some Sequence<String>) {
        var seen: Set<String> = []
        table = Table(names.filter { seen.insert($0).inserted }.map { Array($0.utf8) })
    }

    package init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// Whether the set holds `name` (compared byte for byte).
    package func contains(_ name: String) -> Bool {
        name.withUTF8Bytes(table.contains)
    }

    /// Whether the set holds the name spelled by `bytes`.
    package func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        table.contains(bytes)
    }

    /// The names, in the order first given.
    package var elements: [String] { table.names }
}

extension NameSet {
    /// The open-addressed table, in memory allocated once: slot `i` holds 1 + the index of a name,
    /// or 0 when empty, and the hash of that name; the names' bytes are stored one after another.
    private final class Table: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Int32>
        private let hashes: UnsafeMutableBufferPointer<UInt32>
        /// Name `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
        private let offsets: UnsafeMutableBufferPointer<Int>
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private let mask: Int

        init(_ names: [[UInt8]]) {
            var size = 8
            while size < names.count * 3 { size *= 2 }
            mask = size - 1
            slots = .allocate(capacity: size)
            slots.initialize(repeating: 0)
            hashes = .allocate(capacity: size)
            hashes.initialize(repeating: 0)
            offsets = .allocate(capacity: names.count + 1)
            bytes = .allocate(capacity: max(1, names.reduce(0) { $0 + $1.count }))
            var end = 0
            for (index, name) in names.enumerated() {
                offsets[index] = end
                for byte in name {
                    bytes[end] = byte
                    end += 1
                }
                let hash = name.withUnsafeBufferPointer(Self.hash)
                var slot = Int(hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
                hashes[slot] = hash
            }
            offsets[names.count] = end
        }

        deinit {
            slots.deallocate()
            hashes.deallocate()
            offsets.deallocate()
            bytes.deallocate()
        }

        func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            let hash = Self.hash(name)
            var slot = Int(hash) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return false }
                if hashes[slot] == hash {
                    let start = offsets[entry - 1]
                    let count = offsets[entry] - start
                    if count == name.count,
                       count == 0 || memcmp(bytes.baseAddress! + start, name.baseAddress!, count) == 0 { return true }
                }
                slot = (slot + 1) & mask
            }
        }

        var names: [String] {
            (0..<(offsets.count - 1)).map { String(decoding: bytes[offsets[$0]..<offsets[$0 + 1]], as: UTF8.self) }
        }

        /// FNV-1a over the bytes, folded to 32 bits.
        private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }
}
