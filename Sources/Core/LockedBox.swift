import Foundation

/// A value shared between threads behind a lock (Foundation's `NSLock`: the package supports
/// macOS 14, before `Synchronization.Mutex`).
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, under the lock.
    public func withValue<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    /// A copy of the value.
    public var current: Value { withValue { $0 } }
}
