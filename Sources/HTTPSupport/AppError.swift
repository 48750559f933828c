import Foundation
import Hummingbird

/// An error that reaches the client as `{"error": {"code", "message"}}` with an HTTP status.
///
/// `code` is stable snake_case for programs; `message` is for humans and never carries SQL text,
/// stack traces or secrets.
public struct AppError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = ErrorBody(error: .init(code: code, message: message))
        let data = try JSONEncoder().encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable { let code: String; let message: String }
        let error: Detail
    }
}

// MARK: - Common errors

extension AppError {
    public static func badRequest(_ message: String, code: String = "bad_request") -> AppError {
        AppError(.badRequest, code: code, message: message)
    }
    public static func invalidField(_ field: String, _ message: String) -> AppError {
        AppError(.unprocessableContent, code: "invalid_field", message: "\(field): \(message)")
    }
    public static func unauthorized(_ message: String = "Authentication required.", code: String = "unauthorized") -> AppError {
        AppError(.unauthorized, code: code, message: message, headers: [.wwwAuthenticate: "Bearer"])
    }
    public static func forbidden(_ message: String = "Your role does not allow this action.") -> AppError {
        AppError(.forbidden, code: "forbidden", message: message)
    }
    public static func notFound(_ what: String = "Resource") -> AppError {
        AppError(.notFound, code: "not_found", message: "\(what) not found.")
    }
    public static func conflict(_ message: String, code: String = "conflict") -> AppError {
        AppError(.conflict, code: code, message: message)
    }
    public static let payloadTooLarge = AppError(
        .contentTooLarge, code: "payload_too_large", message: "The request body is larger than 1 MiB."
    )
    public static let internalError = AppError(
        .internalServerError, code: "internal_error", message: "Something went wrong on our side. It has been logged."
    )
}
