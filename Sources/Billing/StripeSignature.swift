import Core
import Crypto
import Foundation

// MARK: - Errors

/// Why a Stripe webhook delivery was rejected. Each case maps to HTTP 400.
public enum StripeSignatureError: Error, Equatable, CustomStringConvertible {
    /// No `Stripe-Signature` header, or an empty one.
    case missingHeader
    /// The header has no single integer `t=`, or an element without `=`.
    case malformedHeader
    /// No `v1` signature matches any configured secret (a header with only `v0` lands here too).
    case noValidSignature
    /// The signed timestamp is further than the tolerance from now, in either direction.
    case timestampOutsideTolerance

    public var description: String {
        switch self {
        case .missingHeader: "missing Stripe-Signature header"
        case .malformedHeader: "malformed Stripe-Signature header"
        case .noValidSignature: "no valid v1 signature in Stripe-Signature header"
        case .timestampOutsideTolerance: "Stripe-Signature timestamp outside tolerance"
        }
    }
}

// MARK: - Verifier

/// Verifies the `Stripe-Signature` header of a webhook delivery the way Stripe's own libraries do:
/// HMAC-SHA256 over `"{t}.{raw body}"`, keyed with the whole `whsec_…` string, any matching
/// `v1` accepted, other schemes ignored. Verify the raw body bytes before any JSON decoding.
public struct StripeSignatureVerifier: Sendable {
    /// Maximum distance in seconds between the signed timestamp and now (300 by default).
    public let tolerance: TimeInterval

    private let keys: [SymmetricKey]

    /// Creates a verifier accepting signatures made with any of `secrets` (several during rotation).
    /// Empty secrets are ignored; with none left, every delivery is rejected.
    public init(secrets: [String], tolerance: TimeInterval = 300) {
        self.keys = secrets.filter { !$0.isEmpty }.map { SymmetricKey(data: Array($0.utf8)) }
        self.tolerance = tolerance
    }

    /// Creates a verifier for a single `whsec_…` secret.
    public init(secret: String, tolerance: TimeInterval = 300) {
        self.init(secrets: [secret], tolerance: tolerance)
    }

    // MARK: Verifying

    /// Checks `header` against the raw request body.
    /// - Parameters:
    ///   - payload: The exact bytes received (`[UInt8]`, `Data`, a `ByteBuffer`'s bytes…).
    ///   - header: The `Stripe-Signature` header value, `nil` if absent.
    ///   - now: The current time.
    /// - Throws: ``StripeSignatureError``.
    public func verify(payload: some DataProtocol, header: String?, now: Date = Date()) throws {
        guard let header, !header.allSatisfy(\.isWhitespace) else { throw StripeSignatureError.missingHeader }
        let parsed = try Self.parse(header)

        let signedPayload = Array("\(parsed.timestamp).".utf8) + Array(payload)
        let matched = parsed.signatures.contains { signature in
            keys.contains { key in
                HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signedPayload, using: key)
            }
        }
        guard matched else { throw StripeSignatureError.noValidSignature }

        let age = now.timeIntervalSince1970 - TimeInterval(parsed.timestamp)
        guard abs(age) <= tolerance else { throw StripeSignatureError.timestampOutsideTolerance }
    }

    // MARK: Signing

    /// Builds a `Stripe-Signature` header (`t=…,v1=…`) for `payload`, as Stripe would send it.
    /// Used by tests and by the local Stripe stand-in.
    public static func sign(payload: some DataProtocol, secret: String, timestamp: Date = Date()) -> String {
        let seconds = Int(timestamp.timeIntervalSince1970.rounded(.down))
        let signedPayload = Array("\(seconds).".utf8) + Array(payload)
        let mac = HMAC<SHA256>.authenticationCode(for: signedPayload, using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(seconds),v1=\(Hex.encode(mac))"
    }

    // MARK: Parsing

    private struct ParsedHeader {
        let timestamp: Int
        let signatures: [[UInt8]]
    }

    /// Splits `t=…,v1=…,v0=…`; whitespace around elements, keys and values is ignored.
    /// `v1` values that are not 64 lowercase hex digits can never match (Stripe compares
    /// lowercase hex strings) and are dropped.
    private static func parse(_ header: String) throws(StripeSignatureError) -> ParsedHeader {
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for element in header.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = element.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                if element.allSatisfy(\.isWhitespace) { continue }
                throw .malformedHeader
            }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            switch key {
            case "t":
                guard timestamp == nil, let seconds = Int(value), seconds >= 0 else { throw .malformedHeader }
                timestamp = seconds
            case "v1":
                if let bytes = Hex.decode(value, lowercaseOnly: true), bytes.count == SHA256.byteCount {
                    signatures.append(bytes)
                }
            default:
                continue
            }
        }
        guard let timestamp else { throw .malformedHeader }
        return ParsedHeader(timestamp: timestamp, signatures: signatures)
    }
}
