// swift-tools-version:6.0
import PackageDescription

// The module graph (docs/architecture.md draws it; scripts/check-architecture.sh enforces it):
//   Core (Foundation only) ← HTTPSupport (Hummingbird) ← features ← App
//   engines (PgQuery, Extraction, AddressGuard, CustomerDatabase, Advisor) never see HTTP;
//   engines also: WorkloadAnalysis (pg_stat_statements, index hygiene, advice across statements);
//   features (Tenancy, Auth, Billing, Insight, Scans, Workload) never import each other.
let package = Package(
    name: "dbooster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dbooster", targets: ["App"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(name: "CPgQuery", path: "Sources/CPgQuery"),
        .systemLibrary(name: "CArgon2", path: "Sources/CArgon2", pkgConfig: "libargon2",
                       providers: [.apt(["libargon2-dev"])]),

        // MARK: - Shared
        /// Domain types: roles, identities, quotas, hex. Foundation only.
        .target(name: "Core"),
        /// dbooster's own database: tenant and system transactions, migrations, audit log.
        /// Row decoding and error helpers shared by every PostgresNIO user.
        .target(name: "PostgresHelpers", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")]),
        .target(name: "Database", dependencies: [
            "Core", "PgQuery", "PostgresHelpers",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// Request contexts, route policies and their registrar, JSON errors, decoding, validation.
        .target(name: "HTTPSupport", dependencies: [
            "Core", "Database",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: [
            // The response writer appends to its buffer through a class; the runtime exclusivity
            // checks on every append were a third of its time (the compile-time checks remain).
            .unsafeFlags(["-enforce-exclusivity=unchecked"]),
        ]),

        // MARK: - Engines (no HTTP)
        /// A small, strict JSON reader (the tree libpg_query writes as JSON).
        .target(name: "JSONValues"),
        /// The libpg_query binding. The library is linked statically: its thousands of internal calls
        /// then skip the PLT, and its thread-local memory contexts are reached without `__tls_get_addr`.
        .target(name: "PgQuery", dependencies: ["CPgQuery", "JSONValues"],
                linkerSettings: [.linkedLibrary(":libpg_query.a")]),
        /// A fast, forgiving byte-level lexer of source code in the languages extraction reads.
        .target(name: "SourceLexing"),
        /// SQL text outside the parser: the words that open a statement, other tools' placeholders normalised, text that
        /// does not parse read loosely.
        .target(name: "SQLText", dependencies: ["SourceLexing"]),
        .target(name: "SQLScripts", dependencies: ["SourceLexing", "SQLText"]),
        /// The files of a source tree: walked with `.gitignore` honoured, read into a reused buffer.
        .target(name: "SourceTree", dependencies: ["SourceLexing"]),
        /// Finds SQL in source trees.
        .target(name: "Extraction", dependencies: ["PgQuery", "SourceLexing", "SourceTree", "SQLScripts", "SQLText"]),
        /// Output formats of the findings: table, JSON, SARIF 2.1.0.
        .target(name: "FindingFormats", dependencies: ["Extraction", "SourceLexing"]),
        /// Which network addresses dbooster may connect to.
        .target(name: "AddressGuard", dependencies: ["Core"]),
        /// Customer databases: vetted connections, statement guard, EXPLAIN, plans, schema, planner sessions.
        .target(name: "CustomerDatabase", dependencies: [
            "Core", "PgQuery", "AddressGuard", "PostgresHelpers",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// The advisor: rules, index candidates, HypoPG verification, the AI engine.
        .target(name: "Advisor", dependencies: [
            "Core", "PgQuery", "CustomerDatabase", "PostgresHelpers",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// Workload insight: pg_stat_statements ranked, mapped to code, advised across statements;
        /// index hygiene (unused, duplicate, invalid).
        .target(name: "WorkloadAnalysis", dependencies: [
            "Core", "PgQuery", "CustomerDatabase", "Advisor",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),

        // MARK: - Features (routes + one store each; never import each other)
        .target(name: "Tenancy", dependencies: [
            "Core", "HTTPSupport", "Database",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "Auth", dependencies: [
            "Core", "HTTPSupport", "Database", "CArgon2",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .target(name: "Billing", dependencies: [
            "Core", "HTTPSupport", "Database",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// Schema sync, explain, optimize and their history on projects' databases.
        .target(name: "Insight", dependencies: [
            "Core", "HTTPSupport", "Database", "PgQuery", "CustomerDatabase", "Advisor",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// GitHub repositories, the scan queue and workers, the queries found.
        .target(name: "Scans", dependencies: [
            "Core", "HTTPSupport", "Database", "PgQuery", "Extraction", "AddressGuard",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// Workload insight over the API: POST /workload/analyze and the stored runs.
        .target(name: "Workload", dependencies: [
            "Core", "HTTPSupport", "Database", "CustomerDatabase", "WorkloadAnalysis",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),

        // MARK: - Executable
        .executableTarget(name: "App", dependencies: [
            "Core", "HTTPSupport", "Database", "PgQuery", "Extraction", "FindingFormats", "CustomerDatabase", "Advisor",
            "WorkloadAnalysis", "Tenancy", "Auth", "Billing", "Insight", "Scans", "Workload",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Resources")]),

        // MARK: - Tests
        /// Per-test PostgreSQL databases (local servers only) shared by the database and app tests.
        .target(name: "TestDatabaseSupport", dependencies: [
            "Database",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Tests/TestDatabaseSupport"),
        /// The migrator, the tenant keys and the test database guard, on PostgreSQL without the app.
        .testTarget(name: "DatabaseTests", dependencies: [
            "Database", "TestDatabaseSupport",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "FindingFormats", "PgQuery", "SourceLexing", "SourceTree", "SQLScripts", "SQLText", "CPgQuery"],
                    resources: [.copy("Corpus"), .copy("HeldOut")]),
        .testTarget(name: "EngineTests", dependencies: [
            "Core", "CustomerDatabase", "Advisor", "AddressGuard", "PgQuery", "WorkloadAnalysis",
        ]),
        .testTarget(name: "AuthTests", dependencies: [
            "Auth", "Billing", "Core", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "AppTests", dependencies: [
            "App", "Core", "HTTPSupport", "Database", "PgQuery", "Extraction", "AddressGuard", "CustomerDatabase", "Advisor",
            "WorkloadAnalysis", "Tenancy", "Auth", "Billing", "Insight", "Scans", "TestDatabaseSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
    ]
)
