import Foundation

/// Reads whole files into a buffer reused from file to file; skips large and binary files.
package struct FileReader {
    private var buffer: UnsafeMutableRawBufferPointer = .allocate(byteCount: 64 * 1024, alignment: 16)
    private static let binaryProbeLength = 8192

    /// Reads `path` and calls `body` with its bytes unless the file is larger than `limit` or
    /// binary (a NUL byte near the start). Returns the number of bytes read.
    package init() {}

    package mutating func read(_ path: String, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return 0 }
        let size = Int(status.st_size)
        guard size > 0, size <= limit else { return 0 }
        if buffer.count < size + 1 {
            buffer.deallocate()
            buffer = .allocate(byteCount: max(size + 1, buffer.count * 2), alignment: 16)
        }
        var total = 0
        while total < size {
            let count = Glibc.read(descriptor, buffer.baseAddress! + total, size - total)
            if count <= 0 { break }
            total += count
        }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: total)
        if memchr(bytes.baseAddress!, 0, min(total, Self.binaryProbeLength)) != nil { return total }
        body(bytes)
        return total
    }
}
