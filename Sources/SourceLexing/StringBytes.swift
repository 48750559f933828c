extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place when they are contiguous (a
    /// native string's always are). `withUTF8` needs a `var`, and copying the string into one
    /// costs a retain and a release on every call.
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
