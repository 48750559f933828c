@testable import App
import Billing
@testable import Database
import Foundation
import HTTPTypes
import Testing

extension BillingTests {
    @Suite("Payments and checkout") struct Payments {
        // MARK: - Payment details

        @Test("payment details: 404 before, created, updated, private to the user, validated")
        func details() async throws {
            try await withTestApp { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                let none = try await test.client.call(.get, "/payment/details", token: ada.token)
                #expect(none.status == .notFound)
                #expect(none.errorCode == "not_found")

                let saved = try await test.client.call(.post, "/payment/details", token: ada.token,
                                                       json: ["provider": "stripe", "payment_identifier": "pm_123"])
                #expect(saved.status == .ok, "\(saved.text)")
                #expect(saved.object["message"] as? String == "Payment details saved")
                #expect(saved.object["data"] as? [String: String] == ["provider": "stripe", "identifier": "pm_123"])

                let updated = try await test.client.call(.post, "/payment/details", token: ada.token,
                                                         json: ["provider": "PayPal", "payment_identifier": "ada@paypal.test"])
                #expect(updated.object["data"] as? [String: String] == ["provider": "paypal", "identifier": "ada@paypal.test"])
                let read = try await test.client.call(.get, "/payment/details", token: ada.token)
                #expect(read.object["data"] as? [String: String] == ["provider": "paypal", "identifier": "ada@paypal.test"])
                #expect(try await test.billingCount("SELECT count(*)::int FROM user_payment_details") == 1)
                #expect(try await test.billingCount(
                    "SELECT count(*)::int FROM audit_log WHERE action = 'billing.payment_details_saved'") == 2)

                let bob = try await test.client.signUp(uniqueEmail("bob"))
                #expect(try await test.client.call(.get, "/payment/details", token: bob.token).status == .notFound)

