import CArgon2
import Foundation

// MARK: - Errors

/// Failure to produce a password hash (verification never throws).
public struct PasswordHashingError: Error, Equatable, CustomStringConvertible {
    /// libargon2's error code.
    public let code: Int32
    /// libargon2's message for `code`.
    public let description: String

    init(code: Int32) {
        self.code = code
        self.description = "argon2 failed: " + String(cString: argon2_error_message(code))
    }
}

// MARK: - PasswordHasher

/// Argon2id password hashing through libargon2, producing PHC strings such as
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
public struct PasswordHasher: Sendable {
    /// Parameters used for new hashes.
    public let parameters: Argon2Parameters

    /// Upper bounds on the cost parameters `verify` will run, so a corrupted or hostile
    /// stored hash cannot make the server allocate gigabytes or spin for seconds.
    static let maxMemoryKiB: UInt32 = 1 << 20
    static let maxIterations: UInt32 = 16
    static let maxParallelism: UInt32 = 16

    /// Creates a hasher; use the default parameters in production and cheaper ones only in tests.
    public init(parameters: Argon2Parameters = .default) {
        self.parameters = parameters
    }

    // MARK: Hashing

    /// Hashes `password` with a fresh random salt.
    /// - Returns: The PHC-encoded Argon2id hash.
    /// - Throws: ``PasswordHashingError`` if libargon2 rejects the parameters or input.
    public func hash(_ password: String) throws -> String {
        let salt = SecureRandom.bytes(count: parameters.saltLength)
        let p = parameters
        let length = argon2_encodedlen(
            p.iterations, p.memoryKiB, p.parallelism, UInt32(p.saltLength), UInt32(p.hashLength), Argon2_id
        )
        var encoded = [CChar](repeating: 0, count: length)
        let pwd = Array(password.utf8)

        let code = pwd.withUnsafeBytes { pwdBuffer in
            salt.withUnsafeBytes { saltBuffer in
                argon2id_hash_encoded(
                    p.iterations, p.memoryKiB, p.parallelism,
                    pwdBuffer.baseAddress, pwdBuffer.count,
                    saltBuffer.baseAddress, saltBuffer.count,
                    p.hashLength, &encoded, encoded.count
                )
            }
        }
        guard code == ARGON2_OK.rawValue else { throw PasswordHashingError(code: code) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Verification

    /// Checks `password` against a stored PHC string in constant time.
    /// - Returns: `false` on mismatch and for any malformed, non-argon2id or absurdly expensive encoded string.
    public func verify(_ password: String, encoded: String) -> Bool {
        guard let phc = Argon2PHCString(encoded),
              phc.version == Argon2PHCString.supportedVersion,
              phc.memoryKiB <= Self.maxMemoryKiB,
              phc.iterations <= Self.maxIterations,
              phc.parallelism <= Self.maxParallelism,
              !encoded.utf8.contains(0)
        else { return false }

        let pwd = Array(password.utf8)
        let code = encoded.withCString { encodedPointer in
            pwd.withUnsafeBytes { pwdBuffer in
                argon2id_verify(encodedPointer, pwdBuffer.baseAddress, pwdBuffer.count)
            }
        }
        return code == ARGON2_OK.rawValue
    }

    /// Whether a stored hash should be recomputed with the current parameters
    /// (after a successful login): true if it is malformed or its parameters differ.
    public func needsRehash(encoded: String) -> Bool {
        guard let phc = Argon2PHCString(encoded) else { return true }
        return !phc.matches(parameters)
    }
}
