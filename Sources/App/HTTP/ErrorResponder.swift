import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird
import Logging
import NIOCore
import PostgresNIO

/// Wraps the router: gives every request an id (`X-Request-Id`), writes one structured log line
/// per request, and turns every error into the JSON error shape — including the router's own
/// 404/405 and anything unexpected, which is logged and answered as a generic 500. Each answer
/// counts in `activity` (password hashing gives way while requests are being served).
struct ErrorResponder<Responder: HTTPResponder>: HTTPResponder where Responder.Context == AppRequestContext {
    typealias Context = AppRequestContext
    let responder: Responder
    let activity: ActivityCounter

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = context.id
        var response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch {
            let appError = Self.appError(for: error, logger: context.logger)
            response = try appError.response(from: request, context: context)
        }
        response.headers[.requestID] = requestID
        activity.record()
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.milliseconds
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "route": .string(context.endpointPath ?? "-"),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ])
        return response
    }

    static func appError(for error: any Error, logger: Logger) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as HTTPError:
            return AppError(error.status, code: code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status.code < 500:
            return AppError(error.status, code: code(for: error.status), message: error.status.reasonPhrase)
        case let error where isDatabaseUnavailable(error):
            // dbooster's own database is restarting or unreachable: the client may retry shortly.
            logger.warning("Database unavailable: \(String(reflecting: error))")
            return databaseUnavailable
        case let error as PSQLError where ["23503", "23505"].contains(error.sqlState):
            // A row this request wrote or referred to was changed by a concurrent request (a project
            // deleted mid-scan, the same name created twice at once): the client may retry.
            logger.notice("Concurrent change: \(String(reflecting: error))")
            return AppError.conflict("Something this request refers to changed while it ran; try again.")
        default:
            logger.error("Unhandled error: \(String(reflecting: error))")
            return .internalError
        }
    }

    /// 503 `database_unavailable` with `Retry-After: 2`.
    static var databaseUnavailable: AppError {
        var headers: HTTPFields = [:]
        headers[.retryAfter] = "2"
        return AppError(.serviceUnavailable, code: "database_unavailable",
                        message: "The database is restarting or unreachable; try again in a few seconds.", headers: headers)
    }

    /// Whether `error` means dbooster's own database could not be reached or went away mid-request
    /// (a restart, a failover, a lost connection) rather than a fault of the request. Customer
    /// databases never surface here: their errors are wrapped as `TargetError`.
    static func isDatabaseUnavailable(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown,
                 .sslUnsupported, .failedToAddSSLHandler:
                return true
            case .server:
                // 57P01-03 shutdown / cannot connect now, 08xxx connection exceptions, 53300 too many connections.
                let state = error.sqlState ?? ""
                return state.hasPrefix("57P") || state.hasPrefix("08") || state == "53300"
            default:
                return false
            }
        }
        // The pool gave up creating connections, or a socket error underneath.
        let name = String(reflecting: type(of: error))
        if name.contains("ConnectionPoolError") || error is ChannelError || error is IOError || error is DatabaseConnectionLost {
            return true
        }
        // A wrapper (PostgresTransactionError: begin, commit or rollback failed) around such an error.
        if name.contains("PostgresTransactionError") {
            return Mirror(reflecting: error).children.contains { child in
                (child.value as? any Error).map(isDatabaseUnavailable) ?? false
            }
        }
        return false
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad_request"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "payload_too_large"
        case .unprocessableContent: "invalid_field"
        case .tooManyRequests: "rate_limited"
        default: status.code >= 500 ? "internal_error" : "bad_request"
        }
    }
}
