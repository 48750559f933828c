import CustomerDatabase
@testable import Database
import Foundation
import Insight
import PostgresNIO
import Testing

@Suite("Row-level security")
struct RowLevelSecurityTests {
    @Test("every table with organization_id has RLS enabled, forced and a policy")
    func catalog() async throws {
        try await withTestApp { test in
            let rows = try await test.database.client.query("""
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                              AND a.attname = 'organization_id' AND NOT a.attisdropped)
                ORDER BY 1
                """).all(as: (String, Bool, Bool, Int).self)
            #expect(rows.count >= 6)
            for (table, enabled, forced, policies) in rows {
                #expect(enabled, "RLS not enabled on \(table)")
                #expect(forced, "RLS not forced on \(table)")
                #expect(policies > 0, "no policy on \(table)")
            }
        }
    }

    @Test("the tenant role owns nothing and cannot bypass RLS")
    func tenantRole() async throws {
        try await withTestApp { test in
            let roles = try await test.database.client.query("""
                SELECT rolname, rolbypassrls, rolsuper, rolcanlogin FROM pg_roles
                WHERE rolname IN ('dbooster_tenant', 'dbooster_system') ORDER BY 1
                """).all(as: (String, Bool, Bool, Bool).self)
            #expect(roles.count == 2)
            for (_, bypass, superuser, login) in roles {
                #expect(!bypass && !superuser && !login)
            }
            let owned = try await test.database.client.query("""
                SELECT count(*)::int FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                WHERE r.rolname IN ('dbooster_tenant', 'dbooster_system')
                """).first(as: Int.self)
            #expect(owned == 0)
        }
    }

    @Test("no context sees nothing; one organization cannot read, update or insert another's rows")
    func isolation() async throws {
        try await withTestApp { test in
            let alice = try await test.client.signUp(uniqueEmail("alice"))
            let bob = try await test.client.signUp(uniqueEmail("bob"))
            let created = try await test.client.call(.post, "/projects", token: alice.token, json: ["name": "A's project"])
            #expect(created.status == .created)
            let aliceOrg = try #require(UUID(uuidString: alice.organizationID))
            let bobOrg = try #require(UUID(uuidString: bob.organizationID))
            let db = test.database

            // No context at all: zero rows, no error.
            let none = try await db.withTenant(TenantScope()) { transaction in
                try await transaction.query("SELECT count(*)::int FROM projects").first(as: Int.self)
            }
            #expect(none == 0)

            // Bob's context: Alice's project is invisible, cannot be updated, and cannot be created in her organization.
            let bobScope = TenantScope(organizationID: bobOrg)
            let visible = try await db.withTenant(bobScope) { transaction in
                try await transaction.query("SELECT count(*)::int FROM projects").first(as: Int.self)
            }
            #expect(visible == 0)
            let updated = try await db.withTenant(bobScope) { transaction in
                try await transaction.query(
                    "UPDATE projects SET name = 'stolen' WHERE organization_id = \(aliceOrg) RETURNING id").all(as: UUID.self).count
            }
            #expect(updated == 0)
            await #expect(throws: PSQLError.self) {
                try await db.withTenant(bobScope) { transaction in
                    try await transaction.query(
                        "INSERT INTO projects (organization_id, name) VALUES (\(aliceOrg), 'planted')")
                }
            }
            // Alice's own context sees exactly her project, unchanged.
            let names = try await db.withTenant(TenantScope(organizationID: aliceOrg)) { transaction in
                try await transaction.query("SELECT name FROM projects").all(as: String.self)
            }
            #expect(names == ["A's project"])
        }
    }
}
