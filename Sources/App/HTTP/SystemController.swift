import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Prometheus

/// `/health`, `/ready`, `/metrics`, `/openapi.json` and `/docs`.
struct SystemController: Sendable {
    let database: Database
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: Data

    func register(_ routes: RouteRegistrar) {
        routes.public(.get, "/health") { _, _ in Status(status: "ok") }
        routes.public(.get, "/ready") { _, context in
            do {
                try await database.ping()
            } catch {
                context.logger.warning("Readiness check failed: \(error)")
                throw AppError(.serviceUnavailable, code: "database_unavailable", message: "The database is not reachable.")
            }
            return Status(status: "ready")
        }
        routes.public(.get, "/metrics") { _, _ in
            var buffer: [UInt8] = []
            metrics.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        routes.public(.get, "/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(bytes: openAPIDocument)))
        }
        routes.public(.get, "/docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: Self.docsPage)))
        }
    }

    struct Status: ResponseEncodable { let status: String }

    /// Swagger UI over `/openapi.json`.
    static let docsPage = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>dbooster API</title>
          <link rel="stylesheet" href="https://unpkg.com/swagger-ui-dist@5.17.14/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="https://unpkg.com/swagger-ui-dist@5.17.14/swagger-ui-bundle.js" crossorigin></script>
          <script>
            window.onload = () => { window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" }); };
          </script>
        </body>
        </html>
        """
}
