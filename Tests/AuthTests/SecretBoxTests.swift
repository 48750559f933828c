import Foundation
import Testing
@testable import Auth

@Suite("SecretBox")
struct SecretBoxTests {
    static let hexKey = String(repeating: "0123456789abcdef", count: 4)
    static let base64Key = Data((0..<32).map { UInt8($0) }).base64EncodedString()

    @Test("round trip with a base64 and a hex key", arguments: [base64Key, hexKey, "  \(base64Key)\n"])
    func roundTrip(key: String) throws {
        let box = try SecretBox(key: key)
        for secret in ["ghp_exampleToken123", "postgresql://u:p@db:5432/app?sslmode=require", "", "ünïcödé 🔑"] {
            let sealed = try box.seal(secret)
            #expect(sealed.hasPrefix("v1:"))
            #expect(!sealed.contains(secret) || secret.isEmpty)
            #expect(try box.open(sealed) == secret)
        }
    }

    @Test("hex and base64 forms of one key are interchangeable")
    func keyFormsAgree() throws {
        let bytes = (0..<32).map { UInt8(255 - $0) }
        let hex = bytes.map { String(format: "%02X", $0) }.joined()
        let sealed = try SecretBox(key: Data(bytes).base64EncodedString()).seal("same key")
        #expect(try SecretBox(key: hex).open(sealed) == "same key")
    }

    @Test("each seal uses a fresh nonce")
    func freshNonce() throws {
        let box = try SecretBox(key: Self.base64Key)
        let first = try box.seal("token")
        let second = try box.seal("token")
        #expect(first != second)
        let nonceOne = Data(base64Encoded: String(first.dropFirst(3)))!.prefix(12)
        let nonceTwo = Data(base64Encoded: String(second.dropFirst(3)))!.prefix(12)
        #expect(nonceOne != nonceTwo)
    }

    @Test("flipping any single byte is detected", arguments: [0, 5, 11, 12, 17, 21, 22, 30, 37])
    func tamperedByte(index: Int) throws {
        let box = try SecretBox(key: Self.base64Key)
        let sealed = try box.seal("ghp_secret") // 12 nonce + 10 ciphertext + 16 tag = 38 bytes
        var bytes = Data(base64Encoded: String(sealed.dropFirst(3)))!
        #expect(bytes.count == 38)
        bytes[index] ^= 0x01
        let tampered = "v1:" + bytes.base64EncodedString()
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(tampered) }
    }

    @Test("wrong key is rejected")
    func wrongKey() throws {
        let sealed = try SecretBox(key: Self.base64Key).seal("ghp_secret")
        let other = try SecretBox(key: SecretBox.generateKey())
        #expect(throws: SecretBoxError.authenticationFailed) { try other.open(sealed) }
    }

    @Test("associated data binds a value to its row")
    func associatedData() throws {
        let box = try SecretBox(key: Self.base64Key)
        let sealed = try box.seal("postgresql://db", associatedData: "project:42")
        #expect(try box.open(sealed, associatedData: "project:42") == "postgresql://db")
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(sealed, associatedData: "project:43") }
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(sealed) }
    }

    @Test("unknown version, bad base64 and truncation are rejected", arguments: [
        ("v2:AAAA", SecretBoxError.unsupportedVersion),
        ("AAAA", SecretBoxError.unsupportedVersion),
        ("", SecretBoxError.unsupportedVersion),
        ("v1:!!!notbase64", SecretBoxError.malformed),
        ("v1:" + Data(count: 27).base64EncodedString(), SecretBoxError.malformed),
        ("v1:" + Data(count: 28).base64EncodedString(), SecretBoxError.authenticationFailed),
    ])
    func malformedSealed(sealed: String, expected: SecretBoxError) throws {
        let box = try SecretBox(key: Self.base64Key)
        #expect(throws: expected) { try box.open(sealed) }
    }

    @Test("bad key formats fail with a readable error", arguments: [
        "",
        "   ",
        "short",
        Data(count: 16).base64EncodedString(),
        Data(count: 64).base64EncodedString(),
        String(repeating: "g", count: 64),
        String(repeating: "ab", count: 31),
        String(repeating: "ab", count: 33),
    ])
    func badKey(key: String) {
        do {
            _ = try SecretBox(key: key)
            Issue.record("key \(key.debugDescription) was accepted")
        } catch let error as SecretBoxError {
            guard case .invalidKey = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.description.contains("ENCRYPTION_KEY"))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }

    @Test("generated keys are accepted and distinct")
    func generatedKeys() throws {
        let first = SecretBox.generateKey()
        #expect(first != SecretBox.generateKey())
        #expect(Data(base64Encoded: first)?.count == 32)
        _ = try SecretBox(key: first)
    }
}
