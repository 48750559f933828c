import Foundation

/// Output text as UTF-8 bytes, appended through a raw pointer: a JSON finding is written in a few
/// dozen pieces, and an `[UInt8]` would check uniqueness and capacity and dispatch a generic copy
/// for each of them.
public struct OutputBuffer: ~Copyable {
    /// The number of bytes written.
    public private(set) var count = 0
    private var capacity: Int
    private var bytes: UnsafeMutablePointer<UInt8>

    /// An empty buffer with room for `capacity` bytes (it grows as needed).
    public init(capacity: Int = 64 * 1024) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
    }

    deinit {
        bytes.deallocate()
    }

    // MARK: - Writing

    /// Appends one byte.
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    /// Appends bytes.
    @inline(__always) public mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        let length = source.count
        reserve(length)
        let target = UnsafeMutableRawPointer(bytes + count)
        if length >= 8, length <= 16 {
            // Most keys and values are this short: two overlapping word copies instead of a call.
            let from = UnsafeRawPointer(base)
            target.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self),
                              toByteOffset: length - 8, as: UInt64.self)
        } else {
            target.copyMemory(from: base, byteCount: length)
        }
        count += length
    }

    /// Appends a literal's text.
    @inline(__always) public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Forgets everything written, keeping the memory.
    public mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes written.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The bytes written, as text.
    public var text: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Makes room for `length` more bytes (the check is inlined; growing is not).
    @inline(__always) private mutating func reserve(_ length: Int) {
        if count + length > capacity { grow(toFit: length) }
    }

    @inline(never) private mutating func grow(toFit length: Int) {
        let grown = max(capacity * 2, count + length)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity = grown
    }
}
