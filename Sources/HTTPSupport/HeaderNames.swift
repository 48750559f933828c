@_exported import struct HTTPTypes.HTTPField

extension HTTPField.Name {
    /// Names one of the caller's organizations to act in instead of the active one.
    public static let organizationID = Self("X-Organization-Id")!
    /// The id of a request, echoed in its response and in its log line.
    public static let requestID = Self("X-Request-Id")!
    /// The cursor of the next page of a paginated list.
    public static let nextCursor = Self("X-Next-Cursor")!
}
