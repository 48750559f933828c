import Foundation
import Testing
import Billing

/// Cross-checks ``StripeSignatureVerifier/sign(payload:secret:timestamp:)`` against Stripe's
/// official Python library (`pip install stripe`), which CI installs.
@Suite("Stripe signature cross-check with stripe-python")
struct StripePythonCrossCheckTests {
    static let secret = "whsec_crosscheck_0123456789abcdef"

    static let script = """
    import os, sys
    try:
        import stripe
    except ImportError as error:
        print(f"cannot import stripe: {error}", file=sys.stderr)
        sys.exit(3)
    try:
        stripe.Webhook.construct_event(os.environ["PAYLOAD"], os.environ["SIG_HEADER"], os.environ["SECRET"])
    except stripe.SignatureVerificationError as error:
        print(f"rejected: {error}")
        sys.exit(1)
    print("accepted")
    """

    struct Outcome {
        let status: Int32
        let output: String
    }

    static func runPython(payload: String, header: String) async throws -> Outcome {
        try await python(["-c", script], environment: ["PAYLOAD": payload, "SIG_HEADER": header, "SECRET": secret])
    }

    /// Runs `python3 arguments` to its end on a thread of its own: waiting for it on the cooperative
    /// pool (two threads here) would stall the other tests of the parallel run for as long.
    static func python(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = ["python3"] + arguments
                    process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
                    let pipe = Pipe()
                    process.standardOutput = pipe
                    process.standardError = pipe
                    try process.run()
                    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    return Outcome(status: process.terminationStatus, output: output)
                })
            }
        }
    }

    static let payload = #"{"id":"evt_cross","object":"event","type":"checkout.session.completed","data":{"object":{}}}"#

    @Test("stripe-python accepts our header and rejects a tampered body")
    func crossCheck() async throws {
        let header = StripeSignatureVerifier.sign(payload: Array(Self.payload.utf8), secret: Self.secret, timestamp: Date())

        let accepted = try await Self.runPython(payload: Self.payload, header: header)
        try #require(
            accepted.status != 3,
            "Python package `stripe` is not installed (run `pip install stripe`): \(accepted.output)"
        )
        #expect(accepted.status == 0, "stripe-python rejected our signature: \(accepted.output)")

        let tamperedPayload = Self.payload.replacingOccurrences(of: "evt_cross", with: "evt_crosz")
        let rejected = try await Self.runPython(payload: tamperedPayload, header: header)
        #expect(rejected.status == 1, "stripe-python should reject a tampered body: \(rejected.output)")
    }

    @Test("our verifier accepts a header stripe-python signs")
    func pythonSigned() async throws {
        let signed = try await Self.python(["-c", """
        import sys, time
        try:
            import stripe
        except ImportError as error:
            print(f"cannot import stripe: {error}", file=sys.stderr)
            sys.exit(3)
        t = int(time.time())
        sig = stripe.WebhookSignature._compute_signature(f"{t}.{sys.argv[1]}", sys.argv[2])
        print(f"t={t},v1={sig}", end="")
        """, Self.payload, Self.secret])
        try #require(signed.status == 0, "stripe-python signing failed (is `stripe` installed?): \(signed.output)")

        try StripeSignatureVerifier(secret: Self.secret).verify(payload: Array(Self.payload.utf8), header: signed.output)
    }
}
