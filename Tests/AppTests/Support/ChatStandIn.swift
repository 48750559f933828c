import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A local stand-in of an OpenAI-compatible chat completions API: answers with a scripted
/// behaviour and records the request bodies it received.
final class ChatStandIn: @unchecked Sendable {
    /// What the stand-in does for the next calls.
    enum Behaviour: Sendable {
        case answer(String)
        case status(Int)
        case delay(Duration)
    }

    private let lock = NSLock()
    private var behaviour: Behaviour = .answer("{}")
    private var bodies: [Data] = []
    let baseURL: String

    init(baseURL: String) { self.baseURL = baseURL }

    func set(_ behaviour: Behaviour) { lock.withLock { self.behaviour = behaviour } }
    var received: [Data] { lock.withLock { bodies } }
    fileprivate var current: Behaviour { lock.withLock { behaviour } }
    fileprivate func record(_ body: Data) { lock.withLock { bodies.append(body) } }

    /// A chat completion whose message content is `content`.
    static func completion(_ content: String) -> String {
        let object: [String: Any] = ["choices": [["index": 0, "message": ["role": "assistant", "content": content]]]]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}

/// Runs `body` with a chat stand-in on 127.0.0.1 (a free port), shut down afterwards.
func withChatStandIn(_ body: (ChatStandIn) async throws -> Void) async throws {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let holder = StandInHolder()
    let router = Router()
    router.post("/v1/chat/completions") { request, _ -> Response in
        let buffer = try await request.body.collect(upTo: 4 << 20)
        guard let standIn = holder.standIn else { return Response(status: .serviceUnavailable) }
        standIn.record(Data(buffer: buffer))
        switch standIn.current {
        case .answer(let content):
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: ChatStandIn.completion(content))))
        case .status(let code):
            return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"x\"}")))
        case .delay(let duration):
            try? await Task.sleep(for: duration)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: ChatStandIn.completion("{}"))))
        }
    }
    var logger = Logger(label: "chat-stand-in")
    logger.logLevel = .warning
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in
                              continuation.yield(channel.localAddress?.port ?? 0)
                              continuation.finish()
                          }, logger: logger)
    let server = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await server.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        let standIn = ChatStandIn(baseURL: "http://127.0.0.1:\(port)/v1")
        holder.standIn = standIn
        do {
            try await body(standIn)
        } catch {
            await server.triggerGracefulShutdown()
            throw error
        }
        await server.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}

private final class StandInHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ChatStandIn?
    var standIn: ChatStandIn? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
