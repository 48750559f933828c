import Foundation

/// Small field checks shared by controllers; each throws a 422 naming the field.
public enum Validate {
    /// Trims and checks a required text field's length.
    public static func text(_ value: String, field: String, min: Int = 1, max: Int) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted as PostgreSQL's length() counts (code points), so a check constraint never fails later.
        let length = trimmed.unicodeScalars.count
        guard length >= min else { throw AppError.invalidField(field, "must not be empty") }
        guard length <= max else { throw AppError.invalidField(field, "must be at most \(max) characters") }
        guard !trimmed.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw AppError.invalidField(field, "must not contain NUL characters")
        }
        return trimmed
    }

    /// Normalises and checks an email address (lower-cased, one `@`, a dot in the domain).
    public static func email(_ value: String, field: String = "email") throws -> String {
        let email = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw AppError.invalidField(field, "must be a valid email address")
        }
        return email
    }

    /// Parses a UUID path or query parameter; a malformed one is "not found", like any unknown id.
    public static func id(_ value: String?, what: String = "Resource") throws -> UUID {
        guard let value, let id = UUID(uuidString: value) else { throw AppError.notFound(what) }
        return id
    }

    // MARK: - Query parameters

    /// An optional id query parameter (`?project_id=`): absent or empty → nil, malformed → 422.
    public static func optionalID(_ value: String?, field: String) throws -> UUID? {
        guard let value, !value.isEmpty else { return nil }
        guard let id = UUID(uuidString: value) else { throw AppError.invalidField(field, "must be an id") }
        return id
    }

    /// A page size query parameter (`?limit=`): absent → `default`, outside 1…`maximum` → 422.
    public static func limit(_ value: String?, default fallback: Int = 50, maximum: Int = 200) throws -> Int {
        guard let value else { return fallback }
        guard let limit = Int(value), (1...maximum).contains(limit) else {
            throw AppError.invalidField("limit", "must be a whole number from 1 to \(maximum)")
        }
        return limit
    }
}
