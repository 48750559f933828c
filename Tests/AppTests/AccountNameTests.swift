@testable import App
@testable import Database
import Foundation
import PostgresNIO
import Testing

/// People share names: their personal organizations must not collide, however many sign up at once.
@Suite("Account names")
struct AccountNameTests {
    @Test("simultaneous sign-ups of people with the same name all succeed, each with an organization of its own",
          arguments: [2, 12])
    func concurrentSameName(count: Int) async throws {
        try await withTestApp { test in
            let name = "Grace \(UUID().uuidString.prefix(6)) Hopper"
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<count {
                    group.addTask {
                        let response = try await test.client.call(.post, "/auth/signup", json: [
                            "email": uniqueEmail("grace\(index)"), "password": "correct horse battery", "full_name": name,
                        ])
                        return Int(response.status.code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 201, count: count), "\(statuses)")
            let first = String(name.split(separator: " ")[0])
            let organizations = try await test.database.withSystem { transaction in
                try await transaction.query("""
                    SELECT o.name FROM organizations o JOIN memberships m ON m.organization_id = o.id AND m.role = 'admin'
                    WHERE o.name LIKE \(first + "'s organization%")
                    """).all(as: String.self)
            }
            #expect(organizations.count == count)
            #expect(Set(organizations).count == count)
            #expect(organizations.contains("\(first)'s organization"))
        }
    }

    @Test("sign-ups and OAuth-style personal organizations find a free name even when the usual ones are taken")
    func takenNames() async throws {
        try await withTestApp { test in
            let owner = try await test.client.signUp(uniqueEmail("owner"))
            for name in ["Linus's organization", "Linus's organization 2"] {
                let created = try await test.client.call(.post, "/organizations", token: owner.token, json: ["name": name])
                #expect(created.status == .created, "\(created.text)")
            }
            let linus = try await test.client.signUp(uniqueEmail("linus"), name: "Linus Torvalds")
            let organization = try await test.database.withSystem { transaction in
                try await transaction.query("SELECT name FROM organizations WHERE id = \(UUID(uuidString: linus.organizationID)!)")
                    .first(as: String.self)
            }
            #expect(organization == "Linus's organization 3")
        }
    }

    @Test("POST /organizations keeps names unique: a taken name is 409 name_taken, also when two requests race")
    func explicitNamesStayUnique() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("racer"))
            let name = "Race \(UUID().uuidString.prefix(6))"
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let response = try await test.client.call(.post, "/organizations", token: user.token, json: ["name": name])
                        return (Int(response.status.code), response.errorCode)
                    }
                }
                return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0.0 == 409 && $0.1 == "name_taken" }.count == 3, "\(statuses)")
        }
    }
}
