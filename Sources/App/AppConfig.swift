import Advisor
import Auth
import Billing
import CustomerDatabase
import Database
import Foundation
import Scans

/// Settings read from the environment and an optional `.env` file (the environment wins).
/// Every key is listed, with a comment, in `.env.example`.
struct AppConfig: Sendable {
    struct MissingSetting: Error, CustomStringConvertible {
        let key: String
        let hint: String
        var description: String { "Missing required setting \(key): \(hint)" }
    }

    var databaseURL: String
    var jwtSecret: String
    var encryptionKey: String
    var publicURL: String
    var frontendURL: String
    /// Origins whose pages may call the API from a browser: `FRONTEND_URL` and the exact origins
    /// listed in `CORS_ALLOWED_ORIGINS` (comma-separated).
    var corsOrigins: Set<String>
    /// Swagger UI's files for `/docs` (`SWAGGER_UI_DIR`, default `var/swagger-ui`).
    var swaggerUIDirectory: URL
    var accessTokenLifetime: TimeInterval
    var refreshTokenLifetime: TimeInterval
    /// Seconds a rotated refresh token may be presented once more (two tabs refreshing at once)
    /// and get the same successor (`REFRESH_REUSE_GRACE_SECONDS`, default 5; 0 turns it off).
    var refreshReuseGrace: TimeInterval
    var google: OAuthClientSettings
    var github: OAuthClientSettings
    /// The time limit of each call to Google or GitHub during a sign-in (`OAUTH_TIMEOUT_MS`).
    var oauthTimeout: Duration
    var loginRateLimit: Int
    /// Password hashing threads (`PASSWORD_HASHING_THREADS`, low priority) and how many hashes may
    /// wait for them before sign-ins get 503 (`PASSWORD_HASHING_QUEUE`).
    var hashingThreads: Int
    var hashingQueue: Int
    /// The part of the hashing threads' time that hashes may take while requests are being
    /// served (`PASSWORD_HASHING_SHARE`, 0 < share ≤ 1).
    var hashingShare: Double
    var secureCookies: Bool
    /// Stripe account (STRIPE_*) and monthly quota limits (QUOTA_<PLAN>_<KIND>).
    var stripe: StripeSettings
    var quotaLimits: QuotaLimits
    /// The AI engine's chat completions API (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL).
    var chat: ChatSettings
    /// Repository scans: hosts, limits, lease (`SCAN_*`); `SCAN_WORKERS` scan workers per process (0 disables).
    var scans: ScanSettings
    var scanWorkers: Int
    /// Customer databases: connect, statement and lock timeouts, session limit (`TARGET_*_MS`).
    var target: TargetSettings
    /// Database hosts that projects may use although they resolve to private addresses
    /// (`TARGET_PRIVATE_HOSTS`, comma-separated); all others must be public.
    var targetPrivateHosts: Set<String>

    struct OAuthClientSettings: Sendable {
        var clientID: String?
        var clientSecret: String?
        var authorizeURL: String
        var tokenURL: String
        var userInfoURL: String
        /// Google: the ID-token signing keys (`GOOGLE_JWKS_URL`).
        var jwksURL: String? = nil
    }

