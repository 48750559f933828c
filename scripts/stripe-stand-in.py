#!/usr/bin/env python3
"""A tiny local stand-in of the Stripe API for the schemathesis run: answers Checkout and
customer-portal session creation like Stripe does, so that billing routes are exercised end to end
without the network. Usage: stripe-stand-in.py PORT"""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StripeStandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if not (self.headers.get("Authorization") or "").startswith("Bearer sk_test_"):
            return self.answer(401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}})
        if self.path == "/v1/checkout/sessions":
            session = f"cs_test_{uuid.uuid4().hex}"
            return self.answer(200, {"id": session, "object": "checkout.session", "url": f"https://checkout.stripe.test/c/pay/{session}"})
        if self.path == "/v1/billing_portal/sessions":
            session = f"bps_{uuid.uuid4().hex}"
            return self.answer(200, {"id": session, "object": "billing_portal.session", "url": f"https://billing.stripe.test/p/session/{session}"})
        self.answer(404, {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL"}})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), StripeStandIn).serve_forever()
