import AsyncHTTPClient
import Core
import Foundation
import HTTPSupport
import NIOCore

/// The two Stripe API calls dbooster makes: creating Checkout and customer-portal sessions.
///
/// `live` talks to `StripeSettings.apiURL` (Stripe, or a local stand-in in tests). Stripe being
/// unreachable or failing answers 502, Stripe not answering within `StripeSettings.timeout` 504;
/// a missing secret key answers 503.
public struct StripeClient: Sendable {
    /// Posts form `fields` to an API path (e.g. `/v1/checkout/sessions`) and returns the JSON's `url`.
    public var createSession: @Sendable (_ path: String, _ fields: [(String, String)]) async throws -> Session

    /// A created session: its id and the URL to send the user to.
    public struct Session: Sendable, Decodable {
        public let id: String?
        public let url: String
    }

    public init(createSession: @escaping @Sendable (_ path: String, _ fields: [(String, String)]) async throws -> Session) {
        self.createSession = createSession
    }

    // MARK: - Live

    /// Calls the Stripe API at `settings.apiURL` with `settings.secretKey`.
    public static func live(settings: StripeSettings, httpClient: HTTPClient) -> StripeClient {
        StripeClient { path, fields in
            guard let secretKey = settings.secretKey else { throw AppError.billingNotConfigured }
            var request = HTTPClientRequest(url: settings.apiURL + path)
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(secretKey)")
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Accept", value: "application/json")
            request.body = .bytes(ByteBuffer(string: formEncode(fields)))
            let status: UInt
            let body: ByteBuffer
            do {
                let response = try await httpClient.execute(request, timeout: TimeAmount(settings.timeout))
                status = response.status.code
                body = try await response.body.collect(upTo: 1024 * 1024)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw AppError.stripeTimeout(settings.timeout)
            } catch {
                throw AppError.stripeUnavailable("Stripe could not be reached.")
            }
            guard (200..<300).contains(status) else {
                let message = (try? JSONDecoder().decode(StripeErrorBody.self, from: Data(buffer: body)))?.error.message
                throw status >= 500
                    ? AppError.stripeUnavailable("Stripe answered \(status).")
                    : AppError(.badGateway, code: "stripe_error",
                               message: "Stripe refused the request (\(status))" + (message.map { ": \($0)" } ?? "."))
            }
            guard let session = try? JSONDecoder().decode(Session.self, from: Data(buffer: body)) else {
                throw AppError.stripeUnavailable("Stripe answered without a session URL.")
            }
            return session
        }
    }

    private struct StripeErrorBody: Decodable {
        struct Detail: Decodable { let message: String? }
        let error: Detail
    }

    /// `application/x-www-form-urlencoded`, keeping Stripe's bracketed keys in order.
    static func formEncode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}

// MARK: - Errors

extension AppError {
    /// 503 `billing_not_configured`: no Stripe secret key or price for the plan.
    public static let billingNotConfigured = AppError(
        .serviceUnavailable, code: "billing_not_configured", message: "Billing is not configured on this server.")

    /// 502 `stripe_unavailable`.
    static func stripeUnavailable(_ message: String) -> AppError {
        AppError(.badGateway, code: "stripe_unavailable", message: message + " Please try again shortly.")
    }

    /// 504 `stripe_timeout`: Stripe did not answer within `timeout`.
    static func stripeTimeout(_ timeout: Duration) -> AppError {
        AppError(.gatewayTimeout, code: "stripe_timeout",
                 message: "Stripe did not answer within \(Int(timeout.milliseconds)) ms. Please try again shortly.")
    }
}
