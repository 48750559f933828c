import HTTPSupport
import Hummingbird

extension PasswordHashingBusy: HTTPResponseError {
    /// 503 `busy` with `Retry-After: 1`.
    public var status: HTTPResponse.Status { .serviceUnavailable }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try AppError(.serviceUnavailable, code: "busy",
                     message: "Too many sign-ins at once; try again in a second.",
                     headers: [.retryAfter: "1"]).response(from: request, context: context)
    }
}
