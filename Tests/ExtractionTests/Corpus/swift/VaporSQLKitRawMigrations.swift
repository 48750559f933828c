// Sources: four Vapor / Fluent migrations that drop down to SQLKit's sqlDatabase.raw(…), found with
// find_string 'sqlDatabase.raw("' (repository names not returned except where the file header
// names its project):
//   (a) UpdatingUserModel.swift, "GuardGuys-API"           (index id 3326581993), complete
//   (b) FoodItemRecord+Migrations.swift, "Bloom-Backend"    (index id 61113660358), complete
//   (c) CreateServerAccessMode                             (index id 60392922221), complete
//   (d) CreateZoneName (FluentSQLiteDriver)                (index id 40232882393), complete
// Verbatim; concatenated into one file (import lines already present above are not repeated in
// (b)–(d)). Added: these header lines and seven comment lines
// carrying an expect-next label before `sqlDatabase.raw("""` calls (a Swift """ opening line
// cannot carry a comment).
// Classes: Vapor SQLKit sqlDatabase.raw("…").run() with single-line and """ multi-line literals,
//          UPDATE … SET a = NOT b, Postgres CREATE INDEX CONCURRENTLY … USING gin (… gin_trgm_ops),
//          a CREATE TABLE with escaped \"quoted\" identifiers in a one-line Swift string, SQLite
//          DEFAULT (lower(hex(randomblob(4))) || …) expression (hard: SQLite), decoys (the Fluent
//          schema builder .field("phone_number", .string, .required, .sql(.default(""))),
//          database.enum("state").case("verified"), dialect.name == "postgresql", comments
//          "Use raw SQL with IF NOT EXISTS …", "Copy data from is_active to is_archived",
//          fatalError("This migration requires an SQL database.")).

// ---------------------------------------------------------------- (a) id 3326581993
//
//  UpdatingUserModel.swift
//  GuardGuys-API
//
//  Created by Patrick Lawler on 2/16/25.
//

import Fluent
import Vapor
import SQLKit

struct UpdatingUserModel: Migration {
    func prepare(on database: Database) -> EventLoopFuture<Void> {
           // 1. Add new columns: phone_number and is_archived.
           return database.schema("users")
               .field("phone_number", .string, .required, .sql(.default("")))
               .field("is_archived", .bool, .required, .sql(.default(false)))
               .update()
               .flatMap {
                   // 2. Copy data from is_active to is_archived (inverting the value)
                   guard let sqlDatabase = database as? SQLDatabase else {
                       return database.eventLoop.makeSucceededFuture(())
                   }
                   return sqlDatabase.raw("UPDATE users SET is_archived = NOT is_active").run() // expect: static
               }
               .flatMap {
                   // 3. Remove the old is_active column.
                   database.schema("users")
                       .deleteField("is_active")
                       .update()
               }
       }
       
       func revert(on database: Database) -> EventLoopFuture<Void> {
           // Revert: Add is_active back, copy data from is_archived, and remove phone_number and is_archived.
           return database.schema("users")
               .field("is_active", .bool, .required, .sql(.default(true)))
               .update()
               .flatMap {
                   guard let sqlDatabase = database as? SQLDatabase else {
                       return database.eventLoop.makeSucceededFuture(())
                   }
                   return sqlDatabase.raw("UPDATE users SET is_active = NOT is_archived").run() // expect: static
               }
               .flatMap {
                   database.schema("users")
                       .deleteField("is_archived")
                       .deleteField("phone_number")
                       .update()
               }
       }
}

// ---------------------------------------------------------------- (b) id 61113660358
//
//  FoodItemRecord+Migrations.swift
//  Bloom-Backend
//
//  Created by Mark DiFranco on 2024-11-11.
//

import Foundation

