import Core
import Crypto
import Foundation

// MARK: - Errors

/// Why a ``SecretBox`` could not be created or could not open a value.
public enum SecretBoxError: Error, Equatable, CustomStringConvertible {
    /// `ENCRYPTION_KEY` is not base64 of 32 bytes nor 64 hex characters.
    case invalidKey(String)
    /// The sealed string does not start with a known version prefix.
    case unsupportedVersion
    /// The sealed string is not valid base64 or is too short to hold nonce and tag.
    case malformed
    /// Wrong key, wrong associated data, or the value was tampered with.
    case authenticationFailed
    /// The decrypted bytes are not UTF-8 text.
    case notUTF8

    public var description: String {
        switch self {
        case .invalidKey(let reason):
            "invalid ENCRYPTION_KEY: \(reason); expected base64 of 32 bytes (e.g. `openssl rand -base64 32`) or 64 hex characters"
        case .unsupportedVersion:
            "sealed secret has an unknown version prefix"
        case .malformed:
            "sealed secret is not well-formed"
        case .authenticationFailed:
            "sealed secret failed authentication (wrong key, wrong associated data or tampered)"
        case .notUTF8:
            "sealed secret does not decrypt to UTF-8 text"
        }
    }
}

// MARK: - SecretBox

/// AES-256-GCM encryption of secrets at rest (GitHub tokens, database URLs).
///
/// Sealed values look like `v1:<base64(nonce ‖ ciphertext ‖ tag)>` with a fresh 96-bit nonce
/// per value. Optional associated data (e.g. the owning row's id) binds a ciphertext to its
/// row, so a value copied into another row no longer opens.
public struct SecretBox: Sendable {
    private let key: SymmetricKey

    private static let versionPrefix = "v1:"
    private static let nonceLength = 12
    private static let tagLength = 16

    /// Creates a box from `ENCRYPTION_KEY`: standard base64 of exactly 32 bytes, or 64 hex characters.
    /// Surrounding whitespace is ignored.
    /// - Throws: ``SecretBoxError/invalidKey(_:)`` with a human-readable reason.
    public init(key: String) throws {
        let text = key.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw SecretBoxError.invalidKey("the key is empty") }

        let bytes: [UInt8]
        if text.utf8.count == 64, let hex = Hex.decode(text) {
            bytes = hex
        } else if let decoded = Data(base64Encoded: text) {
            guard decoded.count == 32 else {
                throw SecretBoxError.invalidKey("base64 decodes to \(decoded.count) bytes, not 32")
            }
            bytes = Array(decoded)
        } else {
            throw SecretBoxError.invalidKey("neither 64 hex characters nor valid base64")
        }
        self.key = SymmetricKey(data: bytes)
    }

    /// Returns a new random key in the base64 form accepted by ``init(key:)``.
    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    // MARK: Sealing

    /// Encrypts `plaintext` with a fresh random nonce.
    /// - Parameter associatedData: Authenticated but unencrypted context; the same value must be given to ``open(_:associatedData:)``.
    /// - Returns: `"v1:" + base64(nonce ‖ ciphertext ‖ tag)`.
    public func seal(_ plaintext: String, associatedData: String? = nil) throws -> String {
        let box = try AES.GCM.seal(
            Array(plaintext.utf8), using: key, nonce: AES.GCM.Nonce(),
            authenticating: Array((associatedData ?? "").utf8)
        )
        guard let combined = box.combined else { throw SecretBoxError.malformed }
        return Self.versionPrefix + combined.base64EncodedString()
    }

    /// Decrypts a value produced by ``seal(_:associatedData:)``.
    /// - Throws: ``SecretBoxError`` for an unknown version, malformed input, wrong key,
    ///   mismatched associated data or any tampering.
    public func open(_ sealed: String, associatedData: String? = nil) throws -> String {
        guard sealed.hasPrefix(Self.versionPrefix) else { throw SecretBoxError.unsupportedVersion }
        guard let combined = Data(base64Encoded: String(sealed.dropFirst(Self.versionPrefix.count))),
              combined.count >= Self.nonceLength + Self.tagLength
        else { throw SecretBoxError.malformed }

        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            plaintext = try AES.GCM.open(box, using: key, authenticating: Array((associatedData ?? "").utf8))
        } catch {
            throw SecretBoxError.authenticationFailed
        }
        guard let text = String(data: plaintext, encoding: .utf8) else { throw SecretBoxError.notUTF8 }
        return text
    }
}
