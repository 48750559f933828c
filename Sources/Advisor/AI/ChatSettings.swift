import Foundation

/// Where the AI engine's OpenAI-compatible chat completions API lives (OpenAI, Ollama, vLLM,
/// llama.cpp …). The engine is off when there is no API key.
public struct ChatSettings: Sendable {
    public var baseURL: String
    public var apiKey: String?
    public var model: String
    public var timeout: Duration

    public init(baseURL: String = "https://api.openai.com/v1", apiKey: String?, model: String = "gpt-4o-mini",
                timeout: Duration = .seconds(20)) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.model = model
        self.timeout = timeout
    }

    /// Whether the engine may be called.
    public var isEnabled: Bool { !(apiKey ?? "").isEmpty }
}
