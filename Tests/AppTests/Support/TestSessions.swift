@testable import App
import Auth
import Foundation

/// The application's session service over a test's database (to mint login codes directly).
enum TestSessions {
    static func make(_ test: TestContext) throws -> SessionService {
        SessionService(database: test.database,
                       accessTokens: try AccessTokenIssuer(secret: test.config.jwtSecret, issuer: test.config.publicURL),
                       refreshLifetime: test.config.refreshTokenLifetime, successorSecret: test.config.jwtSecret)
    }
}
