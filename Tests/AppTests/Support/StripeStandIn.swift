import Foundation
import Hummingbird
import Logging
import NIOCore

// MARK: - Test keys

/// The Stripe settings `testConfig` uses.
enum StripeTestKeys {
    static let secretKey = "sk_test_dbooster"
    /// The current webhook signing secret.
    static let webhookSecret = "whsec_test_current_0123456789abcdef"
    /// The secret being rotated out; still accepted.
    static let previousWebhookSecret = "whsec_test_previous_0123456789abcdef"
    static let pricePro = "price_test_pro"
    static let priceTeam = "price_test_team"
}

// MARK: - Recorded requests

/// One request the stand-in received.
struct StripeStandInRequest: Sendable {
    let path: String
    let authorization: String?
    let contentType: String?
    /// The form-encoded body, decoded (Stripe's bracketed keys kept as they are).
    let form: [String: String]
}

/// What the stand-in received and how it answers.
actor StripeStandInState {
    private(set) var requests: [StripeStandInRequest] = []
    /// When set, every API call answers this status with a Stripe-style error.
    var failureStatus: Int?

    func record(_ request: StripeStandInRequest) -> Int {
        requests.append(request)
        return requests.count
    }

    func fail(with status: Int?) { failureStatus = status }
}

// MARK: - Stand-in

/// A local stand-in of the two Stripe API endpoints dbooster calls, on a real HTTP server.
struct StripeStandIn: Sendable {
    /// `http://127.0.0.1:<port>`, for `STRIPE_API_URL`.
    let baseURL: String
    let state: StripeStandInState

    var requests: [StripeStandInRequest] { get async { await state.requests } }

    static func router(state: StripeStandInState) -> Router<BasicRequestContext> {
        let router = Router()
        for (path, prefix, host) in [
            ("/v1/checkout/sessions", "cs_test_", "https://checkout.stripe.test/c/pay/"),
            ("/v1/billing_portal/sessions", "bps_test_", "https://billing.stripe.test/p/session/"),
        ] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1024 * 1024)
                let number = await state.record(StripeStandInRequest(
                    path: path, authorization: request.headers[.authorization],
                    contentType: request.headers[.contentType], form: Self.decodeForm(String(buffer: body))))
                if let status = await state.failureStatus {
                    return Self.json(status: status, #"{"error":{"type":"api_error","message":"Stand-in failure"}}"#)
                }
                let id = "\(prefix)\(number)"
                return Self.json(status: 200, #"{"id":"\#(id)","object":"session","url":"\#(host)\#(id)"}"#)
            }
        }
        return router
    }

    static func json(status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func decodeForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

struct StripeStandInError: Error, CustomStringConvertible {
    let description: String
}

/// Runs `body` with a Stripe stand-in listening on 127.0.0.1 on a free port; stops it afterwards.
func withStripeStandIn(_ body: (StripeStandIn) async throws -> Void) async throws {
    let state = StripeStandInState()
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "stripe-stand-in")
    // Shutting the server down by cancellation logs errors that mean nothing here.
    logger.logLevel = .critical
    let app = Application(
        router: StripeStandIn.router(state: state),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
            portContinuation.finish()
        },
        logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { portContinuation.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            throw StripeStandInError(description: "the Stripe stand-in did not start")
        }
        try await body(StripeStandIn(baseURL: "http://127.0.0.1:\(port)", state: state))
        group.cancelAll()
    }
}
