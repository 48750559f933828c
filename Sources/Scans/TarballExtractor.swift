import Foundation

/// Unpacks a `.tar.gz` into a directory safely: `gzip -dc` decompresses in a subprocess and a
/// small tar reader writes only regular files and directories whose paths stay inside the
/// destination. Links, devices, FIFOs, absolute paths and `..` components are skipped and
/// counted; the unpacked size and the number of entries are limited (an archive bomb fails).
public struct TarballExtractor: Sendable {
    /// Limits of one archive.
    public var maxUnpackedBytes: Int
    public var maxEntries: Int
    /// Files larger than this are counted but not written (the scanner skips them anyway).
    public var maxFileBytes: Int

    public init(maxUnpackedBytes: Int, maxEntries: Int, maxFileBytes: Int = 2 << 20) {
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxEntries = maxEntries
        self.maxFileBytes = maxFileBytes
    }

    /// What an extraction did.
    public struct Outcome: Sendable, Equatable {
        public var files = 0
        public var directories = 0
        /// Entries refused: links, devices, unsafe paths.
        public var skipped = 0
        public var unpackedBytes = 0
    }

    /// Unpacks `archive` (gzip-compressed tar) into `destination`, which must exist.
    public func extract(archive: URL, into destination: URL, shouldStop: () -> Bool = { false }) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-dc"]
        process.standardInput = try FileHandle(forReadingFrom: archive)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            try? output.fileHandleForReading.close()
            process.waitUntilExit()
        }
        var reader = TarStreamReader(input: output.fileHandleForReading, limit: maxUnpackedBytes)
        let outcome = try unpack(&reader, into: destination, shouldStop: shouldStop)
        try? output.fileHandleForReading.close()
        process.waitUntilExit()
        if process.terminationStatus != 0 && outcome.files == 0 {
            let message = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            throw ScanFailure("the repository archive is not a valid gzip file: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return outcome
    }

    // MARK: - Entries

    private func unpack(_ reader: inout TarStreamReader, into destination: URL, shouldStop: () -> Bool) throws -> Outcome {
        var outcome = Outcome()
        var longName: String?
        var paxPath: String?
        var entries = 0
        let root = destination.standardizedFileURL.path
        while let header = try reader.nextHeader() {
            entries += 1
            guard !shouldStop() else { throw CancellationError() }
            guard entries <= maxEntries else {
                throw ScanFailure("the repository archive has more than \(maxEntries) entries (limit)")
            }
            switch header.type {
            case "L":
                longName = String(decoding: try reader.readData(header.size).prefix { $0 != 0 }, as: UTF8.self)
                continue
            case "x":
                paxPath = Self.paxPath(try reader.readData(header.size)) ?? paxPath
                continue
            case "g":
                try reader.skip(header.size)
                continue
            default:
                break
            }
            let name = paxPath ?? longName ?? header.name
            paxPath = nil
            longName = nil
            guard let relative = Self.safeRelativePath(name) else {
                outcome.skipped += 1
                try reader.skip(header.size)
                continue
            }
            let target = destination.appendingPathComponent(relative)
            guard target.standardizedFileURL.path.hasPrefix(root + "/") else {
                outcome.skipped += 1
                try reader.skip(header.size)
                continue
            }
            switch header.type {
            case "0", "\0", "7":
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if header.size > maxFileBytes {
                    try reader.skip(header.size)
                } else {
                    let data = try reader.readData(header.size)
                    guard FileManager.default.createFile(atPath: target.path, contents: data,
                                                         attributes: [.posixPermissions: 0o644]) else {
                        throw ScanFailure("could not write \(relative) while unpacking")
                    }
                }
                outcome.files += 1
                outcome.unpackedBytes += header.size
            case "5":
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                outcome.directories += 1
            default:
                // Hard links, symbolic links, devices, FIFOs and unknown types are never created.
                outcome.skipped += 1
                try reader.skip(header.size)
            }
        }
        return outcome
    }

    /// A relative path without empty, `.` or `..` components, or nil when the path is unsafe.
    static func safeRelativePath(_ name: String) -> String? {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\0"), !name.contains("\\") else { return nil }
        var parts: [Substring] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        guard !parts.isEmpty, parts.count <= 64 else { return nil }
        return parts.joined(separator: "/")
    }

    /// The `path` record of a pax extended header.
    static func paxPath(_ data: Data) -> String? {
        var path: String?
        var rest = Substring(String(decoding: data, as: UTF8.self))
        while let space = rest.firstIndex(of: " "), let length = Int(rest[..<space]), length > 0, length <= rest.utf8.count {
            let record = String(rest.utf8.prefix(length)) ?? ""
            rest = Substring(String(rest.utf8.dropFirst(length)) ?? "")
            let body = record.drop { $0 != " " }.dropFirst()
            if body.hasPrefix("path=") { path = String(body.dropFirst(5).dropLast(body.hasSuffix("\n") ? 1 : 0)) }
        }
        return path
    }
}

