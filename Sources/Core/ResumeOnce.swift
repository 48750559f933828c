/// A continuation that the first of several racing outcomes resumes (a result, a deadline, a
/// cancellation, a closed connection); the later ones are dropped.
public final class ResumeOnce<T: Sendable, Failure: Error>: Sendable {
    private let continuation: LockedBox<CheckedContinuation<T, Failure>?>

    /// Holds `continuation`, or nothing until ``arm(_:)`` (when the racers must exist before it).
    public init(_ continuation: CheckedContinuation<T, Failure>? = nil) {
        self.continuation = LockedBox(continuation)
    }

    /// Gives the continuation to resume.
    public func arm(_ continuation: CheckedContinuation<T, Failure>) {
        self.continuation.withValue { $0 = continuation }
    }

    /// Resumes the continuation unless an earlier outcome did (or none is armed yet).
    public func resume(with result: Result<T, Failure>) {
        continuation.withValue { continuation in
            defer { continuation = nil }
            return continuation
        }?.resume(with: result)
    }
}
