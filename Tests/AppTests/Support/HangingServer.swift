import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

// MARK: - Server

/// A real TCP server on 127.0.0.1 that accepts connections and then never answers: a stand-in
/// for a Stripe, GitHub or customer database that hangs.
///
/// In ``Behaviour/silent`` it reads and discards everything (an HTTP request or a PostgreSQL
/// startup message is never answered). In ``Behaviour/postgresHandshake`` it completes a
/// PostgreSQL handshake (no TLS, no password) and then never answers a query: a database that
/// stops answering mid-session.
struct HangingServer: Sendable {
    enum Behaviour: Sendable {
        case silent
        case postgresHandshake
    }

    let port: Int
    private let connections: NIOLockedValueBox<[any Channel]>

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A PostgreSQL URL of this server (`sslmode=disable`).
    var postgresURL: String { "postgresql://hang:hang@127.0.0.1:\(port)/hang?sslmode=disable" }

    /// How many connections were accepted so far.
    var accepted: Int { connections.withLockedValue { $0.count } }

    /// Waits until at least `count` connections were accepted (or `timeout` passes).
    func waitForConnections(_ count: Int, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while accepted < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Runs `body` with a server listening on a free port; closes every connection afterwards.
    static func with<T>(_ behaviour: Behaviour, _ body: (HangingServer) async throws -> T) async throws -> T {
        let connections = NIOLockedValueBox<[any Channel]>([])
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.withLockedValue { $0.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(HangingHandler(behaviour: behaviour))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = HangingServer(port: listener.localAddress?.port ?? 0, connections: connections)
        func close() async {
            try? await listener.close()
            for channel in connections.withLockedValue({ $0 }) { try? await channel.close() }
        }
        do {
            let value = try await body(server)
            await close()
            return value
        } catch {
            await close()
            throw error
        }
    }
}

// MARK: - Handler

/// Swallows what arrives; in `postgresHandshake` answers the startup message once.
private final class HangingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: HangingServer.Behaviour
    private var received = ByteBuffer()
    private var greeted = false

    init(behaviour: HangingServer.Behaviour) {
        self.behaviour = behaviour
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard behaviour == .postgresHandshake, !greeted else { return }
        var chunk = unwrapInboundIn(data)
        received.writeBuffer(&chunk)
        // A startup message: Int32 length (itself included), then the body.
        guard let length = received.getInteger(at: received.readerIndex, as: Int32.self),
              received.readableBytes >= Int(length) else { return }
        greeted = true
        context.writeAndFlush(wrapOutboundOut(Self.handshake()), promise: nil)
    }

    /// AuthenticationOk, the parameters a client expects, BackendKeyData and ReadyForQuery (idle).
    private static func handshake() -> ByteBuffer {
        var buffer = ByteBuffer()
        func message(_ type: Character, _ body: (inout ByteBuffer) -> Void) {
            var payload = ByteBuffer()
            body(&payload)
            buffer.writeInteger(type.asciiValue!)
            buffer.writeInteger(Int32(payload.readableBytes + 4))
            buffer.writeBuffer(&payload)
        }
        message("R") { $0.writeInteger(Int32(0)) }
        for (name, value) in [("server_version", "16.0"), ("server_encoding", "UTF8"), ("client_encoding", "UTF8"),
                              ("DateStyle", "ISO, MDY"), ("integer_datetimes", "on"), ("standard_conforming_strings", "on")] {
            message("S") {
                $0.writeString(name); $0.writeInteger(UInt8(0))
                $0.writeString(value); $0.writeInteger(UInt8(0))
            }
        }
        message("K") { $0.writeInteger(Int32(4242)); $0.writeInteger(Int32(2424)) }
        message("Z") { $0.writeInteger(UInt8(ascii: "I")) }
        return buffer
    }
}
