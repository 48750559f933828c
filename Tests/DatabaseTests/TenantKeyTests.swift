import Foundation
import PostgresNIO
import Testing
import TestDatabaseSupport

/// The keys of tenant tables carry `organization_id`, so that each organization's rows can be
/// co-located on one shard (docs/scaling.md): checked on the catalog of the migrated database.
@Suite("Tenant keys")
struct TenantKeyTests {
    /// Tables without a tenant key, and why.
    static let globalTables: [String: String] = [
        "organizations": "the tenants themselves: `id` is the organization id (a reference table on Citus)",
        "users": "global identities, members of many organizations; `organization_id` is only the active one",
        "refresh_tokens": "a user's sessions, across organizations",
        "login_codes": "sign-in state of a user",
        "oauth_states": "sign-in state before any user is known",
        "login_attempts": "rate limiting by e-mail and address",
        "stripe_events": "webhook deliveries, matched to an organization while processed",
        "user_payment_details": "a user's own card details, not an organization's",
        "dbooster_instance": "one row about this installation",
        "schema_migrations": "the migrator's bookkeeping",
    ]

    @Test("every table is a tenant table (organization_id NOT NULL) or a listed global one")
    func tenantTables() async throws {
        try await TestDatabase.withDatabase { url in try await TestDatabase.withClient(url: url) { client in
            let rows = try await client.query("""
                SELECT c.relname,
                       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id'
                               AND a.attnotnull AND NOT a.attisdropped)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY 1
                """).all(as: (String, Bool).self)
            #expect(rows.count > Self.globalTables.count)
            for (table, isTenant) in rows {
                #expect(isTenant != (Self.globalTables[table] != nil),
                        "\(table): tenant tables need organization_id NOT NULL; global ones must be listed")
            }
        } }
    }

    @Test("every tenant table's primary key includes organization_id")
    func primaryKeys() async throws {
        try await TestDatabase.withDatabase { url in try await TestDatabase.withClient(url: url) { client in
            let rows = try await client.query("""
                SELECT c.relname,
                       EXISTS (SELECT 1 FROM pg_constraint k
                               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                               WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attname = 'organization_id')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> ALL (\(Array(Self.globalTables.keys)))
                ORDER BY 1
                """).all(as: (String, Bool).self)
            #expect(rows.count >= 10)
            for (table, included) in rows {
                #expect(included, "the primary key of \(table) lacks organization_id")
            }
        } }
    }

    @Test("every foreign key between tenant tables matches organization_id on both sides")
    func foreignKeys() async throws {
        try await TestDatabase.withDatabase { url in try await TestDatabase.withClient(url: url) { client in
            let rows = try await client.query("""
                SELECT k.conname, c.relname, r.relname,
                       EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS p(own, other)
                               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = p.own
                               JOIN pg_attribute b ON b.attrelid = k.confrelid AND b.attnum = p.other
                               WHERE a.attname = 'organization_id' AND b.attname = 'organization_id')
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_class r ON r.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND k.contype = 'f'
                  AND c.relname <> ALL (\(Array(Self.globalTables.keys)))
                  AND r.relname <> ALL (\(Array(Self.globalTables.keys)))
                ORDER BY 1
                """).all(as: (String, String, String, Bool).self)
            #expect(rows.count >= 5)
            for (constraint, table, referenced, matched) in rows {
                #expect(matched, "\(constraint): \(table) → \(referenced) does not pair organization_id with organization_id")
            }
        } }
    }

    @Test("a tenant table references organizations only through organization_id")
    func organizationReferences() async throws {
        try await TestDatabase.withDatabase { url in try await TestDatabase.withClient(url: url) { client in
            let rows = try await client.query("""
                SELECT k.conname, c.relname,
                       (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                        WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey))
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND k.contype = 'f' AND k.confrelid = 'organizations'::regclass
                  AND c.relname <> ALL (\(Array(Self.globalTables.keys)))
                ORDER BY 1
                """).all(as: (String, String, [String]).self)
            #expect(!rows.isEmpty)
            for (constraint, table, columns) in rows {
                #expect(columns == ["organization_id"], "\(constraint) on \(table) uses \(columns)")
            }
        } }
    }
}
