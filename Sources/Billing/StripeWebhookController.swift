import Core
import Foundation
import HTTPSupport
import Hummingbird
import Logging

/// `POST /webhooks/stripe`: Stripe's deliveries, authenticated by their `Stripe-Signature`.
///
/// Answers 200 only once the event is stored and applied (a repeated event id also answers 200);
/// 400 for a bad signature, a stale timestamp or an unreadable envelope; 503 when the event could
/// not be stored, so that Stripe delivers it again.
public struct StripeWebhookController: Sendable {
    let verifier: StripeSignatureVerifier
    let processor: StripeWebhookProcessor

    /// The largest delivery accepted (Stripe's events are far smaller).
    static let maxBody = 1024 * 1024

    public init(verifier: StripeSignatureVerifier, processor: StripeWebhookProcessor) {
        self.verifier = verifier
        self.processor = processor
    }

    public func register(_ routes: RouteRegistrar) {
        routes.public(.post, "/webhooks/stripe") { request, context in
            try await receive(request, logger: context.logger)
        }
    }

    struct Receipt: ResponseEncodable {
        let received: Bool
        let outcome: String
    }

    // MARK: - Handler

    private func receive(_ request: Request, logger: Logger) async throws -> Receipt {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maxBody)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw AppError.payloadTooLarge
        }
        let payload = Data(buffer: body)
        do {
            try verifier.verify(payload: payload, header: request.headers[.stripeSignature])
        } catch let error as StripeSignatureError {
            throw AppError.badRequest("Invalid Stripe webhook: \(error).", code: "invalid_signature")
        }
        do {
            let outcome = try await processor.handle(payload: payload)
            return Receipt(received: true, outcome: outcome.rawValue)
        } catch is StripeWebhookProcessor.InvalidEvent {
            throw AppError.badRequest("The event has no readable id, type and created time.", code: "invalid_event")
        } catch let error as AppError {
            throw error
        } catch {
            logger.error("Stripe event not recorded: \(String(reflecting: error))")
            throw AppError(.serviceUnavailable, code: "webhook_not_recorded",
                           message: "The event could not be recorded; it will be accepted when delivered again.")
        }
    }
}

extension HTTPField.Name {
    /// Stripe's webhook signature header.
    static let stripeSignature = Self("Stripe-Signature")!
}
