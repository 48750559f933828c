import Core
import Foundation

/// Access tokens this process has verified already, with their claims.
///
/// A client sends the same access token with every request for its lifetime (15 minutes), and
/// checking it in full — header, HMAC signature, JSON claims — is a noticeable share of a short
/// request. A token found here is byte for byte one that passed every check, so only its times
/// are checked again (expiry, `nbf`); whether its session is still live is decided by the
/// database on every request, as before.
///
/// Bounded: at most `capacity` tokens of at most ``maximumTokenLength`` bytes; when full, expired
/// entries are dropped, and everything if that frees nothing.
final class VerifiedTokenCache: Sendable {
    /// Longer tokens (not issued by dbooster) are never kept.
    static let maximumTokenLength = 2_048

    private let entries = LockedBox<[String: AccessTokenClaims]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The claims of `token` if it was verified before.
    func claims(of token: String) -> AccessTokenClaims? {
        entries.withValue { $0[token] }
    }

    /// Remembers a token that passed every check.
    func insert(_ claims: AccessTokenClaims, of token: String, now: Date) {
        guard token.utf8.count <= Self.maximumTokenLength else { return }
        entries.withValue { entries in
            if entries.count >= capacity {
                entries = entries.filter { now < $0.value.exp.value }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = claims
        }
    }

    var count: Int { entries.withValue { $0.count } }
}
