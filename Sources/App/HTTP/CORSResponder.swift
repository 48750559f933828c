import Foundation
import HTTPSupport
import Hummingbird
import Logging

/// Cross-origin access for the browser front end, in front of everything else: preflights are
/// answered before routing, the policy middleware, rate limits and quotas, and every response —
/// errors included — carries the CORS headers of an allowed origin.
///
/// The work is Hummingbird's `CORSMiddleware`'s; this responder adds what it lacks: a list of
/// exact allowed origins chosen at run time (another origin's `Origin` is dropped, so it gets no
/// CORS headers and the browser blocks it), and `Access-Control-Expose-Headers` on actual
/// responses (the middleware sends it on preflights only, where browsers ignore it).
struct CORSResponder<Responder: HTTPResponder>: HTTPResponder where Responder.Context == AppRequestContext {
    typealias Context = AppRequestContext

    let responder: Responder
    let allowedOrigins: Set<String>
    let exposedHeaders: String
    let cors: CORSMiddleware<AppRequestContext>

    /// - Parameters:
    ///   - allowedOrigins: exact origins (`scheme://host[:port]`), e.g. `FRONTEND_URL`.
    ///   - methods: the methods the route table uses.
    init(responder: Responder, allowedOrigins: Set<String>, methods: [HTTPRequest.Method]) {
        self.responder = responder
        self.allowedOrigins = allowedOrigins
        let exposed: [HTTPField.Name] = [.requestID, .nextCursor, .retryAfter]
        self.exposedHeaders = exposed.map(\.canonicalName).joined(separator: ", ")
        self.cors = CORSMiddleware(
            allowOrigin: .originBased,
            allowHeaders: [.authorization, .contentType, .organizationID, .accept],
            allowMethods: methods + [.options],
            allowCredentials: false,
            exposedHeaders: exposed.map(\.canonicalName),
            maxAge: .seconds(600))
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await responder.respond(to: request, context: context)
        }
        guard allowedOrigins.contains(origin) else {
            context.logger.debug("CORS: origin not allowed", metadata: ["origin": .string(origin)])
            var head = request.head
            head.headerFields[.origin] = nil
            return try await responder.respond(to: Request(head: head, body: request.body), context: context)
        }
        var response = try await cors.handle(request, context: context) { request, context in
            try await responder.respond(to: request, context: context)
        }
        if request.method != .options { response.headers[.accessControlExposeHeaders] = exposedHeaders }
        return response
    }
}

/// The allowed origins: `FRONTEND_URL` and `CORS_ALLOWED_ORIGINS` (comma-separated), each
/// reduced to `scheme://host[:port]` as browsers send it.
func allowedCORSOrigins(frontendURL: String, extra: String?) -> Set<String> {
    let candidates = [frontendURL] + (extra ?? "").split(separator: ",").map(String.init)
    return Set(candidates.compactMap { text in
        guard let url = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host?.lowercased(), !host.isEmpty, host != "*" else { return nil }
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    })
}
