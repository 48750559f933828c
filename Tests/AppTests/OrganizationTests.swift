@testable import App
@testable import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Organizations, members and invitations")
struct OrganizationTests {
    /// Invites `email` with `role` into `org` as `admin` and returns the invitation token.
    static func invite(_ client: any TestClientProtocol, admin: TestUser, org: String, email: String, role: String) async throws -> String {
        let response = try await client.call(.post, "/organizations/\(org)/invitations", token: admin.token,
                                             json: ["email": email, "role": role])
        #expect(response.status == .created, "\(response.text)")
        #expect(response.object["role"] as? String == role)
        #expect(response.object["email"] as? String == email)
        #expect(response.object["expires_at"] is String)
        return response.object["token"] as? String ?? ""
    }

    @Test("an invited person who signs up joins as the invited role, without an organization of their own")
    func invitationFlow() async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("boss"))
            let email = uniqueEmail("new")
            let token = try await Self.invite(test.client, admin: admin, org: admin.organizationID, email: email, role: "member")
            let invitee = try await test.client.signUp(email)
            #expect(invitee.organizationID == "", "no personal organization while an invitation is pending")

            let accepted = try await test.client.call(.post, "/invitations/accept", token: invitee.token, json: ["token": token])
            #expect(accepted.status == .ok)
            #expect(accepted.object["organization_id"] as? String == admin.organizationID)
            #expect(accepted.object["role"] as? String == "member")
            let me = try await test.client.call(.get, "/users/me", token: invitee.token)
            #expect(me.object["organization_id"] as? String == admin.organizationID)
            #expect(me.object["role"] as? String == "member")

            let members = try await test.client.call(.get, "/organizations/\(admin.organizationID)/members", token: invitee.token)
            #expect(Set(members.array.compactMap { $0["email"] as? String }) == [admin.email, email])

            let again = try await test.client.call(.post, "/invitations/accept", token: invitee.token, json: ["token": token])
            #expect(again.status == .conflict)

            let log = try await test.client.call(.get, "/organizations/\(admin.organizationID)/audit-log", token: admin.token)
            let actions = log.array.compactMap { $0["action"] as? String }
            #expect(actions.prefix(2) == ["member.joined", "member.invited"])
        }
    }

    @Test("an invitation only works for the invited email")
    func invitationForSomeoneElse() async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("boss"))
            let token = try await Self.invite(test.client, admin: admin, org: admin.organizationID, email: uniqueEmail("intended"), role: "admin")
            let thief = try await test.client.signUp(uniqueEmail("thief"))
            let response = try await test.client.call(.post, "/invitations/accept", token: thief.token, json: ["token": token])
            #expect(response.status == .notFound)
            let orgs = try await test.client.call(.get, "/organizations", token: thief.token)
            #expect(orgs.array.count == 1)
        }
    }

    @Test("an existing user is notified of an invitation and can mark it read")
    func invitationNotification() async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("boss"))
            let other = try await test.client.signUp(uniqueEmail("other"))
            _ = try await Self.invite(test.client, admin: admin, org: admin.organizationID, email: other.email, role: "viewer")
            let list = try await test.client.call(.get, "/notifications", token: other.token)
            let note = try #require(list.array.first)
            #expect(note["kind"] as? String == "invitation")
            #expect(note["read_at"] is NSNull)
            let id = try #require(note["id"] as? String)
            let read = try await test.client.call(.post, "/notifications/\(id)/read", token: other.token)
            #expect(read.status == .noContent)
            let after = try await test.client.call(.get, "/notifications", token: other.token)
            #expect(after.array.first?["read_at"] is String)
            // Nobody else can mark it.
            let foreign = try await test.client.call(.post, "/notifications/\(id)/read", token: admin.token)
            #expect(foreign.status == .notFound)
        }
    }

    @Test("the last admin can be neither demoted nor removed; with two admins one can go")
    func lastAdminGuard() async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("solo"))
            let org = admin.organizationID
            let demote = try await test.client.call(.patch, "/organizations/\(org)/members/\(admin.id)", token: admin.token, json: ["role": "member"])
            #expect(demote.status == .conflict)
            #expect(demote.errorCode == "last_admin")
            let leave = try await test.client.call(.delete, "/organizations/\(org)/members/\(admin.id)", token: admin.token)
            #expect(leave.status == .conflict)

            let email = uniqueEmail("second")
            let token = try await Self.invite(test.client, admin: admin, org: org, email: email, role: "admin")
            let second = try await test.client.signUp(email)
            _ = try await test.client.call(.post, "/invitations/accept", token: second.token, json: ["token": token])
            let demoted = try await test.client.call(.patch, "/organizations/\(org)/members/\(admin.id)", token: second.token, json: ["role": "viewer"])
            #expect(demoted.status == .ok)
            #expect(demoted.object["role"] as? String == "viewer")
            // The only remaining admin now cannot demote themself.
            let last = try await test.client.call(.patch, "/organizations/\(org)/members/\(second.id)", token: second.token, json: ["role": "member"])
            #expect(last.errorCode == "last_admin")
        }
    }

    @Test("a member may leave; the organization is no longer theirs")
    func leave() async throws {
        try await withTestApp { test in
            let admin = try await test.client.signUp(uniqueEmail("boss"))
            let email = uniqueEmail("leaver")
            let token = try await Self.invite(test.client, admin: admin, org: admin.organizationID, email: email, role: "member")
            let member = try await test.client.signUp(email)
            _ = try await test.client.call(.post, "/invitations/accept", token: member.token, json: ["token": token])
            let left = try await test.client.call(.delete, "/organizations/\(admin.organizationID)/members/\(member.id)", token: member.token)
            #expect(left.status == .noContent)
            let projects = try await test.client.call(.get, "/projects", token: member.token)
            #expect(projects.status == .forbidden)
            #expect(projects.errorCode == "no_organization")
            let members = try await test.client.call(.get, "/organizations/\(admin.organizationID)/members", token: member.token)
            #expect(members.status == .notFound)
        }
    }

    @Test("X-Organization-Id switches between the caller's organizations; another's answers 404")
    func organizationHeader() async throws {
        try await withTestApp { test in
            let user = try await test.client.signUp(uniqueEmail("multi"))
            let created = try await test.client.call(.post, "/organizations", token: user.token, json: ["name": "Second \(UUID().uuidString.prefix(6))"])
            #expect(created.status == .created)
            let second = try #require(created.object["id"] as? String)
            let orgs = try await test.client.call(.get, "/organizations", token: user.token)
            #expect(orgs.array.count == 2)
            #expect(orgs.array.allSatisfy { $0["role"] as? String == "admin" })

            _ = try await test.client.call(.post, "/projects", token: user.token, json: ["name": "in second"], headers: [.organizationID: second])
            let inSecond = try await test.client.call(.get, "/projects", token: user.token, headers: [.organizationID: second])
            let inFirst = try await test.client.call(.get, "/projects", token: user.token)
            #expect(inSecond.array.map { $0["name"] as? String } == ["in second"])
            #expect(inFirst.array.isEmpty)

            let stranger = try await test.client.signUp(uniqueEmail("stranger"))
            let foreign = try await test.client.call(.get, "/projects", token: stranger.token, headers: [.organizationID: second])
            #expect(foreign.status == .notFound)
            let malformed = try await test.client.call(.get, "/projects", token: stranger.token, headers: [.organizationID: "not-a-uuid"])
            #expect(malformed.status == .notFound)

            let taken = try await test.client.call(.post, "/organizations", token: stranger.token,
                                                   json: ["name": created.object["name"] as? String ?? ""])
            #expect(taken.status == .conflict)
        }
    }
}

