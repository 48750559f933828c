import Foundation

/// Who a tenant transaction acts for. Row-level security policies read these settings.
///
/// A scope is made only from a verified request context (HTTPSupport) or from a claimed
/// background job; its initialiser is visible to this package's modules only.
public struct TenantScope: Sendable, Equatable {
    public let organizationID: UUID?
    public let userID: UUID?
    public let userEmail: String?

    package init(organizationID: UUID? = nil, userID: UUID? = nil, userEmail: String? = nil) {
        self.organizationID = organizationID
        self.userID = userID
        self.userEmail = userEmail
    }

    /// The scope of background work for a job of `organizationID` that was claimed from a queue
    /// on the system path (e.g. a repository scan), acting for the user who requested it.
    public static func job(organizationID: UUID, requestedBy userID: UUID?) -> TenantScope {
        TenantScope(organizationID: organizationID, userID: userID)
    }
}
