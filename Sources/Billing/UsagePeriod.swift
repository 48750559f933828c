import Foundation

/// The metering period: the calendar month in UTC. Quotas reset at 00:00 UTC on the first day of
/// each month, whatever the subscription's billing cycle, so every plan (free included) meters the
/// same way and the reset time is predictable.
public struct UsagePeriod: Sendable, Equatable {
    public let start: Date
    public let end: Date

    /// The month containing `date`.
    public init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = calendar.dateComponents([.year, .month], from: date)
        let start = calendar.date(from: components)!
        self.start = start
        self.end = calendar.date(byAdding: .month, value: 1, to: start)!
    }
}
