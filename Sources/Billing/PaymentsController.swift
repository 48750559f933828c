import Core
import Database
import Foundation
import HTTPSupport
import Hummingbird

/// `/payment/*`: a user's payment method reference and the organization's payment history.
public struct PaymentsController: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public func register(_ routes: RouteRegistrar) {
        routes.user(.get, "/payment/details") { _, context in try await details(context) }
        routes.user(.post, "/payment/details") { request, context in
            let body = try await request.decodeJSON(DetailsBody.self, context: context)
            return try await save(body, context)
        }
        routes.tenant(.get, "/payment/history", minimum: .admin) { _, context in try await history(context) }
    }

    // MARK: - Shapes

    struct DetailsBody: Decodable {
        let provider: String
        let payment_identifier: String
    }
    struct Details: Encodable {
        let provider: String
        let identifier: String
    }
    struct DetailsEnvelope: ResponseEncodable { let data: Details }
    struct SavedDetails: ResponseEncodable {
        let message: String
        let data: Details
    }
    struct Payment: ResponseEncodable {
        let id: UUID
        /// In the currency's smallest unit (cents for USD).
        let amount: Int
        let currency: String
        let status: String
        let paid_at: Date?

        enum CodingKeys: String, CodingKey { case id, amount, currency, status, paid_at }

        /// Writes `paid_at` as null rather than leaving it out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(amount, forKey: .amount)
            try container.encode(currency, forKey: .currency)
            try container.encode(status, forKey: .status)
            try container.encode(paid_at, forKey: .paid_at)
        }
    }

    // MARK: - Payment details

    private func details(_ context: UserRequestContext) async throws -> DetailsEnvelope {
        let userID = context.user.id
        let row = try await database.withTenant(context.scope) { transaction in
            try await BillingStore(transaction).paymentDetails(of: userID)
        }
        guard let row else { throw AppError.notFound("Payment details") }
        return DetailsEnvelope(data: Details(provider: row.provider, identifier: row.identifier))
    }

    private func save(_ body: DetailsBody, _ context: UserRequestContext) async throws -> SavedDetails {
        let provider = try Self.provider(body.provider)
        let identifier = try Self.identifier(body.payment_identifier)
        let organizationID = context.user.activeOrganizationID
        let row = try await database.withTenant(context.activeOrganizationScope) { transaction in
            let row = try await BillingStore(transaction).savePaymentDetails(
                of: context.user.id, provider: provider, identifier: identifier)
            if let organizationID {
                try await AuditLog.record(on: transaction, organizationID: organizationID,
                                          actorID: context.user.id, action: "billing.payment_details_saved",
                                          target: context.user.email, details: ["provider": provider])
            }
            return row
        }
        guard let row else { throw AppError.internalError }
        return SavedDetails(message: "Payment details saved", data: Details(provider: row.provider, identifier: row.identifier))
    }

    /// A provider name: lower-case letters, digits, `-` and `_` (e.g. `stripe`, `paypal`).
    static func provider(_ value: String) throws -> String {
        let provider = try Validate.text(value, field: "provider", max: 50).lowercased()
        guard provider.unicodeScalars.allSatisfy({ CharacterSet.lowercaseLetters.contains($0) && $0.isASCII
            || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw AppError.invalidField("provider", "must contain only letters, digits, '-' and '_'")
        }
        return provider
    }

    /// A provider's reference to a payment method (e.g. `pm_…`, an account email). A card number
    /// is refused: dbooster never stores one.
    static func identifier(_ value: String) throws -> String {
        let identifier = try Validate.text(value, field: "payment_identifier", max: 255)
        let digits = identifier.filter { $0 != " " && $0 != "-" }
        if (12...19).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
            throw AppError.invalidField("payment_identifier", "must be the provider's token or account id, never a card number")
        }
        return identifier
    }

    // MARK: - Payment history

    private func history(_ context: TenantRequestContext) async throws -> [Payment] {
        let organizationID = context.organizationID
        return try await database.withTenant(context.scope) { transaction in
            try await BillingStore(transaction).payments(of: organizationID)
        }.map { Payment(id: $0.id, amount: $0.amount, currency: $0.currency, status: $0.status, paid_at: $0.paidAt) }
    }
}
