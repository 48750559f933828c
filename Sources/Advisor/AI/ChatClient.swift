import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Calls `POST {base}/chat/completions` and returns the first choice's message content.
public struct ChatClient: Sendable {
    public let settings: ChatSettings
    public let httpClient: HTTPClient

    public init(settings: ChatSettings, httpClient: HTTPClient) {
        self.settings = settings
        self.httpClient = httpClient
    }

    /// Why the model gave no usable answer (timeout, HTTP status, body that is not a chat answer).
    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// Sends a system and a user message, asking for a JSON object back.
    public func complete(system: String, user: String) async throws(Unavailable) -> String {
        let payload: [String: Any] = [
            "model": settings.model,
            "temperature": 0,
            "response_format": ["type": "json_object"],
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
        ]
        var request = HTTPClientRequest(url: settings.baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = settings.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        let data: Data
        do {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: payload)))
            let response = try await httpClient.execute(request, timeout: .milliseconds(Self.milliseconds(settings.timeout)))
            let body = try await response.body.collect(upTo: 2 << 20)
            guard response.status == .ok else {
                throw Unavailable(reason: "the model API answered HTTP \(response.status.code)")
            }
            data = Data(buffer: body)
        } catch let error as Unavailable {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw Unavailable(reason: "the model API did not answer within \(Self.milliseconds(settings.timeout)) ms")
        } catch {
            throw Unavailable(reason: "the model API could not be reached")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let choices = object["choices"] as? [[String: Any]],
              let message = choices.first?["message"] as? [String: Any],
              let content = message["content"] as? String else {
            throw Unavailable(reason: "the model API's answer is not a chat completion")
        }
        return content
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
