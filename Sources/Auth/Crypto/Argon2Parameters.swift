import Foundation

// MARK: - Argon2Parameters

/// Cost parameters of an Argon2id password hash.
///
/// The defaults are OWASP's recommended minimum for Argon2id:
/// 19 MiB of memory, 2 iterations, 1 lane, a 16-byte salt and a 32-byte hash.
public struct Argon2Parameters: Sendable, Equatable, CustomStringConvertible {
    /// Memory cost in KiB (`m`).
    public var memoryKiB: UInt32
    /// Number of passes over memory (`t`).
    public var iterations: UInt32
    /// Degree of parallelism (`p`).
    public var parallelism: UInt32
    /// Length of the random salt in bytes.
    public var saltLength: Int
    /// Length of the derived hash in bytes.
    public var hashLength: Int

    /// Production parameters: `m=19456,t=2,p=1`, 16-byte salt, 32-byte hash.
    public static let `default` = Argon2Parameters(
        memoryKiB: 19_456, iterations: 2, parallelism: 1, saltLength: 16, hashLength: 32
    )

    /// Creates a parameter set.
    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32, saltLength: Int = 16, hashLength: Int = 32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.hashLength = hashLength
    }

    /// The PHC parameter segment, e.g. `m=19456,t=2,p=1`.
    public var description: String {
        "m=\(memoryKiB),t=\(iterations),p=\(parallelism)"
    }
}

// MARK: - PHC string parsing

/// The parts of an Argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`)
/// that matter for rehash decisions and for refusing hostile cost parameters.
struct Argon2PHCString: Equatable {
    let version: UInt32
    let memoryKiB: UInt32
    let iterations: UInt32
    let parallelism: UInt32
    let saltLength: Int
    let hashLength: Int

    /// The Argon2 version this module produces and accepts (0x13).
    static let supportedVersion: UInt32 = 19

    /// Parses an encoded hash; returns `nil` for anything that is not a well-formed argon2id string.
    init?(_ encoded: String) {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].isEmpty, fields[1] == "argon2id" else { return nil }
        guard fields[2].hasPrefix("v="), let version = UInt32(fields[2].dropFirst(2)) else { return nil }

        var costs: [Substring: UInt32] = [:]
        for pair in fields[3].split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = UInt32(parts[1]), costs[parts[0]] == nil else { return nil }
            costs[parts[0]] = value
        }
        guard costs.count == 3, let m = costs["m"], let t = costs["t"], let p = costs["p"] else { return nil }
        guard let salt = Self.decodedLength(fields[4]), let hash = Self.decodedLength(fields[5]) else { return nil }

        self.version = version
        self.memoryKiB = m
        self.iterations = t
        self.parallelism = p
        self.saltLength = salt
        self.hashLength = hash
    }

    /// Whether these parameters equal `parameters` (including salt and hash lengths).
    func matches(_ parameters: Argon2Parameters) -> Bool {
        version == Self.supportedVersion
            && memoryKiB == parameters.memoryKiB
            && iterations == parameters.iterations
            && parallelism == parameters.parallelism
            && saltLength == parameters.saltLength
            && hashLength == parameters.hashLength
    }

    /// Length in bytes of unpadded standard base64 text, or `nil` if it is not such text.
    private static func decodedLength(_ text: Substring) -> Int? {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        guard !text.isEmpty, text.count % 4 != 1, text.allSatisfy(alphabet.contains) else { return nil }
        return text.count * 3 / 4
    }
}
