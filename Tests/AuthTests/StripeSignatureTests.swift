import Crypto
import Foundation
import Testing
import Billing

@Suite("StripeSignatureVerifier")
struct StripeSignatureTests {
    static let secret = "whsec_test_5f3a9c0e1d2b4a6f8e7d6c5b4a392817"
    static let payload = Array(#"{"id":"evt_1","object":"event","type":"invoice.paid"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let t = 1_750_000_000

    let verifier = StripeSignatureVerifier(secret: secret)

    /// The v1 signature Stripe would compute, written independently of the code under test.
    static func v1(_ timestamp: Int, _ body: [UInt8] = payload, secret: String = secret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("\(timestamp).".utf8) + body, using: SymmetricKey(data: Array(secret.utf8))
        )
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Accepted

    @Test("sign produces t= and the independently computed v1")
    func signFormat() {
        let header = StripeSignatureVerifier.sign(payload: Self.payload, secret: Self.secret, timestamp: Self.now)
        #expect(header == "t=\(Self.t),v1=\(Self.v1(Self.t))")
    }

    @Test("valid headers are accepted", arguments: [
        "t=\(t),v1=\(v1(t))",
        "t=\(t), v1=\(v1(t))",
        " t = \(t) , v1 = \(v1(t)) ",
        "v1=\(v1(t)),t=\(t)",
        "t=\(t),v1=\(v1(t)),v0=deadbeef",
        "t=\(t),v1=\(String(repeating: "0", count: 64)),v1=\(v1(t))",
        "t=\(t),v1=\(v1(t, secret: "whsec_old")),v1=\(v1(t))",
        "t=\(t - 300),v1=\(v1(t - 300))",
        "t=\(t + 300),v1=\(v1(t + 300))",
    ])
    func accepted(header: String) throws {
        try verifier.verify(payload: Self.payload, header: header, now: Self.now)
    }

    @Test("Data payloads work like byte arrays")
    func dataPayload() throws {
        try verifier.verify(payload: Data(Self.payload), header: "t=\(Self.t),v1=\(Self.v1(Self.t))", now: Self.now)
    }

    @Test("any configured secret may match (rotation)")
    func rotation() throws {
        let rotating = StripeSignatureVerifier(secrets: ["whsec_new", Self.secret])
        try rotating.verify(payload: Self.payload, header: "t=\(Self.t),v1=\(Self.v1(Self.t))", now: Self.now)
        try rotating.verify(payload: Self.payload, header: "t=\(Self.t),v1=\(Self.v1(Self.t, secret: "whsec_new"))", now: Self.now)
    }

    // MARK: Rejected

    @Test("invalid headers are rejected", arguments: [
        (nil, StripeSignatureError.missingHeader),
        ("", .missingHeader),
        ("   ", .missingHeader),
        ("v1=\(v1(t))", .malformedHeader),
        ("t=abc,v1=\(v1(t))", .malformedHeader),
        ("t=\(t),t=\(t),v1=\(v1(t))", .malformedHeader),
        ("t=\(t),garbage", .malformedHeader),
        ("t=-5,v1=\(v1(t))", .malformedHeader),
        ("t=\(t)", .noValidSignature),
        ("t=\(t),v0=\(v1(t))", .noValidSignature),
        ("t=\(t),v1=\(v1(t).uppercased())", .noValidSignature),
        ("t=\(t),v1=\(String(v1(t).dropLast(2)))", .noValidSignature),
        ("t=\(t),v1=\(v1(t, secret: "whsec_wrong"))", .noValidSignature),
        ("t=\(t),v1=\(v1(t, Array("{}".utf8)))", .noValidSignature),
        ("t=\(t + 1),v1=\(v1(t))", .noValidSignature),
        ("t=\(t - 301),v1=\(v1(t - 301))", .timestampOutsideTolerance),
        ("t=\(t - 86_400),v1=\(v1(t - 86_400))", .timestampOutsideTolerance),
        ("t=\(t + 301),v1=\(v1(t + 301))", .timestampOutsideTolerance),
    ] as [(String?, StripeSignatureError)])
    func rejected(header: String?, expected: StripeSignatureError) {
        #expect(throws: expected) { try verifier.verify(payload: Self.payload, header: header, now: Self.now) }
    }

    @Test("a tampered body is rejected")
    func tamperedBody() {
        let header = StripeSignatureVerifier.sign(payload: Self.payload, secret: Self.secret, timestamp: Self.now)
        var body = Self.payload
        body[body.count - 3] ^= 0x01
        #expect(throws: StripeSignatureError.noValidSignature) {
            try verifier.verify(payload: body, header: header, now: Self.now)
        }
    }

    @Test("empty secrets never verify, even a header signed with an empty key")
    func emptySecret() {
        let empty = StripeSignatureVerifier(secrets: ["", ""])
        let header = StripeSignatureVerifier.sign(payload: Self.payload, secret: "", timestamp: Self.now)
        #expect(throws: StripeSignatureError.noValidSignature) {
            try empty.verify(payload: Self.payload, header: header, now: Self.now)
        }
    }

    @Test("tolerance is configurable")
    func customTolerance() throws {
        let strict = StripeSignatureVerifier(secret: Self.secret, tolerance: 10)
        let header = "t=\(Self.t - 11),v1=\(Self.v1(Self.t - 11))"
        #expect(throws: StripeSignatureError.timestampOutsideTolerance) {
            try strict.verify(payload: Self.payload, header: header, now: Self.now)
        }
        try verifier.verify(payload: Self.payload, header: header, now: Self.now)
    }
}