                let card = try await test.client.call(.post, "/payment/details", token: bob.token,
                                                      json: ["provider": "stripe", "payment_identifier": "4242 4242 4242 4242"])
                #expect(card.status == .unprocessableContent)
                let missing = try await test.client.call(.post, "/payment/details", token: bob.token, json: ["provider": "stripe"])
                #expect(missing.status == .unprocessableContent)
                #expect(missing.errorCode == "invalid_field")
                let blank = try await test.client.call(.post, "/payment/details", token: bob.token,
                                                       json: ["provider": " ", "payment_identifier": "pm_1"])
                #expect(blank.status == .unprocessableContent)
                let malformed = try await test.client.call(.post, "/payment/details", token: bob.token, rawBody: "{")
                #expect(malformed.status == .badRequest)
                let anonymous = try await test.client.call(.get, "/payment/details")
                #expect(anonymous.status == .unauthorized)
            }
        }

        @Test("the tenant role sees only the current user's payment details")
        func detailsRowLevelSecurity() async throws {
            try await withTestApp { test in
                let ada = try await test.client.signUp(uniqueEmail("ada"))
                let bob = try await test.client.signUp(uniqueEmail("bob"))
                _ = try await test.client.call(.post, "/payment/details", token: ada.token,
                                               json: ["provider": "stripe", "payment_identifier": "pm_ada"])
                let visible = try await test.database.withTenant(TenantScope(userID: UUID(uuidString: bob.id))) { transaction in
                    try await transaction.query("SELECT count(*)::int FROM user_payment_details")
                        .first(as: Int.self)
                }
                #expect(visible == 0)
            }
        }

        // MARK: - Payment history

        @Test("payment history: the organization's payments for admins; members get 403")
        func history() async throws {
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let member = try await BillingTests.addMember(test, to: admin, role: "member")
                let other = try await test.client.signUp(uniqueEmail("other"))
                try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_h", subscription: "sub_h")
                _ = try await test.client.deliver(StripeEvents.event(
                    type: "invoice.paid", created: unixTime(),
                    object: StripeEvents.invoice(id: "in_h", customer: "cus_h", subscription: "sub_h", amount: 2900, paid: true)))

                let list = try await test.client.call(.get, "/payment/history", token: admin.token)
                #expect(list.status == .ok)
                #expect(list.array.count == 1)
                let payment = try #require(list.array.first)
                #expect(Set(payment.keys) == ["id", "amount", "currency", "status", "paid_at"])
                #expect(payment["amount"] as? Int == 2900)
                #expect(payment["currency"] as? String == "USD")
                #expect(payment["status"] as? String == "paid")

                let orgHeader: HTTPFields = [.init("X-Organization-Id")!: admin.organizationID]
                let asMember = try await test.client.call(.get, "/payment/history", token: member.token, headers: orgHeader)
                #expect(asMember.status == .forbidden)
                let otherOrg = try await test.client.call(.get, "/payment/history", token: other.token)
                #expect(otherOrg.status == .ok)
                #expect(otherOrg.array.isEmpty)
            }
        }

        // MARK: - Checkout and portal

        @Test("checkout creates a Stripe Checkout session with the price and the organization in its metadata")
        func checkout() async throws {
            try await withStripeStandIn { stripe in
                try await withTestApp(stripeBaseURL: stripe.baseURL) { test in
                    let admin = try await test.client.signUp(uniqueEmail("admin"))
                    let response = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "team"])
                    #expect(response.status == .ok, "\(response.text)")
                    #expect((response.object["url"] as? String)?.hasPrefix("https://checkout.stripe.test/") == true)

                    let request = try #require(await stripe.requests.last)
                    #expect(request.path == "/v1/checkout/sessions")
                    #expect(request.authorization == "Bearer \(StripeTestKeys.secretKey)")
                    #expect(request.contentType == "application/x-www-form-urlencoded")
                    let form = request.form
                    #expect(form["mode"] == "subscription")
                    #expect(form["line_items[0][price]"] == StripeTestKeys.priceTeam)
                    #expect(form["line_items[0][quantity]"] == "1")
                    #expect(form["client_reference_id"]?.lowercased() == admin.organizationID.lowercased())
                    #expect(form["metadata[organization_id]"]?.lowercased() == admin.organizationID.lowercased())
                    #expect(form["subscription_data[metadata][organization_id]"]?.lowercased() == admin.organizationID.lowercased())
                    #expect(form["success_url"]?.hasPrefix("http://frontend.test/") == true)
                    #expect(form["cancel_url"]?.hasPrefix("http://frontend.test/") == true)
                    #expect(form["customer_email"] == admin.email)
                    #expect(form["customer"] == nil)
                    #expect(try await test.billingCount("SELECT count(*)::int FROM audit_log WHERE action = 'billing.checkout_started'") == 1)

                    // Once the organization has a customer, it is reused.
                    try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_c", subscription: "sub_c")
                    _ = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                    let second = try #require(await stripe.requests.last)
                    #expect(second.form["customer"] == "cus_c")
                    #expect(second.form["line_items[0][price]"] == StripeTestKeys.pricePro)
                    #expect(second.form["customer_email"] == nil)

                    let invalid = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "free"])
                    #expect(invalid.status == .unprocessableContent)
                    let member = try await BillingTests.addMember(test, to: admin, role: "member")
                    let asMember = try await test.client.call(
                        .post, "/billing/checkout", token: member.token, json: ["plan": "pro"],
                        headers: [.init("X-Organization-Id")!: admin.organizationID])
                    #expect(asMember.status == .forbidden)
                }
            }
        }

        @Test("an organization with a live subscription is sent to the portal instead of a second checkout")
        func checkoutWithLiveSubscription() async throws {
            try await withStripeStandIn { stripe in
                try await withTestApp(stripeBaseURL: stripe.baseURL) { test in
                    let admin = try await test.client.signUp(uniqueEmail("admin"))
                    let noCustomer = try await test.client.call(.post, "/billing/portal", token: admin.token)
                    #expect(noCustomer.status == .conflict)
                    #expect(noCustomer.errorCode == "no_stripe_customer")

                    try await test.linkCustomer(organizationID: admin.organizationID, customer: "cus_live", subscription: "sub_live")
                    _ = try await test.client.deliver(StripeEvents.event(
                        type: "customer.subscription.created", created: unixTime(),
                        object: StripeEvents.subscription(id: "sub_live", customer: "cus_live", status: "active",
                                                          price: StripeTestKeys.pricePro, periodEnd: unixTime(86400))))
                    let again = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "team"])
                    #expect(again.status == .conflict)
                    #expect(again.errorCode == "subscription_exists")

                    let portal = try await test.client.call(.post, "/billing/portal", token: admin.token)
                    #expect(portal.status == .ok, "\(portal.text)")
                    #expect((portal.object["url"] as? String)?.hasPrefix("https://billing.stripe.test/") == true)
                    let request = try #require(await stripe.requests.last)
                    #expect(request.path == "/v1/billing_portal/sessions")
                    #expect(request.form["customer"] == "cus_live")
                    #expect(request.form["return_url"] == "http://frontend.test/billing")
                }
            }
        }

        @Test("Stripe failing or unreachable → 502; no secret key → 503 billing_not_configured")
        func stripeFailures() async throws {
            try await withStripeStandIn { stripe in
                try await withTestApp(stripeBaseURL: stripe.baseURL) { test in
                    let admin = try await test.client.signUp(uniqueEmail("admin"))
                    await stripe.state.fail(with: 500)
                    let failing = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                    #expect(failing.status == .badGateway)
                    #expect(failing.errorCode == "stripe_unavailable")
                    await stripe.state.fail(with: 400)
                    let refused = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                    #expect(refused.status == .badGateway)
                    #expect(refused.errorCode == "stripe_error")
                    #expect(try await test.billingCount("SELECT count(*)::int FROM audit_log WHERE action = 'billing.checkout_started'") == 0)
                }
            }
            try await withTestApp(stripeBaseURL: "http://127.0.0.1:1") { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let unreachable = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                #expect(unreachable.status == .badGateway)
                #expect(unreachable.errorCode == "stripe_unavailable")
            }
            try await withTestApp { test in
                let admin = try await test.client.signUp(uniqueEmail("admin"))
                let unconfigured = try await test.client.call(.post, "/billing/checkout", token: admin.token, json: ["plan": "pro"])
                #expect(unconfigured.status == .serviceUnavailable)
                #expect(unconfigured.errorCode == "billing_not_configured")
                let portal = try await test.client.call(.post, "/billing/portal", token: admin.token)
                #expect(portal.errorCode == "billing_not_configured")
            }
        }
    }
}
