// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 67193921632: com.compendium.api.migration.V4__CreateAdminUser (Spring-managed
//       Flyway Java migration seeding an admin user with a PasswordEncoder hash).
//   (b) id 50161117: org.tbk.bitcoin.example.payreq.db.migration.V1__init (bitcoin-spring-boot-
//       starter "payreq" example application, Flyway Java migration, SQLite STRICT tables).
// Classes: Flyway BaseJavaMigration: prepareStatement( with the INSERT on the next line (`?`
// binds), statements kept in String variables as Java text blocks (`String sqlN = """`:
// expect-next on the line before, appended after the previous text block's closing `""";`),
// a literal-only `+` concatenation with `//` comments between the pieces (static, one label),
// statements run later from a list; SQLite `STRICT` tables (hard case); decoys: Spring
// `@Value("${admin-username}")` property placeholders, a long Javadoc naming "SQL migrations"
// and db/migration, `// for onchain payments` style comments between pieces.
// Adaptations: two files concatenated (package lines turned into comments, the second class
// no longer `public`, imports merged); `// expect-next:` comments appended as described.
// Code otherwise verbatim.

// package com.compendium.api.migration;
// package org.tbk.bitcoin.example.payreq.db.migration;

import com.google.common.collect.Lists;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

// ---- (a) id 67193921632
/**
 * Seeds the initial admin user.
 *
 * This is a Spring-managed Flyway Java migration rather than plain SQL:
 * Spring Boot's FlywayAutoConfiguration collects any JavaMigration bean
 * found in the application context and hands it to Flyway alongside the
 * SQL migrations it finds by scanning db/migration. Being a bean means this
 * class can take admin-username/admin-password via @Value like any other
 * component, so the raw secret is hashed here at migration time and only
 * the hash is ever written to the database — a SQL-only migration would
 * instead require a bcrypt hash to be pre-computed and supplied out of band.
 * It also means this can take the same PasswordEncoder bean SecurityConfig
 * defines, rather than constructing its own — if that bean's strength or
 * algorithm ever changes, this migration doesn't silently drift out of sync
 * with it (BCrypt hashes are self-describing, so a mismatch wouldn't error,
 * it would just quietly stop matching what the rest of the app expects).
 *
 * Deliberately NOT in the db.migration package: that's the package Flyway's
 * own classpath scan of db/migration maps to, and this class would be
 * picked up a second time (and fail on the duplicate version) if it lived
 * there. Living outside it means it's found exactly once, via Spring's
 * component scan.
 */
@Component
public class V4__CreateAdminUser extends BaseJavaMigration {

    private final String adminUsername;
    private final String adminPassword;
    private final PasswordEncoder passwordEncoder;

    public V4__CreateAdminUser(
            @Value("${admin-username}") String adminUsername,
            @Value("${admin-password}") String adminPassword,
            PasswordEncoder passwordEncoder) {
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String passwordHash = passwordEncoder.encode(adminPassword);
        try (PreparedStatement statement = context.getConnection().prepareStatement(
                "INSERT INTO users (username, password_hash) VALUES (?, ?)")) { // expect: static
            statement.setString(1, adminUsername);
            statement.setString(2, passwordHash);
            statement.executeUpdate();
        }
    }
}

// ---- (b) id 50161117
@Component
class V1__init extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception { // expect-next: static
        String sql1 = """
                create table if not exists customer_order (
                    id text PRIMARY KEY,
                    version integer,
                    created_at integer,
                    updated_at integer,
                    status text
                ) STRICT;
                """; // expect-next: static
        String sql2 = """
                create table if not exists customer_order_line_item (
                    id text PRIMARY KEY,
                    order_id text,
                    position integer,
                    name text,
                    price text,
                    currency_unit text,
                    display_price text,
                    quantity integer,
                    FOREIGN KEY(order_id) REFERENCES customer_order(id)
                ) STRICT;
                """;
        String sql3 = "create table if not exists payment_request " // expect: static
                      + "(id text PRIMARY KEY, version integer, created_at integer, updated_at integer, order_id text, dtype text, status text, valid_until integer, amount text, currency_unit text, display_price text, "
                      + "network text, " // for all btc payments (onchain, lightning, etc.)
                      + "address text, min_confirmations integer, " // for onchain payments
                      + "payment_hash text, r_hash text, " // for lightning payments
                      + "FOREIGN KEY(order_id) REFERENCES customer_order(id), "
                      + "UNIQUE(address), "
                      + "UNIQUE(r_hash) "
                      + ") "
                      + "STRICT"; // expect-next: static
        String sql4 = """
                create table if not exists invoice (
                    id text PRIMARY KEY,
                    version integer,
                    created_at integer,
                    order_id text,
                    comment text,
                    FOREIGN KEY(order_id) REFERENCES customer_order(id)
                ) STRICT;
                """; // expect-next: static
        String sql5 = """
                create table if not exists donation (
                    id text PRIMARY KEY,
                    version integer,
                    created_at integer,
                    order_id text,
                    payment_request_id text,
                    display_price text,
                    description text,
                    payment_url text,
                    comment text,
                    FOREIGN KEY(order_id) REFERENCES customer_order(id),
                    FOREIGN KEY(payment_request_id) REFERENCES payment_request(id),
                    UNIQUE(order_id),
                    UNIQUE(payment_request_id)
                ) STRICT;
                """; // expect-next: static
        String sql6 = """
                create table if not exists exchange_rate (
                    id text PRIMARY KEY,
                    created_at integer,
                    provider_name text,
                    rate_type text,
                    base_currency text,
                    term_currency text,
                    factor text
                ) STRICT;
                """; // expect-next: static
        String sql7 = """
                create table if not exists bitcoin_block (
                    id text PRIMARY KEY,
                    created_at integer,
                    updated_at integer,
                    hash text NOT NULL,
                    time integer NOT NULL,
                    nonce integer NOT NULL,
                    confirmations integer NOT NULL,
                    size integer NOT NULL,
                    height integer NOT NULL,
                    version integer NOT NULL,
                    previousblockhash text NOT NULL,
                    nextblockhash text
                ) STRICT;
                """; // expect-next: static
        String sql8 = """
                create table if not exists bitcoin_chain_info (
                    id text PRIMARY KEY,
                    created_at integer,
                    chain text,
                    blocks integer,
                    headers integer,
                    best_block_hash text, difficulty text, verification_progress text, chain_work text,
                    UNIQUE(chain, best_block_hash)
                ) STRICT;
                """; // expect-next: static
        String sql9 = """
                create table if not exists lnd_info (
                    id text PRIMARY KEY,
                    created_at integer,
                    block_height integer,
                    block_hash text,
                    best_header_timestamp integer,
                    UNIQUE(block_hash)
                ) STRICT;
                """;

        for (String sql : Lists.newArrayList(sql1, sql2, sql3, sql4, sql5, sql6, sql7, sql8, sql9)) {
            try (PreparedStatement statement = context.getConnection().prepareStatement(sql)) {
                statement.execute();
            }
        }
    }
}
