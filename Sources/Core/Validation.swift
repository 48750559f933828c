import Foundation

/// Small field checks shared by controllers; each throws a 422 naming the field.
public enum Validate {
    /// Trims and checks a required text field's length.
    public static func text(_ value: String, field: String, min: Int = 1, max: Int) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= min else { throw AppError.invalidField(field, "must not be empty") }
        guard trimmed.count <= max else { throw AppError.invalidField(field, "must be at most \(max) characters") }
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
}
