/// A count that only grows: how many requests the service has answered. Background work that
/// should give way to requests (password hashing) compares two readings to see whether requests
/// were served meanwhile.
public final class ActivityCounter: Sendable {
    private let count = LockedBox(0)

    public init() {}

    /// Counts one more answered request.
    public func record() {
        count.withValue { $0 &+= 1 }
    }

    /// The number of requests answered so far.
    public var value: Int { count.current }
}
