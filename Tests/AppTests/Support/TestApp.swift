@testable import App
import AsyncHTTPClient
@testable import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Testing
import TestDatabaseSupport

/// Settings for a test application on a fresh database.
/// Stripe's webhook secrets and prices are always set; the API key and URL only with `stripeBaseURL`.
/// `extra` settings are applied last (e.g. `SCAN_*`).
func testConfig(databaseURL: String, providerBaseURL: String? = nil, stripeBaseURL: String? = nil,
                extra: [String: String] = [:]) -> AppConfig {
    var environment = [
        "DATABASE_URL": databaseURL,
        "JWT_SECRET": "test-secret-test-secret-test-secret-0123456789",
        "ENCRYPTION_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "FRONTEND_URL": "http://frontend.test",
        "PUBLIC_URL": "http://api.test",
        "LOGIN_RATE_LIMIT": "5",
        // The sample customer database lives on the local test cluster.
        "TARGET_PRIVATE_HOSTS": "127.0.0.1,localhost",
        "STRIPE_WEBHOOK_SECRET": "\(StripeTestKeys.webhookSecret),\(StripeTestKeys.previousWebhookSecret)",
        "STRIPE_PRICE_PRO": StripeTestKeys.pricePro,
        "STRIPE_PRICE_TEAM": StripeTestKeys.priceTeam,
    ]
    if let stripeBaseURL {
        environment["STRIPE_SECRET_KEY"] = StripeTestKeys.secretKey
        environment["STRIPE_API_URL"] = stripeBaseURL
    }
    if let base = providerBaseURL {
        environment["GOOGLE_CLIENT_ID"] = "google-client"
        environment["GOOGLE_CLIENT_SECRET"] = "google-secret"
        environment["GOOGLE_AUTH_URL"] = "\(base)/google/authorize"
        environment["GOOGLE_TOKEN_URL"] = "\(base)/google/token"
        environment["GOOGLE_USERINFO_URL"] = "\(base)/google/userinfo"
        environment["GOOGLE_JWKS_URL"] = "\(base)/google/jwks"
        environment["GITHUB_CLIENT_ID"] = "github-client"
        environment["GITHUB_CLIENT_SECRET"] = "github-secret"
        environment["GITHUB_OAUTH_URL"] = "\(base)/github"
        environment["GITHUB_API_URL"] = "\(base)/github-api"
    }
    environment.merge(extra) { _, new in new }
    return try! AppConfig.load(environment: environment)
}

/// What a test gets: a client for the application and a direct connection pool to its database.
struct TestContext: Sendable {
    let client: any TestClientProtocol
    let database: Database
    let config: AppConfig
}

/// Runs `body` against the real application on a fresh copy of the migrated database.
func withTestApp(
    providerBaseURL: String? = nil,
    stripeBaseURL: String? = nil,
    environment: [String: String] = [:],
    _ body: @Sendable (TestContext) async throws -> Void
) async throws {
    await TestAppSlots.shared.acquire()
    do {
        try await runTestApp(providerBaseURL: providerBaseURL, stripeBaseURL: stripeBaseURL, environment: environment, body)
    } catch {
        await TestAppSlots.shared.release()
        throw error
    }
    await TestAppSlots.shared.release()
}

private func runTestApp(
    providerBaseURL: String?, stripeBaseURL: String?, environment: [String: String],
    _ body: @Sendable (TestContext) async throws -> Void
) async throws {
    try await TestDatabase.withDatabase { url in
        try await runTestApp(url: url, providerBaseURL: providerBaseURL, stripeBaseURL: stripeBaseURL,
                             environment: environment, body)
    }
}

private func runTestApp(
    url: String, providerBaseURL: String?, stripeBaseURL: String?, environment: [String: String],
    _ body: @Sendable (TestContext) async throws -> Void
) async throws {
    let config = testConfig(databaseURL: url, providerBaseURL: providerBaseURL, stripeBaseURL: stripeBaseURL,
                            extra: environment)
    let logger = {
        var logger = Logger(label: "dbooster-test")
        logger.logLevel = .warning
        return logger
    }()
    let app = try buildApplication(config: config, logger: logger)
    let directClient = PostgresClient(configuration: try postgresConfiguration(url: url), backgroundLogger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await directClient.run() }
        try await app.test(.router) { client in
            try await body(TestContext(client: client, database: Database(client: directClient, logger: logger), config: config))
        }
        group.cancelAll()
    }
}

/// Caps how many test applications run at once. Swift Testing starts every test together, and
/// each application holds connections (its pool and the test's own): unbounded, a run reached the
/// cluster's `max_connections`; two cores gain nothing from more than a few dozen at a time.
actor TestAppSlots {
    static let shared = TestAppSlots(limit: 24)

    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

// MARK: - JSON calls

/// A decoded JSON answer.
struct JSONResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    /// Sends a request with an optional JSON body and bearer token.
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: Any? = nil,
        rawBody: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> JSONResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
        } else if let rawBody {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: rawBody)
        }
        return try await execute(uri: path, method: method, headers: headers, body: body) { response in
            JSONResponse(status: response.status, headers: response.headers, body: response.body)
        }
    }

    /// Signs up a new user and returns their access token and id.
    func signUp(_ email: String, password: String = "correct horse battery", name: String? = nil) async throws -> TestUser {
        var body: [String: Any] = ["email": email, "password": password]
        if let name { body["full_name"] = name }
        let response = try await call(.post, "/auth/signup", json: body)
        #expect(response.status == .created, "signup failed: \(response.text)")
        let token = response.object["access_token"] as? String ?? ""
        let me = try await call(.get, "/users/me", token: token)
        return TestUser(
            id: me.object["id"] as? String ?? "", email: email, token: token,
            refreshToken: response.object["refresh_token"] as? String ?? "",
            organizationID: me.object["organization_id"] as? String ?? "")
    }
}

struct TestUser: Sendable {
    let id: String
    let email: String
    let token: String
    let refreshToken: String
    let organizationID: String
}

/// A unique email address for a test.
func uniqueEmail(_ name: String = "user") -> String {
    "\(name)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
}
