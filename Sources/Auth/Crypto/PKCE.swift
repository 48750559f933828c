import Crypto
import Foundation

// MARK: - PKCE

/// A Proof Key for Code Exchange pair (RFC 7636) using the `S256` method.
///
/// Send ``challenge`` and ``method`` in the authorization request; keep ``verifier``
/// server-side (next to the OAuth `state`) and send it in the token request.
public struct PKCE: Sendable, Equatable {
    /// The secret code verifier: 43 characters of unpadded base64url.
    public let verifier: String

    /// The challenge method sent as `code_challenge_method`.
    public static let method = "S256"

    /// Wraps an existing verifier, e.g. one read back from storage in the OAuth callback.
    public init(verifier: String) {
        self.verifier = verifier
    }

    /// `BASE64URL(SHA256(ASCII(verifier)))` without padding, sent as `code_challenge`.
    public var challenge: String {
        Self.challenge(for: verifier)
    }

    /// Creates a pair with a verifier made of 32 random bytes.
    public static func generate() -> PKCE {
        PKCE(verifier: OpaqueToken.generate(bytes: 32))
    }

    /// Computes the S256 challenge of `verifier`.
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(SHA256.hash(data: Array(verifier.utf8)))
    }
}
