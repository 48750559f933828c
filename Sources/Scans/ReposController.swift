import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// `/repos`: the caller's GitHub repositories, and queueing a scan of one of them.
public struct ReposController: Sendable {
    let database: Database
    let api: GitHubAPI
    let settings: ScanSettings
    let quota: QuotaGate
    /// Opens a sealed `users.github_token`.
    let openToken: @Sendable (String) throws -> String

    public init(database: Database, api: GitHubAPI, settings: ScanSettings, quota: QuotaGate,
                openToken: @escaping @Sendable (String) throws -> String) {
        self.database = database
        self.api = api
        self.settings = settings
        self.quota = quota
        self.openToken = openToken
    }

    public func register(_ routes: RouteRegistrar) {
        routes.tenant(.get, "/repos", minimum: .member, database: .callsOutside) { _, context in try await list(context) }
        routes.tenant(.post, "/repos/scan", minimum: .member) { request, context in
            let body = try await request.decodeJSON(ScanBody.self, context: context)
            return EditedResponse(status: .accepted, response: try await queue(body, context))
        }
    }

    // MARK: - Shapes

    struct ScanBody: Decodable {
        let repo_url: String
        let branch: String
        let project_id: String?
    }
    struct Queued: ResponseEncodable {
        let scan_id: UUID
        let status: String
    }

    // MARK: - Handlers

    /// Lists every repository from GitHub (no pooled connection is held meanwhile) and records them.
    private func list(_ context: TenantRequestContext) async throws -> [GitHubRepository] {
        let token = try await gitHubToken(context)
        let repositories = try await api.listRepositories(token)
        let listings = repositories.map {
            ScanStore.RepositoryListing(
                host: URL(string: $0.html_url)?.host?.lowercased() ?? "github.com", fullName: $0.full_name,
                htmlURL: $0.html_url, isPrivate: $0.private, defaultBranch: $0.default_branch ?? "")
        }
        if !listings.isEmpty {
            let (org, user) = (context.organizationID, context.user.id)
            try await database.withTenant(context.scope) { transaction in
                try await ScanStore(transaction).upsertRepositories(listings, organizationID: org, addedBy: user)
            }
        }
        return repositories
    }

    /// Checks the request, counts it against the scan quota and queues the scan.
    private func queue(_ body: ScanBody, _ context: TenantRequestContext) async throws -> Queued {
        let repository = try RepositoryURL(body.repo_url, settings: settings)
        let branch = try RepositoryURL.checkBranch(body.branch)
        let projectID: UUID? = try body.project_id.map { text in
            guard let id = UUID(uuidString: text) else { throw AppError.invalidField("project_id", "must be a project id") }
            return id
        }
        let (hasProject, hasToken) = try await database.withTenant(context.scope) { transaction in
            let store = ScanStore(transaction)
            var project = true
            if let projectID { project = try await store.projectExists(projectID) }
            let token = try await store.hasGitHubToken(context.user.id)
            return (project, token ?? false)
        }
        guard hasProject else { throw AppError.notFound("Project") }
        guard hasToken else { throw Self.notConnected }
        try await quota.consume(context.organizationID, .scan)
        let id = try await database.withTenant(context.scope) { transaction in
            let id = try await ScanStore(transaction).queueScan(
                organizationID: context.organizationID, projectID: projectID, requestedBy: context.user.id,
                repository: repository, branch: branch)
            guard let id else { throw AppError.internalError }
            try await AuditLog.record(on: transaction, organizationID: context.organizationID,
                                      actorID: context.user.id, action: "scan.queued",
                                      target: "\(repository.owner)/\(repository.repo)@\(branch)")
            return id
        }
        return Queued(scan_id: id, status: "queued")
    }

    /// The caller's GitHub token, opened.
    private func gitHubToken(_ context: TenantRequestContext) async throws -> String {
        let sealed = try await storedGitHubToken(userID: context.user.id, scope: context.scope, database: database)
        guard let sealed, let token = try? openToken(sealed) else { throw Self.notConnected }
        return token
    }

    static let notConnected = AppError.conflict(
        "GitHub is not connected to your account; sign in with GitHub to list and scan repositories.",
        code: "github_not_connected")
}
