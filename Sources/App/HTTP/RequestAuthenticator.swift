import Auth
import Foundation
import HTTPSupport
import Hummingbird

/// Turns a bearer token into verified claims (no database work).
struct RequestAuthenticator: Sendable {
    let accessTokens: AccessTokenIssuer

    /// The user and session of a valid `Authorization: Bearer` access token.
    func verifiedClaims(from request: Request) async throws -> (userID: UUID, sessionID: UUID?) {
        guard let header = request.headers[.authorization], header.prefix(7).lowercased() == "bearer " else {
            throw AppError.unauthorized()
        }
        var token = header.dropFirst(7)
        while token.first == " " || token.first == "\t" { token.removeFirst() }
        while token.last == " " || token.last == "\t" { token.removeLast() }
        do {
            let claims = try await accessTokens.verify(String(token))
            guard let id = claims.userID else { throw AppError.unauthorized() }
            return (id, claims.sessionID)
        } catch {
            throw AppError.unauthorized("The access token is invalid or expired.", code: "invalid_token")
        }
    }
}
