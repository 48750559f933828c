import Foundation

/// Formats an amount in a currency's smallest unit for people ("29.00 USD", "500 JPY").
enum MoneyFormat {
    /// Currencies Stripe counts in whole units.
    static let zeroDecimal: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    static func string(amount: Int, currency: String) -> String {
        if zeroDecimal.contains(currency) { return "\(amount) \(currency)" }
        return "\(amount / 100).\(String(format: "%02d", amount % 100)) \(currency)"
    }
}
