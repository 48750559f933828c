import Foundation

// MARK: - SecureRandom

/// Cryptographically secure random bytes from the system generator (getrandom on Linux).
enum SecureRandom {
    /// Returns `count` random bytes.
    static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "byte count must not be negative")
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { word in
                bytes.append(contentsOf: word.prefix(count - bytes.count))
            }
        }
        return bytes
    }
}
