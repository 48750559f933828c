import Foundation

/// Progress of a running scan, with the counts a background job reports.
public struct ScanProgress: Sendable, Equatable {
    /// Files selected for scanning (known once the tree has been walked).
    public var filesTotal: Int
    /// Files read so far.
    public var filesScanned: Int
    /// Statements found so far.
    public var queriesFound: Int
    /// Bytes of source read so far.
    public var bytesScanned: Int

    /// Creates a progress value.
    public init(filesTotal: Int = 0, filesScanned: Int = 0, queriesFound: Int = 0, bytesScanned: Int = 0) {
        self.filesTotal = filesTotal
        self.filesScanned = filesScanned
        self.queriesFound = queriesFound
        self.bytesScanned = bytesScanned
    }
}
