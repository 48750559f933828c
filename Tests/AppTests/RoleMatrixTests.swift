@testable import App
@testable import Core
import Extraction
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Calls every non-public route as anonymous, viewer, member, admin and as an admin of another
/// organization, and checks 401 / 403 / 404 / success against the declared policy.
@Suite("Role matrix")
struct RoleMatrixTests {
    enum Caller: String, CaseIterable, Sendable {
        case anonymous, outsider, viewer, member, admin
        var role: Role? {
            switch self {
            case .viewer: .viewer
            case .member: .member
            case .admin: .admin
            default: nil
            }
        }
    }

    /// An organization with one user per role, a project, and an outsider in another organization.
    struct World: Sendable {
        let admin: TestUser
        let member: TestUser
        let viewer: TestUser
        let outsider: TestUser
        let organizationID: String

        func user(_ caller: Caller) -> TestUser? {
            switch caller {
            case .anonymous: nil
            case .outsider: outsider
            case .viewer: viewer
            case .member: member
            case .admin: admin
            }
        }
    }

    static func makeWorld(_ client: any TestClientProtocol) async throws -> World {
        let admin = try await client.signUp(uniqueEmail("admin"))
        var members: [Role: TestUser] = [:]
        for role in [Role.member, .viewer] {
            let email = uniqueEmail(role.rawValue)
            let invitation = try await client.call(
                .post, "/organizations/\(admin.organizationID)/invitations", token: admin.token,
                json: ["email": email, "role": role.rawValue])
            #expect(invitation.status == .created)
            let user = try await client.signUp(email)
            let accepted = try await client.call(.post, "/invitations/accept", token: user.token,
                                                 json: ["token": invitation.object["token"] as? String ?? ""])
            #expect(accepted.status == .ok, "\(accepted.text)")
            let me = try await client.call(.get, "/users/me", token: user.token)
            members[role] = TestUser(id: user.id, email: email, token: user.token, refreshToken: user.refreshToken,
                                     organizationID: me.object["organization_id"] as? String ?? "")
        }
        let outsider = try await client.signUp(uniqueEmail("outsider"))
        return World(admin: admin, member: members[.member]!, viewer: members[.viewer]!, outsider: outsider,
                     organizationID: admin.organizationID)
    }

    /// A fresh member of the world's organization (a target for member routes).
    static func newMember(_ client: any TestClientProtocol, world: World) async throws -> TestUser {
        let email = uniqueEmail("target")
        let invitation = try await client.call(.post, "/organizations/\(world.organizationID)/invitations",
                                               token: world.admin.token, json: ["email": email, "role": "member"])
        let user = try await client.signUp(email)
        _ = try await client.call(.post, "/invitations/accept", token: user.token,
                                  json: ["token": invitation.object["token"] as? String ?? ""])
        return user
    }

    static func newProject(_ client: any TestClientProtocol, world: World) async throws -> String {
        let response = try await client.call(.post, "/projects", token: world.admin.token,
                                             json: ["name": "project \(UUID().uuidString.prefix(8))"])
        return response.object["id"] as? String ?? ""
    }

    /// A new project of the world connected to the sample database.
    static func sampleProject(_ client: any TestClientProtocol, world: World) async throws -> String {
        let id = try await newProject(client, world: world)
        _ = try await client.call(.put, "/projects/\(id)/database", token: world.admin.token,
                                  json: ["url": try await SampleTargetDatabase.readerURL()])
        return id
    }

    /// A request for one route with everything it needs to succeed for an allowed caller.
    struct Call: Sendable {
        var path: String
        var body: [String: String]?
    }

