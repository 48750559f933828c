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
    /// Swagger UI's files, when installed; else `/docs` uses the public CDN.
    let swaggerAssets: SwaggerAssets?

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
        let docsPage = SwaggerAssets.page(local: swaggerAssets != nil)
        routes.public(.get, "/docs") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: docsPage)))
        }
        routes.public(.get, "/docs/assets/{file}") { _, context in
            guard let name = context.parameters.get("file"), let asset = swaggerAssets?.files[name] else {
                throw AppError.notFound("File")
            }
            return Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }

    struct Status: ResponseEncodable { let status: String }
}
