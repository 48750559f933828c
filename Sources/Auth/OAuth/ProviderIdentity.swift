/// A sign-in provider.
public enum OAuthProviderKind: String, Sendable {
    case google
    case github

    /// The `users` column holding this provider's account id (a fixed, known identifier).
    var idColumn: String { self == .google ? "google_id" : "github_id" }
}

/// Who the provider says the user is.
public struct ProviderIdentity: Sendable {
    public var provider: OAuthProviderKind
    public var subject: String
    public var email: String
    public var emailVerified: Bool
    public var fullName: String?
    public var picture: String?
    /// The provider's access token, kept (encrypted) for GitHub so that repositories can be listed.
    public var accessToken: String?
}

/// Why an OAuth sign-in ended without a session; sent to the front end as `?error=<code>`.
public enum OAuthFailure: Error, Sendable, Equatable {
    case providerError(String)
    case unverifiedEmail
    case accountExists
    case providerUnavailable

    public var code: String {
        switch self {
        case .providerError: "provider_error"
        case .unverifiedEmail: "email_not_verified"
        case .accountExists: "account_exists"
        case .providerUnavailable: "provider_unavailable"
        }
    }
}
