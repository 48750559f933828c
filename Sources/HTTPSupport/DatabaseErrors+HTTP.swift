import Database
import Hummingbird

extension OrganizationNameTaken: HTTPResponseError {
    /// 409 `name_taken`.
    public var status: HTTPResponse.Status { .conflict }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try AppError.conflict("An organization with this name already exists.", code: "name_taken")
            .response(from: request, context: context)
    }
}
