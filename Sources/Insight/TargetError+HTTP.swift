import CustomerDatabase
import HTTPSupport
import Hummingbird

extension TargetError: HTTPResponseError {
    /// 422 for refused queries and unacceptable targets, 502 for a database that fails, 504 for
    /// one that does not answer in time.
    public var status: HTTPResponse.Status {
        switch kind {
        case .refusedQuery, .invalidTarget: .unprocessableContent
        case .unreachable: .badGateway
        case .timedOut: .gatewayTimeout
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try AppError(status, code: code, message: message).response(from: request, context: context)
    }
}