extension FoodItemRecord {
    struct Create: AsyncMigration {
        func prepare(on database: Database) async throws {
            let stateEnumType = try await database.enum("state")
                .case("unverified")
                .case("verified")
                .create()

            let categoryEnumType = try await database.enum("category")
                .case("generic")
                .case("fastfood")
                .case("restaurant")
                .case("branded")
                .create()

            let countryEnumType = try await database.enum("country")
                .case("canada")
                .case("usa")
                .create()

            try await database.schema(FoodItemRecord.schema)
                .field("id", .string, .identifier(auto: false))
                .field("name", .string, .required)
                .field("state", stateEnumType, .required)
                .field("brand_name", .string)
                .field("flavour", .string)
                .field("category", categoryEnumType, .required)
                .field("barcode", .string)
                .field("nutrition_label_image", .string)
                .field("packaging_image", .string)
                .field("ingredients", .string)
                .field("country", countryEnumType, .required)
                .field("calories", .double)
                .field("protein", .double)
                .field("carbohydrates", .double)
                .field("fat", .double)
                .field("serving_name", .string)
                .field("serving_value", .double)
                .field("serving_unit", .string)
                .field("downvote_count", .int)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()

            // Create a trigram index for faster searches
            guard let sqlDatabase = database as? SQLDatabase else {
                fatalError("This migration requires an SQL database.")
            }
            // Trigram index for fuzzy matching on 'name'
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS trgm_name_index
                ON food_item_records
                USING gin (name gin_trgm_ops);
            """).run()

            // Trigram index for fuzzy matching on 'brand_name'
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS trgm_brand_name_index
                ON food_item_records
                USING gin (brand_name gin_trgm_ops);
            """).run()

            // Trigram index for fuzzy matching on 'flavour'
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS trgm_flavour_index
                ON food_item_records
                USING gin (flavour gin_trgm_ops);
            """).run()

            // B-tree index for 'barcode' (exact lookup)
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS barcode_index
                ON food_item_records (barcode);
            """).run()

            // B-tree index for 'category' (equality filtering)
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS category_index
                ON food_item_records (category);
            """).run()

            // B-tree index for 'country' (equality filtering)
            // expect-next: static
            try await sqlDatabase.raw("""
                CREATE INDEX CONCURRENTLY IF NOT EXISTS country_index
                ON food_item_records (country);
            """).run()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(FoodItemRecord.schema).delete()
            try await database.enum("state").delete()
            try await database.enum("country").delete()
            try await database.enum("category").delete()
        }
    }
}

// ---------------------------------------------------------------- (c) id 60392922221
struct CreateServerAccessMode: AsyncMigration {
	func prepare(on database: any Database) async throws {
		guard let sqlDatabase = database as? any SQLDatabase else {
			throw ServerAccessModeMigrationError.unsupportedDatabase
		}

		if sqlDatabase.dialect.name == "postgresql" {
			try await sqlDatabase.raw("CREATE TABLE IF NOT EXISTS \"server_access_mode\" (\"id\" UUID PRIMARY KEY, \"development_access_only\" BOOL NOT NULL, \"updated_at\" TIMESTAMPTZ)").run() // expect: static
		} else {
			try await database.schema(ServerAccessMode.schema)
				.id()
				.field("development_access_only", .bool, .required)
				.field("updated_at", .datetime)
				.create()
		}

		guard try await ServerAccessMode.query(on: database).first() == nil else {
			return
		}

		try await ServerAccessMode(developmentAccessOnly: false).create(on: database)
	}

	func revert(on database: any Database) async throws {
		try await database.schema(ServerAccessMode.schema).delete()
	}
}

private enum ServerAccessModeMigrationError: Error {
	case unsupportedDatabase
}

// ---------------------------------------------------------------- (d) id 40232882393
import FluentSQLiteDriver

/// Migration to create the zoneNames table for storing custom zone names
struct CreateZoneName: Migration {
    func prepare(on database: Database) -> EventLoopFuture<Void> {
        // Check if we can cast to SQLDatabase for raw SQL capability
        guard let sqlDatabase = database as? SQLDatabase else {
            // Fallback to original schema-based approach if raw SQL isn't available
            return database.schema("zoneNames")
                .id()
                .field("name", .string, .required)
                .field("zoneID", .int, .required)
                .unique(on: "zoneID")
                .create()
        }
        
        // Use raw SQL with IF NOT EXISTS to handle existing tables gracefully
        // expect-next: static
        return sqlDatabase.raw("""
            CREATE TABLE IF NOT EXISTS "zoneNames" (
                "id" UUID PRIMARY KEY DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))),2) || '-' || substr('89ab',abs(random()) % 4 + 1, 1) || substr(lower(hex(randomblob(2))),2) || '-' || lower(hex(randomblob(6)))),
                "name" TEXT NOT NULL,
                "zoneID" INTEGER NOT NULL UNIQUE
            );
        """).run()
    }

    func revert(on database: Database) -> EventLoopFuture<Void> {
        return database.schema("zoneNames").delete()
    }
} 