@Suite("Projects")
struct ProjectTests {
    @Test("create, list, get, delete; another organization's project is 404")
    func lifecycle() async throws {
        try await withTestApp { test in
            let owner = try await test.client.signUp(uniqueEmail("owner"))
            let created = try await test.client.call(.post, "/projects", token: owner.token, json: ["name": "Shop", "description": "orders"])
            #expect(created.status == .created)
            #expect(created.object["has_database"] as? Bool == false)
            let id = try #require(created.object["id"] as? String)
            let listed = try await test.client.call(.get, "/projects", token: owner.token)
            #expect(listed.array.map { $0["id"] as? String } == [id])
            let duplicate = try await test.client.call(.post, "/projects", token: owner.token, json: ["name": "Shop"])
            #expect(duplicate.status == .conflict)

            let other = try await test.client.signUp(uniqueEmail("other"))
            for (method, path) in [(HTTPRequest.Method.get, "/projects/\(id)"), (.delete, "/projects/\(id)")] {
                let response = try await test.client.call(method, path, token: other.token)
                #expect(response.status == .notFound)
            }
            let foreignDB = try await test.client.call(.put, "/projects/\(id)/database", token: other.token, json: ["url": "postgresql://a@b/c"])
            #expect(foreignDB.status == .notFound)

            let deleted = try await test.client.call(.delete, "/projects/\(id)", token: owner.token)
            #expect(deleted.status == .noContent)
            let gone = try await test.client.call(.get, "/projects/\(id)", token: owner.token)
            #expect(gone.status == .notFound)
        }
    }

    @Test("the database URL is stored encrypted and never returned")
    func databaseURL() async throws {
        try await withTestApp { test in
            let owner = try await test.client.signUp(uniqueEmail("owner"))
            let created = try await test.client.call(.post, "/projects", token: owner.token, json: ["name": "Shop"])
            let id = try #require(created.object["id"] as? String)
            let url = "postgresql://reader:s3cret@db.internal:5432/shop?sslmode=require"
            let put = try await test.client.call(.put, "/projects/\(id)/database", token: owner.token, json: ["url": url])
            #expect(put.status == .noContent)
            let project = try await test.client.call(.get, "/projects/\(id)", token: owner.token)
            #expect(project.object["has_database"] as? Bool == true)
            #expect(!project.text.contains("s3cret"))
            let stored = try await test.database.client.query("SELECT database_url FROM projects").first(as: String.self)
            let sealed = try #require(stored)
            #expect(sealed.hasPrefix("v1:") && !sealed.contains("s3cret"))
            let log = try await test.client.call(.get, "/organizations/\(owner.organizationID)/audit-log", token: owner.token)
            #expect(!log.text.contains("s3cret"))

            for bad in ["mysql://u@h/d", "not a url", "postgresql:///nohost", ""] {
                let response = try await test.client.call(.put, "/projects/\(id)/database", token: owner.token, json: ["url": bad])
                #expect(response.status == .unprocessableContent, "\(bad)")
            }
        }
    }
}
