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
    public mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        reserve(source.count)
        (bytes + count).update(from: base, count: source.count)
        count += source.count
    }

    /// Appends a literal's text.
    public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
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

    /// Makes room for `length` more bytes.
    private mutating func reserve(_ length: Int) {
        guard count + length > capacity else { return }
        let grown = max(capacity * 2, count + length)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity = grown
    }
}
