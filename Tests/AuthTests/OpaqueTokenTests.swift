import Foundation
import Testing
@testable import Auth

@Suite("Opaque tokens, PKCE and constant-time comparison")
struct OpaqueTokenTests {
    @Test("tokens are unpadded base64url of the requested size", arguments: [(16, 22), (32, 43), (48, 64)])
    func tokenShape(bytes: Int, characters: Int) {
        let token = OpaqueToken.generate(bytes: bytes)
        #expect(token.count == characters)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(Base64URL.decode(token)?.count == bytes)
    }

    @Test("tokens do not repeat")
    func tokensAreUnique() {
        let tokens = (0..<1_000).map { _ in OpaqueToken.generate() }
        #expect(Set(tokens).count == tokens.count)
    }

    @Test("hash is SHA-256 as lowercase hex", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func hashVector(token: String, expected: String) {
        #expect(OpaqueToken.hash(token) == expected)
    }

    /// RFC 7636 appendix B: 32 random octets, the verifier they encode to, and its S256 challenge.
    @Test("RFC 7636 appendix B vector")
    func pkceVector() {
        let octets: [UInt8] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
            22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
        ]
        #expect(Base64URL.encode(octets) == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        let pkce = PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        #expect(pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.method == "S256")
    }

    @Test("generated PKCE verifiers satisfy RFC 7636 §4.1")
    func pkceGenerated() {
        let pkce = PKCE.generate()
        #expect((43...128).contains(pkce.verifier.count))
        #expect(pkce.verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) })
        #expect(pkce.challenge.count == 43)
        #expect(!pkce.challenge.contains("="))
        #expect(PKCE.generate().verifier != pkce.verifier)
    }

    @Test("constant-time equality", arguments: [
        ("abc", "abc", true),
        ("abc", "abd", false),
        ("abc", "ab", false),
        ("", "", true),
        ("é", "e\u{301}", false),
    ])
    func constantTime(lhs: String, rhs: String, equal: Bool) {
        #expect(ConstantTime.equals(lhs, rhs) == equal)
        #expect(ConstantTime.equals(Array(lhs.utf8), Array(rhs.utf8)) == equal)
    }

    @Test("base64url decoding rejects padding and foreign characters", arguments: ["a", "ab==", "a+b/", "ab c"])
    func base64URLRejects(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
