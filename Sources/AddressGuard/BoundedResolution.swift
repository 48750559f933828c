import Core
import Foundation

extension NetworkAddress {
    /// ``vet(_:resolve:)`` with the lookup bounded: `resolve` (blocking, like `getaddrinfo`) runs on
    /// a thread of its own, never on the caller's nor a pool's, and a lookup that takes longer than `limit` —
    /// a slow or silent DNS server — is ``Refusal/timedOut`` (the lookup is left to finish).
    public static func vet(
        _ host: String, within limit: Duration, resolve: @escaping @Sendable (String) -> [String]
    ) async -> Result<[IPAddress], Refusal> {
        let bare = IPAddress.stripBrackets(host)
        if IPAddress(bare) != nil { return vet(host) { _ in [] } }
        guard let answers = await resolveOffThread(bare, within: limit, resolve: resolve) else { return .failure(.timedOut) }
        return vet(host) { _ in answers }
    }

    /// `resolve(host)` on a thread of its own (not a pool's: blocked lookups must not delay
    /// other work); nil when it has not answered within `limit`. The deadline is kept by a second
    /// thread, which ends when the lookup answers: a pool busy with other work cannot delay it, so
    /// a lookup that answers after `limit` never wins.
    static func resolveOffThread(
        _ host: String, within limit: Duration, resolve: @escaping @Sendable (String) -> [String]
    ) async -> [String]? {
        await withCheckedContinuation { (continuation: CheckedContinuation<[String]?, Never>) in
            let answer = ResumeOnce(continuation)
            let answered = DispatchSemaphore(value: 0)
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            Thread.detachNewThread {
                if answered.wait(timeout: .now() + seconds) == .timedOut { answer.resume(with: .success(nil)) }
            }
            Thread.detachNewThread {
                answer.resume(with: .success(resolve(host)))
                answered.signal()
            }
        }
    }
}