    /// Reads the configuration; throws ``MissingSetting`` for a missing required secret.
    static func load(environment: [String: String]) throws -> AppConfig {
        func value(_ key: String) -> String? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return value
        }
        func required(_ key: String, _ hint: String) throws -> String {
            guard let value = value(key) else { throw MissingSetting(key: key, hint: hint) }
            return value
        }
        let publicURL = value("PUBLIC_URL") ?? "http://localhost:8000"
        let frontendURL = value("FRONTEND_URL") ?? "http://localhost:5173"
        let githubOAuth = value("GITHUB_OAUTH_URL") ?? "https://github.com"
        return AppConfig(
            databaseURL: try required("DATABASE_URL", "a postgresql:// URL of dbooster's own database"),
            jwtSecret: try required("JWT_SECRET", "at least 32 random bytes, e.g. `openssl rand -base64 48`"),
            encryptionKey: try required("ENCRYPTION_KEY", "32 bytes as base64, e.g. `openssl rand -base64 32`"),
            publicURL: publicURL,
            frontendURL: frontendURL,
            corsOrigins: allowedCORSOrigins(frontendURL: frontendURL, extra: value("CORS_ALLOWED_ORIGINS")),
            swaggerUIDirectory: swaggerUIFolder(environment: environment),
            accessTokenLifetime: TimeInterval(value("ACCESS_TOKEN_TTL_SECONDS").flatMap(Int.init) ?? 900),
            refreshTokenLifetime: TimeInterval(value("REFRESH_TOKEN_TTL_DAYS").flatMap(Int.init) ?? 30) * 86400,
            refreshReuseGrace: TimeInterval(max(0, min(60, value("REFRESH_REUSE_GRACE_SECONDS").flatMap(Int.init) ?? 5))),
            google: .init(
                clientID: value("GOOGLE_CLIENT_ID"),
                clientSecret: value("GOOGLE_CLIENT_SECRET"),
                authorizeURL: value("GOOGLE_AUTH_URL") ?? "https://accounts.google.com/o/oauth2/v2/auth",
                tokenURL: value("GOOGLE_TOKEN_URL") ?? "https://oauth2.googleapis.com/token",
                userInfoURL: value("GOOGLE_USERINFO_URL") ?? "https://openidconnect.googleapis.com/v1/userinfo",
                jwksURL: value("GOOGLE_JWKS_URL") ?? "https://www.googleapis.com/oauth2/v3/certs"
            ),
            github: .init(
                clientID: value("GITHUB_CLIENT_ID"),
                clientSecret: value("GITHUB_CLIENT_SECRET"),
                authorizeURL: githubOAuth + "/login/oauth/authorize",
                tokenURL: githubOAuth + "/login/oauth/access_token",
                userInfoURL: value("GITHUB_API_URL") ?? "https://api.github.com"
            ),
            oauthTimeout: positiveMilliseconds(value("OAUTH_TIMEOUT_MS")) ?? OAuthService.standardProviderTimeout,
            loginRateLimit: value("LOGIN_RATE_LIMIT").flatMap(Int.init) ?? 10,
            hashingThreads: max(1, value("PASSWORD_HASHING_THREADS").flatMap(Int.init) ?? 1),
            hashingQueue: max(1, value("PASSWORD_HASHING_QUEUE").flatMap(Int.init) ?? 32),
            hashingShare: value("PASSWORD_HASHING_SHARE").flatMap(Double.init).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } ?? 0.5,
            secureCookies: publicURL.hasPrefix("https://"),
            stripe: StripeSettings(
                secretKey: value("STRIPE_SECRET_KEY"),
                webhookSecrets: StripeSettings.secrets(from: value("STRIPE_WEBHOOK_SECRET")),
                priceIDs: [.pro: value("STRIPE_PRICE_PRO"), .team: value("STRIPE_PRICE_TEAM")].compactMapValues { $0 },
                apiURL: value("STRIPE_API_URL") ?? "https://api.stripe.com",
                frontendURL: frontendURL,
                timeout: positiveMilliseconds(value("STRIPE_TIMEOUT_MS")) ?? StripeSettings.standardTimeout
            ),
            quotaLimits: QuotaLimits.from(environment: value),
            chat: chatSettings(from: environment),
            scans: ScanSettings.from(environment: value),
            scanWorkers: value("SCAN_WORKERS").flatMap(Int.init).map { max(0, $0) } ?? 1,
            target: TargetSettings.from(environment: value),
            targetPrivateHosts: Set((value("TARGET_PRIVATE_HOSTS") ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        )
    }

    /// A positive whole number of milliseconds; nil for a missing or unusable value (the default applies).
    static func positiveMilliseconds(_ text: String?) -> Duration? {
        text.flatMap { Int($0) }.flatMap { $0 > 0 ? .milliseconds($0) : nil }
    }

    /// The AI engine's settings; the engine is off without OPENAI_API_KEY.
    static func chatSettings(from environment: [String: String]) -> ChatSettings {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        return ChatSettings(
            baseURL: value("OPENAI_BASE_URL") ?? "https://api.openai.com/v1",
            apiKey: value("OPENAI_API_KEY"),
            model: value("OPENAI_MODEL") ?? "gpt-4o-mini",
            timeout: .milliseconds(value("OPENAI_TIMEOUT_MS").flatMap(Int.init) ?? 20_000))
    }

    /// The process environment overlaid on a `.env` file in the working directory, if any.
    static func environment(dotEnvPath: String = ".env") -> [String: String] {
        var merged: [String: String] = [:]
        if let text = try? String(contentsOfFile: dotEnvPath, encoding: .utf8) {
            for line in text.split(whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
                let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                merged[key] = value
            }
        }
        return merged.merging(ProcessInfo.processInfo.environment) { _, process in process }
    }
}
