import Core
import Crypto
import Foundation

// MARK: - OpaqueToken

/// Random bearer secrets with no inner structure: refresh tokens, one-time login codes,
/// invitation tokens, OAuth `state` and `nonce`.
///
/// Hand the token to the client once and store only ``hash(_:)``; look tokens up by that hash.
public enum OpaqueToken {
    /// Returns `bytes` random bytes (256 bits by default) as unpadded base64url.
    public static func generate(bytes: Int = 32) -> String {
        precondition(bytes >= 16, "opaque tokens need at least 128 bits of entropy")
        return Base64URL.encode(SecureRandom.bytes(count: bytes))
    }

    /// SHA-256 of the token's UTF-8 bytes as 64 lowercase hex characters (the value to store).
    public static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Array(token.utf8)))
    }
}
