import CPgQuery
import Foundation

/// The bytes a fingerprint hashes: the strings libpg_query's fingerprint feeds its XXH3 state,
/// written one after the other (streaming XXH3 over them equals one XXH3 over their concatenation).
///
/// Its memory comes from the current memory context of the parse (see
/// ``PgQuery/summarize(_:normalizing:)``), which frees it with the tree: a fingerprint costs no
/// `malloc` and no `free`. It grows as needed.
struct FingerprintBuffer: ~Copyable {
    /// The number of bytes written.
    private(set) var count = 0
    private var capacity: Int
    private var bytes: UnsafeMutablePointer<UInt8>

    /// The seed libpg_query hashes with (its fingerprint version).
    private static let seed: UInt64 = 3

    /// Most statements write less than `capacity`; the buffer grows for the others.
    init(capacity: Int = 1024) {
        self.capacity = capacity
        bytes = palloc(capacity).assumingMemoryBound(to: UInt8.self)
    }

    // MARK: - Writing

    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Appends a NUL-terminated string, without its NUL.
    mutating func append(cString text: UnsafePointer<CChar>) {
        text.withMemoryRebound(to: UInt8.self, capacity: 1) { append($0, count: strlen(text)) }
    }

    mutating func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        if length <= 16 {
            Self.copySmall(from: UnsafeRawPointer(start), to: UnsafeMutableRawPointer(bytes + count), count: length)
        } else {
            (bytes + count).update(from: start, count: length)
        }
        count += length
    }

    mutating func append(byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    /// Appends `value` in decimal, as `sprintf("%d")` writes it.
    mutating func append(decimal value: Int32) {
        reserve(11)
        var magnitude = value.magnitude
        if value < 0 {
            bytes[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for index in stride(from: count + digits - 1, through: count, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// Forgets everything written from `mark` on.
    mutating func truncate(to mark: Int) {
        count = mark
    }

    /// Replaces the bytes from `start` to the end with the given ranges of them, in that order
    /// (ranges of the bytes as they are now, each within `start..<count`).
    mutating func rewrite(from start: Int, keeping ranges: some Sequence<Range<Int>>) {
        let length = count - start
        reserve(length)
        let copy = bytes + count
        copy.update(from: bytes + start, count: length)
        var end = start
        for range in ranges {
            (bytes + end).update(from: copy + (range.lowerBound - start), count: range.count)
            end += range.count
        }
        count = end
    }

    // MARK: - Hashing

    /// XXH3-64 with libpg_query's seed of the bytes in `range`.
    func hash(_ range: Range<Int>) -> UInt64 {
        XXH3_64bits_withSeed(bytes + range.lowerBound, range.count, Self.seed)
    }

    /// The hash of everything written.
    var hash: UInt64 { hash(0..<count) }

    // MARK: - Storage

    /// Copies up to 16 bytes with two overlapping loads and stores, without calling `memmove`
    /// (most of what a fingerprint writes is field names of a few bytes).
    private static func copySmall(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        if count >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for index in 0..<count {
                target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
            }
        }
    }

    /// Makes room for `length` more bytes (the check is inlined into every append; growing is not).
    @inline(__always) private mutating func reserve(_ length: Int) {
        if count + length > capacity { grow(toFit: length) }
    }

    @inline(never) private mutating func grow(toFit length: Int) {
        capacity = max(capacity * 2, count + length)
        bytes = repalloc(bytes, capacity).assumingMemoryBound(to: UInt8.self)
    }
}
