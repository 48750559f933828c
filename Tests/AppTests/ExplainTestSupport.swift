@testable import App
import Foundation
import HummingbirdTesting
import Testing

/// A signed-up user with a project connected to the sample database.
struct SampleProject: Sendable {
    let user: TestUser
    let projectID: String
}

extension TestClientProtocol {
    /// Signs up a user, creates a project and connects it to the sample database (as
    /// `sample_writer` with `allow_writes` when `writes` is true, else as `sample_reader`).
    func sampleProject(writes: Bool = false, name: String = "shop") async throws -> SampleProject {
        let user = try await signUp(uniqueEmail("explain"))
        return SampleProject(user: user, projectID: try await connectSample(user, writes: writes, name: name))
    }

    /// Creates a project for `user` connected to the sample database; returns its id.
    func connectSample(_ user: TestUser, writes: Bool = false, name: String = "shop") async throws -> String {
        let created = try await call(.post, "/projects", token: user.token, json: ["name": name])
        #expect(created.status == .created, "\(created.text)")
        let id = created.object["id"] as? String ?? ""
        let url = writes ? try await SampleTargetDatabase.writerURL() : try await SampleTargetDatabase.readerURL()
        let set = try await call(.put, "/projects/\(id)/database", token: user.token,
                                 json: ["url": url, "allow_writes": writes])
        #expect(set.status == .noContent, "\(set.text)")
        return id
    }

    /// `POST /query/explain` for a sample project.
    func explain(_ query: String, _ project: SampleProject) async throws -> JSONResponse {
        try await call(.post, "/query/explain", token: project.user.token,
                       json: ["query": query, "project_id": project.projectID])
    }
}
