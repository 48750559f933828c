import Core
import Hummingbird

extension QuotaExceeded: HTTPResponseError {
    /// 402 Payment Required.
    public var status: HTTPResponse.Status { .init(code: 402, reasonPhrase: "Payment Required") }
    /// The stable error code clients read.
    public var code: String { "quota_exceeded" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try AppError(status, code: "quota_exceeded", message: message).response(from: request, context: context)
    }
}
