@testable import App
@testable import CustomerDatabase
import Foundation
import HummingbirdTesting
import Logging
import Testing

/// `POST /metadata/sync` and `GET /metadata` against the sample database.
@Suite("Schema metadata")
struct MetadataTests {
    @Test("the reader sees tables, views, partitioned tables, quoted names, every kind of index and the foreign keys")
    func reader() async throws {
        let url = try TargetURL(parsing: try await SampleTargetDatabase.readerURL())
        let logger = Logger(label: "metadata-tests")
        let snapshot = try await TargetDatabase(url: url, logger: logger).withConnection { connection in
            try await SchemaReader(logger: logger).read(on: connection)
        }
        let names = Set(snapshot.tables.map { "\($0.schema).\($0.name)" })
        #expect(names.isSuperset(of: ["public.customers", "public.orders", "public.order_items", "public.products",
                                      "public.events", "public.customer_order_totals", "Reporting.Monthly Sales"]))
        #expect(!names.contains("public.events_2025_q1"), "partitions are folded into their parent")
        #expect(!names.contains { $0.contains("hypopg") }, "extension objects are skipped")
        #expect(snapshot.table("public", "events")?.kind == "partitioned_table")
        #expect(snapshot.table("public", "events")?.rowEstimate == 60_000)
        #expect(snapshot.table("public", "orders")?.rowEstimate == 200_000)
        #expect(snapshot.table("public", "customer_order_totals")?.kind == "view")
        #expect(snapshot.table("public", "customer_order_totals")?.rowEstimate == nil)
        let sales = snapshot.table("Reporting", "Monthly Sales")
        #expect(sales?.columns.map(\.name) == ["Month", "Order Count", "Revenue"])
        #expect(sales?.columns.first?.isPrimaryKey == true)
        #expect(snapshot.table("public", "products")?.columns.first { $0.name == "price" }?.type == "numeric(10,2)")

        let indexes = Dictionary(uniqueKeysWithValues: snapshot.indexes.map { ($0.name, $0) })
        #expect(indexes["customers_lower_email_idx"]?.hasExpressions == true)
        #expect(indexes["customers_lower_email_idx"]?.columns == ["lower(email)"])
        #expect(indexes["orders_pending_created_idx"]?.predicate == "status = 'pending'::text")
        #expect(indexes["customers_country_created_idx"]?.columns == ["country", "created_at"])
        #expect(indexes["products_sku_key"]?.isUnique == true)
        #expect(indexes["order_items_pkey"]?.isPrimary == true)
        #expect(indexes["order_items_pkey"]?.columns == ["order_id", "line"])
        #expect(indexes["events_created_brin"]?.method == "brin")
        #expect(indexes["events_created_brin"]?.table == "events")
        #expect(indexes["Monthly Sales_pkey"]?.schema == "Reporting")
        #expect(snapshot.indexes(on: "public", "orders").allSatisfy { !$0.columns.contains("customer_id") })

        let keys = snapshot.foreignKeys.map { "\($0.table).\($0.columns.joined(separator: ","))->\($0.referredTable).\($0.referredColumns.joined(separator: ","))" }
        // The shop's three, then the advisor's tables (scripts/sample-db-advisor.sql).
        #expect(Set(keys) == ["orders.customer_id->customers.id", "order_items.order_id->orders.id",
                              "order_items.product_id->products.id",
                              "tickets.customer_id->customers.id", "ticket_comments.ticket_id->tickets.id",
                              "shipments.supplier_id->suppliers.id", "shipments.warehouse_id->warehouses.id",
                              "shipment_lines.shipment_id->shipments.id"])
    }

    @Test("sync stores the snapshot, a re-sync replaces it, another organization cannot read it")
    func syncAndRead() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let sync = try await test.client.call(.post, "/metadata/sync", token: project.user.token, json: [:] as [String: Any])
            #expect(sync.status == .ok, "\(sync.text)")
            // 9 from scripts/sample-db.sql (audit_trail holds the index hygiene fixtures), 13 (10 tables,
            // 3 views) from scripts/sample-db-advisor.sql.
            #expect(sync.object["tables"] as? Int == 22)
            #expect((sync.object["columns"] as? Int ?? 0) >= 30)
            #expect((sync.object["indexes"] as? Int ?? 0) >= 12)
            #expect(sync.object["foreign_keys"] as? Int == 8)
            #expect(sync.object["synced_at"] is String)

            let rows = try await test.client.call(.get, "/metadata?project_id=\(project.projectID)", token: project.user.token)
            #expect(rows.status == .ok)
            #expect(rows.array.count == sync.object["columns"] as? Int)
            let customerID = rows.array.first { $0["table_name"] as? String == "orders" && $0["column_name"] as? String == "customer_id" }
            #expect(customerID?["is_foreign_key"] as? Bool == true)
            #expect(customerID?["referred_table"] as? String == "customers")
            #expect(customerID?["referred_column"] as? String == "id")
            #expect(customerID?["is_indexed"] as? Bool == false)
            let orderID = rows.array.first { $0["table_name"] as? String == "order_items" && $0["column_name"] as? String == "order_id" }
            #expect(orderID?["is_indexed"] as? Bool == true)
            let status = rows.array.first { $0["table_name"] as? String == "orders" && $0["column_name"] as? String == "status" }
            #expect(status?["referred_table"] is NSNull)
            #expect(rows.array.contains { $0["schema_name"] as? String == "Reporting" && $0["column_name"] as? String == "Order Count" })

            // A re-sync replaces the snapshot: same counts, new time, no duplicates.
            let again = try await test.client.call(.post, "/metadata/sync", token: project.user.token,
                                                   json: ["project_id": project.projectID])
            #expect(again.status == .ok)
            let rowsAgain = try await test.client.call(.get, "/metadata", token: project.user.token)
            #expect(rowsAgain.array.count == rows.array.count)
            #expect(Set(rowsAgain.array.compactMap { $0["synced_at"] as? String }) == [again.object["synced_at"] as? String ?? ""])
            let indexes = try await test.database.withSystem { transaction in
                try await transaction.query("SELECT count(*) FROM db_index_definitions").first(as: Int.self)
            }
            #expect(indexes == again.object["indexes"] as? Int)

            let stored = try await test.client.call(.get, "/metadata/indexes?project_id=\(project.projectID)",
                                                    token: project.user.token)
            #expect(stored.array.count == again.object["indexes"] as? Int)
            let partial = stored.array.first { $0["index_name"] as? String == "orders_pending_created_idx" }
            #expect(partial?["predicate"] as? String == "status = 'pending'::text")
            #expect(partial?["columns"] as? [String] == ["created_at"])
            #expect(stored.array.first { $0["index_name"] as? String == "products_sku_key" }?["predicate"] is NSNull)

            let outsider = try await test.client.signUp(uniqueEmail("outsider"))
            let foreign = try await test.client.call(.get, "/metadata?project_id=\(project.projectID)", token: outsider.token)
            #expect(foreign.status == .ok)
            #expect(foreign.array.isEmpty)
            #expect(try await test.client.call(.get, "/metadata/indexes", token: outsider.token).array.isEmpty)
            let steal = try await test.client.call(.post, "/metadata/sync", token: outsider.token,
                                                   json: ["project_id": project.projectID])
            #expect(steal.status == .notFound)
        }
    }

    @Test("a failing sync keeps the previous snapshot")
    func failedSyncKeepsSnapshot() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let sync = try await test.client.call(.post, "/metadata/sync", token: project.user.token, json: [:] as [String: Any])
            #expect(sync.status == .ok)
            _ = try await test.client.call(.put, "/projects/\(project.projectID)/database", token: project.user.token,
                                           json: ["url": "postgresql://nobody:pw@127.0.0.1:1/none?sslmode=disable"])
            let broken = try await test.client.call(.post, "/metadata/sync", token: project.user.token, json: [:] as [String: Any])
            #expect(broken.status == .badGateway)
            #expect(broken.errorCode == "target_unreachable")
            let rows = try await test.client.call(.get, "/metadata", token: project.user.token)
            #expect(rows.array.count == sync.object["columns"] as? Int)
        }
    }

    @Test("concurrent syncs of one project leave exactly one snapshot")
    func concurrentSyncs() async throws {
        try await withTestApp { test in
            let project = try await test.client.sampleProject()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await test.client.call(.post, "/metadata/sync", token: project.user.token,
                                                   json: ["project_id": project.projectID]).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [200, 200, 200, 200])
            let counts = try await test.database.withSystem { transaction in
                try await transaction.query("""
                    SELECT (SELECT count(*) FROM db_schema_metadata)::int, (SELECT count(DISTINCT synced_at) FROM db_schema_metadata)::int,
                           (SELECT count(*) FROM db_index_definitions)::int
                    """).first(as: (Int, Int, Int).self)
            }
            let single = try await test.client.call(.post, "/metadata/sync", token: project.user.token, json: [:] as [String: Any])
            #expect(counts?.0 == single.object["columns"] as? Int)
            #expect(counts?.1 == 1)
            #expect(counts?.2 == single.object["indexes"] as? Int)
        }
    }
}