    static func call(for route: String, world: World, client: any TestClientProtocol) async throws -> Call {
        let org = world.organizationID
        switch route {
        case "GET /users/me", "GET /organizations", "GET /notifications", "GET /projects":
            return Call(path: String(route.split(separator: " ")[1]))
        case "POST /organizations":
            return Call(path: "/organizations", body: ["name": "org \(UUID().uuidString)"])
        case "GET /organizations/{id}/members":
            return Call(path: "/organizations/\(org)/members")
        case "GET /organizations/{id}/audit-log":
            return Call(path: "/organizations/\(org)/audit-log")
        case "POST /organizations/{id}/invitations":
            return Call(path: "/organizations/\(org)/invitations", body: ["email": uniqueEmail("invitee"), "role": "viewer"])
        case "PATCH /organizations/{id}/members/{user_id}":
            let target = try await newMember(client, world: world)
            return Call(path: "/organizations/\(org)/members/\(target.id)", body: ["role": "viewer"])
        case "DELETE /organizations/{id}/members/{user_id}":
            let target = try await newMember(client, world: world)
            return Call(path: "/organizations/\(org)/members/\(target.id)")
        case "POST /invitations/accept":
            return Call(path: "/invitations/accept", body: ["token": "unknown"])
        case "POST /notifications/{id}/read":
            return Call(path: "/notifications/\(UUID().uuidString)/read")
        case "POST /projects":
            return Call(path: "/projects", body: ["name": "p \(UUID().uuidString)", "description": "d"])
        case "GET /projects/{id}":
            return Call(path: "/projects/\(try await newProject(client, world: world))")
        case "DELETE /projects/{id}":
            return Call(path: "/projects/\(try await newProject(client, world: world))")
        case "GET /billing/plan", "GET /payment/details", "GET /payment/history", "POST /billing/portal":
            return Call(path: String(route.split(separator: " ")[1]))
        case "POST /billing/checkout":
            return Call(path: "/billing/checkout", body: ["plan": "pro"])
        case "POST /payment/details":
            return Call(path: "/payment/details", body: ["provider": "stripe", "payment_identifier": "pm_matrix"])
        case "PUT /projects/{id}/database":
            return Call(path: "/projects/\(try await newProject(client, world: world))/database",
                        body: ["url": "postgresql://reader:secret@db.example.com:5432/shop"])
        case "POST /query/optimize":
            // Named explicitly: the explain and metadata samples give the organization several databases.
            return Call(path: "/query/optimize",
                        body: ["query": "SELECT * FROM orders WHERE id = 1", "project_id": try await sampleProject(client, world: world)])
        case "POST /query/explain":
            return Call(path: "/query/explain",
                        body: ["query": "SELECT count(*) FROM products", "project_id": try await sampleProject(client, world: world)])
        case "POST /metadata/sync":
            return Call(path: "/metadata/sync", body: ["project_id": try await sampleProject(client, world: world)])
        case "GET /metadata", "GET /metadata/indexes", "GET /query/history":
            return Call(path: String(route.split(separator: " ")[1]))
        case "GET /repos", "GET /scans", "GET /queries":
            return Call(path: String(route.split(separator: " ")[1]))
        case "POST /repos/scan":
            return Call(path: "/repos/scan", body: ["repo_url": "https://github.com/acme/shop", "branch": "main"])
        case "GET /scans/{id}":
            return Call(path: "/scans/\(UUID().uuidString)")
        case "POST /workload/analyze":
            return Call(path: "/workload/analyze", body: ["project_id": try await sampleProject(client, world: world)])
        case "GET /workload/runs":
            return Call(path: "/workload/runs")
        case "GET /workload/runs/{id}":
            return Call(path: "/workload/runs/\(UUID().uuidString)")
        default:
            return Call(path: "unknown route \(route)")
        }
    }

    /// Organization routes whose answer for an allowed caller is this documented status
    /// (the matrix users have no GitHub account connected; the sample scan id names nothing).
    static let expectedStatus: [String: Int] = [
        "GET /repos": 409, "POST /repos/scan": 409, "GET /scans/{id}": 404, "GET /workload/runs/{id}": 404,
    ]

    /// Routes whose success for an allowed caller is not 2xx because the sample names nothing real.
    static let expectedMiss: Set<String> = [
        "POST /invitations/accept", "POST /notifications/{id}/read", "GET /payment/details",
    ]

    @Test("every route as every kind of caller")
    func matrix() async throws {
        try await withStripeStandIn { stripe in
            try await withTestApp(stripeBaseURL: stripe.baseURL) { test in
                let world = try await Self.makeWorld(test.client)
                // The organization has a Stripe customer, so that the billing portal opens.
                try await test.linkCustomer(organizationID: world.organizationID, customer: "cus_matrix", subscription: "sub_matrix")
                let policies = try PolicyCoverageTests.surfaces().policies
                var checked = 0
                for (route, policy) in policies.sorted(by: { $0.key < $1.key }) where policy != .public {
                    let method = HTTPRequest.Method(rawValue: String(route.split(separator: " ")[0]))!
                    for caller in Caller.allCases {
                        let call = try await Self.call(for: route, world: world, client: test.client)
                        #expect(!call.path.hasPrefix("unknown"), "the matrix has no sample call for \(route)")
                        var headers: HTTPFields = [:]
                        if caller == .outsider, !route.contains("/organizations/{id}") {
                            headers[.organizationID] = world.organizationID
                        }
                        let response = try await test.client.call(
                            method, call.path, token: world.user(caller)?.token, json: call.body, headers: headers)
                        let status = response.status.code
                        checked += 1
                        let label = "\(route) as \(caller.rawValue): \(status) \(response.text)"
                        #expect(status < 500, "\(label)")
                        switch (caller, policy) {
                        case (.anonymous, _):
                            #expect(status == 401, "\(label)")
                        case (.outsider, .user):
                            #expect(status != 401 && status != 403, "\(label)")
                        case (.outsider, _):
                            #expect(status == 404, "\(label)")
                        case (_, .user):
                            #expect(Self.expectedMiss.contains(route) ? status == 404 : (200..<300).contains(status), "\(label)")
                        case (_, .role(let minimum)):
                            if caller.role! >= minimum, let expected = Self.expectedStatus[route] {
                                #expect(status == expected, "\(label)")
                            } else if caller.role! >= minimum {
                                #expect((200..<300).contains(status), "\(label)")
                            } else {
                                #expect(status == 403, "\(label)")
                            }
                        case (_, .adminOrSelf):
                            #expect(caller == .admin ? (200..<300).contains(status) : status == 403, "\(label)")
                        case (_, .public):
                            break
                        }
                    }
                }
                #expect(checked == policies.values.filter { $0 != .public }.count * Caller.allCases.count)
                #expect(checked >= 80)
            }
        }
    }
}
