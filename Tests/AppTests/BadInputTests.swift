@testable import App
@testable import Database
import CustomerDatabase
import Foundation
import Hummingbird
import HummingbirdTesting
import Insight
import Testing

/// Malformed JSON, wrong types, missing fields and oversized bodies on every route with a body:
/// a 4xx JSON error, and nothing written.
@Suite("Bad input")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let authenticated: Bool
        var description: String { "\(method) \(path)" }
    }

    static let routes: [Case] = [
        .init(method: .post, path: "/auth/exchange", authenticated: false),
        .init(method: .post, path: "/auth/signup", authenticated: false),
        .init(method: .post, path: "/auth/login", authenticated: false),
        .init(method: .post, path: "/auth/refresh", authenticated: false),
        .init(method: .post, path: "/auth/logout", authenticated: false),
        .init(method: .post, path: "/organizations", authenticated: true),
        .init(method: .post, path: "/organizations/{org}/invitations", authenticated: true),
        .init(method: .patch, path: "/organizations/{org}/members/{user}", authenticated: true),
        .init(method: .post, path: "/invitations/accept", authenticated: true),
        .init(method: .post, path: "/projects", authenticated: true),
        .init(method: .put, path: "/projects/{project}/database", authenticated: true),
        .init(method: .post, path: "/payment/details", authenticated: true),
        .init(method: .post, path: "/billing/checkout", authenticated: true),
    ]

    static let bodies: [(name: String, body: String, statuses: Set<Int>)] = [
        ("malformed JSON", #"{"name": "#, [400]),
        ("not an object", #"[1, 2, 3]"#, [400, 422]),
        ("wrong types", #"{"email": 1, "password": [], "name": {}, "role": 7, "token": false, "code": 1, "refresh_token": 2, "url": 3, "description": 4, "provider": 5, "payment_identifier": 6, "plan": 7}"#, [422]),
        ("missing fields", #"{}"#, [422]),
        ("null fields", #"{"email": null, "password": null, "name": null, "role": null, "token": null, "code": null, "refresh_token": null, "url": null, "provider": null, "payment_identifier": null, "plan": null}"#, [422]),
        ("empty body", "", [400]),
        ("unknown role", #"{"email": "x@example.com", "role": "owner"}"#, [422]),
        ("huge body", #"{"name": ""# + String(repeating: "x", count: 1_100_000) + #""}"#, [413]),
    ]

    @Test("every body route answers 4xx JSON and writes nothing", arguments: routes)
    func badBodies(_ route: Case) async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("admin"))
            let project = try await test.client.call(.post, "/projects", token: admin.token, json: ["name": "p"])
            let path = route.path
                .replacingOccurrences(of: "{org}", with: admin.organizationID)
                .replacingOccurrences(of: "{user}", with: admin.id)
                .replacingOccurrences(of: "{project}", with: project.object["id"] as? String ?? "")
            let before = try await Self.snapshot(test)
            for (name, body, statuses) in Self.bodies {
                let response = try await test.client.call(route.method, path, token: route.authenticated ? admin.token : nil, rawBody: body)
                let label = "\(route) with \(name): \(response.status.code) \(response.text.prefix(200))"
                #expect((400..<500).contains(response.status.code), "\(label)")
                #expect(response.errorCode != nil, "\(label)")
                if name != "unknown role" && name != "not an object" {
                    #expect(statuses.contains(response.status.code), "\(label)")
                }
            }
            #expect(try await Self.snapshot(test) == before, "\(route) changed the database")
        }
    }

    /// Row counts of every table that a request could write.
    static func snapshot(_ test: TestContext) async throws -> [Int] {
        try await test.database.client.query("""
            SELECT (SELECT count(*)::int FROM users), (SELECT count(*)::int FROM organizations),
                   (SELECT count(*)::int FROM memberships), (SELECT count(*)::int FROM invitations),
                   (SELECT count(*)::int FROM projects), (SELECT count(*)::int FROM refresh_tokens),
                   (SELECT count(*)::int FROM audit_log), (SELECT count(*)::int FROM login_codes),
                   (SELECT count(*)::int FROM projects WHERE database_url IS NOT NULL),
                   (SELECT count(*)::int FROM user_payment_details)
            """).first(as: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
            .map { [$0.0, $0.1, $0.2, $0.3, $0.4, $0.5, $0.6, $0.7, $0.8, $0.9] } ?? []
    }

    @Test("field validation answers 422 naming the field", arguments: [
        (#"{"email": "not-an-email", "password": "long enough"}"#, "email"),
        (#"{"email": "a@example.com", "password": "short"}"#, "password"),
        (#"{"email": "a@example.com", "password": "long enough", "full_name": ""}"#, "full_name"),
    ])
    func signUpValidation(_ body: String, _ field: String) async throws {
        try await withTestApp { test in
            let response = try await test.client.call(.post, "/auth/signup", rawBody: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "invalid_field")
            let message = (response.object["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.hasPrefix(field))
        }
    }

    @Test("a malformed path id is 404, never 500", arguments: ["/projects/not-a-uuid", "/projects/%00", "/organizations/xyz/members"])
    func malformedIDs(_ path: String) async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("u"))
            let response = try await test.client.call(.get, path, token: user.token)
            #expect(response.status == .notFound)
        }
    }
}