// MARK: - Tar stream

/// Reads 512-byte tar records from a stream, counting every byte against `limit`.
struct TarStreamReader {
    struct Header {
        let name: String
        let size: Int
        let type: Character
    }

    let input: FileHandle
    let limit: Int
    private var buffer: [UInt8] = []
    private var offset = 0
    private(set) var consumed = 0

    init(input: FileHandle, limit: Int) {
        self.input = input
        self.limit = limit
    }

    /// The next entry's header, or nil at the end of the archive.
    mutating func nextHeader() throws -> Header? {
        guard let block = try read(512) else { return nil }
        if block.allSatisfy({ $0 == 0 }) { return nil }
        let bytes = [UInt8](block)
        guard Self.checksumMatches(bytes) else { throw ScanFailure("the repository archive is not a valid tar file") }
        let name = Self.string(bytes[0..<100])
        let prefix = Self.string(bytes[345..<500])
        let isUstar = Self.string(bytes[257..<262]) == "ustar"
        let sizeField = bytes[124..<136]
        guard sizeField.first.map({ $0 & 0x80 == 0 }) ?? false, let size = Self.octal(sizeField) else {
            throw ScanFailure("the repository archive has an entry with an unreadable or huge size")
        }
        let type = Character(UnicodeScalar(bytes[156]))
        return Header(name: isUstar && !prefix.isEmpty ? prefix + "/" + name : name, size: size, type: type)
    }

    /// An entry's content (`size` bytes plus padding to 512).
    mutating func readData(_ size: Int) throws -> Data {
        guard size <= limit else { throw tooLarge() }
        guard let data = try read(size) else { throw ScanFailure("the repository archive is truncated") }
        try skipPadding(size)
        return data
    }

    /// Skips an entry's content.
    mutating func skip(_ size: Int) throws {
        var remaining = size
        while remaining > 0 {
            let step = min(remaining, 1 << 20)
            guard try read(step) != nil else { throw ScanFailure("the repository archive is truncated") }
            remaining -= step
        }
        try skipPadding(size)
    }

    private mutating func skipPadding(_ size: Int) throws {
        let padding = (512 - size % 512) % 512
        if padding > 0 { _ = try read(padding) }
    }

    /// Exactly `count` bytes, or nil at a clean end of stream.
    private mutating func read(_ count: Int) throws -> Data? {
        while buffer.count - offset < count {
            if offset > 0 {
                buffer.removeFirst(offset)
                offset = 0
            }
            let chunk = input.readData(ofLength: max(count - buffer.count, 64 * 1024))
            if chunk.isEmpty {
                if buffer.isEmpty { return nil }
                throw ScanFailure("the repository archive is truncated")
            }
            consumed += chunk.count
            guard consumed <= limit else { throw tooLarge() }
            buffer.append(contentsOf: chunk)
        }
        let data = Data(buffer[offset..<(offset + count)])
        offset += count
        return data
    }

    private func tooLarge() -> ScanFailure {
        ScanFailure("the repository unpacks to more than \(limit) bytes (limit); the archive was refused")
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    static func octal(_ bytes: ArraySlice<UInt8>) -> Int? {
        let text = string(bytes).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? 0 : Int(text, radix: 8)
    }

    static func checksumMatches(_ bytes: [UInt8]) -> Bool {
        guard let stored = octal(bytes[148..<156]) else { return false }
        var sum = 0
        for (index, byte) in bytes.enumerated() { sum += (148..<156).contains(index) ? 32 : Int(byte) }
        return sum == stored
    }
}
