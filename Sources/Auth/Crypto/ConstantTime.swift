import Foundation

// MARK: - ConstantTime

/// Comparisons whose running time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// Compares two byte sequences; only their lengths can leak through timing.
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) {
            difference |= a ^ b
        }
        return difference == 0
    }

    /// Compares the UTF-8 bytes of two strings; only their lengths can leak through timing.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
