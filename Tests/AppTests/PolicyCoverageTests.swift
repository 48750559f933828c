@testable import App
@testable import Core
@testable import Database
import Foundation
import HTTPSupport
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

@Suite("Route policies")
struct PolicyCoverageTests {
    /// The router, its declared policies, and the OpenAPI document, built without a server.
    static func surfaces() throws -> (routes: Set<String>, policies: [String: RoutePolicy], openAPI: [String: String]) {
        let config = testConfig(databaseURL: "postgresql://nobody@127.0.0.1:1/none")
        let client = PostgresClient(configuration: try postgresConfiguration(url: config.databaseURL))
        let (router, registry) = try buildRouter(
            config: config, database: Database(client: client, logger: Logger(label: "test")),
            metrics: .init(), httpClient: .shared)
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })

        let document = try JSONSerialization.jsonObject(with: try openAPIDocument()) as? [String: Any] ?? [:]
        var openAPI: [String: String] = [:]
        for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
            for (method, operation) in item where ["get", "post", "put", "patch", "delete"].contains(method) {
                openAPI["\(method.uppercased()) \(path)"] = (operation as? [String: Any])?["x-policy"] as? String ?? "?"
            }
        }
        return (routes, registry.all, openAPI)
    }

    @Test("registered routes = declared policies = documented operations, with the same policy")
    func coverage() throws {
        let (routes, policies, openAPI) = try Self.surfaces()
        #expect(routes == Set(policies.keys), "routes without a policy: \(routes.subtracting(policies.keys).sorted())")
        #expect(Set(openAPI.keys) == routes,
                "undocumented: \(routes.subtracting(openAPI.keys).sorted()); documented but missing: \(Set(openAPI.keys).subtracting(routes).sorted())")
        for (route, policy) in policies {
            #expect(openAPI[route] == policy.description, "\(route): declared \(policy), documented \(openAPI[route] ?? "nothing")")
        }
    }

    @Test("a route registered outside the registrar is refused (fail closed)")
    func failClosed() async throws {
        let config = testConfig(databaseURL: "postgresql://nobody@127.0.0.1:1/none")
        let client = PostgresClient(configuration: try postgresConfiguration(url: config.databaseURL))
        let (router, _) = try buildRouter(
            config: config, database: Database(client: client, logger: Logger(label: "test")),
            metrics: .init(), httpClient: .shared)
        router.get("/sneaky") { _, _ in "should never be served" }
        let app = Application(responder: ErrorResponder(responder: router.buildResponder(), activity: ActivityCounter()))
        try await app.test(.router) { client in
            let response = try await client.call(.get, "/sneaky")
            #expect(response.status == .notFound)
            #expect(response.errorCode == "not_found")
            #expect(!response.text.contains("should never be served"))
        }
    }
}
