import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body: malformed JSON → 400 `malformed_json`, a missing or mistyped field →
    /// 422 `invalid_field` naming it, a body over the context's limit → 413.
    public func decodeJSON<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw AppError.payloadTooLarge
        }
        guard buffer.readableBytes > 0 else {
            throw AppError.badRequest("A JSON body is required.", code: "malformed_json")
        }
        // PostgreSQL text cannot hold NUL; refuse it here instead of failing deep in a query.
        if buffer.readableBytesView.firstRange(of: Array(#"\u0000"#.utf8)) != nil {
            throw AppError(.unprocessableContent, code: "invalid_field", message: "body: text must not contain NUL characters")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let DecodingError.keyNotFound(key, context) {
            throw AppError.invalidField(Self.path(context.codingPath + [key]), "is required")
        } catch let DecodingError.typeMismatch(type, context) {
            throw AppError.invalidField(Self.path(context.codingPath), "must be \(Self.describe(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw AppError.invalidField(Self.path(context.codingPath), "must be \(Self.describe(type)), not null")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw AppError.invalidField(Self.path(context.codingPath), "has an invalid value")
        } catch {
            throw AppError.badRequest("The body is not valid JSON.", code: "malformed_json")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "body" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "of the documented type"
        }
    }
}
