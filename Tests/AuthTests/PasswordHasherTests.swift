import Testing
@testable import Auth

@Suite("PasswordHasher")
struct PasswordHasherTests {
    /// Cheap parameters so most tests stay fast; the production defaults get their own tests.
    let cheap = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))

    @Test("default parameters are Argon2id m=19456,t=2,p=1 and round-trip")
    func defaultParameters() throws {
        let hasher = PasswordHasher()
        let encoded = try hasher.hash("correct horse battery staple")

        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(hasher.verify("correct horse battery staple", encoded: encoded))
        #expect(!hasher.verify("correct horse battery stapl", encoded: encoded))
        #expect(!hasher.needsRehash(encoded: encoded))
    }

    @Test("round trip", arguments: ["hunter2", "", "pässwörd 🔐", String(repeating: "x", count: 1_000), "nul\u{0}inside"])
    func roundTrip(password: String) throws {
        let encoded = try cheap.hash(password)
        #expect(cheap.verify(password, encoded: encoded))
    }

    @Test("wrong password is rejected", arguments: ["Hunter2", "hunter", "hunter2 ", "", "nul\u{0}"])
    func wrongPassword(candidate: String) throws {
        let encoded = try cheap.hash("hunter2")
        #expect(!cheap.verify(candidate, encoded: encoded))
    }

    @Test("salt makes two hashes of one password differ")
    func saltedHashesDiffer() throws {
        let first = try cheap.hash("same password")
        let second = try cheap.hash("same password")
        #expect(first != second)
        let firstSalt = first.split(separator: "$")[3]
        let secondSalt = second.split(separator: "$")[3]
        #expect(firstSalt != secondSalt)
        #expect(firstSalt.count == 22, "16-byte salt is 22 unpadded base64 characters")
        #expect(first.split(separator: "$")[4].count == 43, "32-byte hash is 43 unpadded base64 characters")
    }

    @Test("malformed encoded strings verify false without crashing", arguments: [
        "",
        "not a hash",
        "$argon2id$",
        "$argon2i$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=16$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=256,t=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=256,t=1,p=1$!!!!$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
        "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=256,t=4294967295,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=0,t=0,p=0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g\u{0}",
    ])
    func malformedEncoded(encoded: String) {
        #expect(!cheap.verify("password", encoded: encoded))
    }

    @Test("a truncated real hash verifies false")
    func truncatedHash() throws {
        let encoded = try cheap.hash("password")
        #expect(!cheap.verify("password", encoded: String(encoded.dropLast(2))))
    }

    @Test("needsRehash flags other parameters and garbage")
    func needsRehash() throws {
        let production = PasswordHasher()
        let cheapHash = try cheap.hash("password")
        #expect(production.needsRehash(encoded: cheapHash))
        #expect(!cheap.needsRehash(encoded: cheapHash))
        #expect(production.needsRehash(encoded: "garbage"))
    }

    @Test("invalid parameters throw instead of crashing")
    func invalidParametersThrow() {
        let broken = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 1, iterations: 1, parallelism: 1))
        #expect(throws: PasswordHashingError.self) { try broken.hash("password") }
    }
}
