import Auth
import Foundation
import HTTPSupport
import Hummingbird

/// Turns a bearer token into verified claims (no database work).
struct RequestAuthenticator: Sendable {
    let accessTokens: AccessTokenIssuer

    /// The user and session of a valid `Authorization: Bearer` access token.
    func verifiedClaims(from request: Request) async throws -> (userID: UUID, sessionID: UUID?) {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw AppError.unauthorized()
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        do {
            let claims = try await accessTokens.verify(token)
            guard let id = claims.userID else { throw AppError.unauthorized() }
            return (id, claims.sessionID)
        } catch {
            throw AppError.unauthorized("The access token is invalid or expired.", code: "invalid_token")
        }
    }
}
