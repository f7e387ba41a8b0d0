import NIOCore

/// Sits in front of the HTTP decoder and protects the server from connections that hold resources:
/// a connection over the limit is answered `503` and closed; an idle keep-alive connection is closed
/// after `idleTimeout`; a request whose bytes trickle in (slow-loris) and is not answered within
/// `requestTimeout` of its first byte is answered `408` and closed.
final class ConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let accepted: Bool
    private let idleTimeout: TimeAmount
    private let requestTimeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var inRequest = false

    init(accepted: Bool, idleTimeout: Duration, requestTimeout: Duration) {
        self.accepted = accepted
        self.idleTimeout = TimeAmount(idleTimeout)
        self.requestTimeout = TimeAmount(requestTimeout)
    }

    func channelActive(context: ChannelHandlerContext) {
        if accepted {
            arm(idleTimeout, request: false, context: context)
        } else {
            Self.writeRaw(
                status: "503 Service Unavailable", code: "too_many_connections",
                message: "the socket has too many open connections; retry shortly", context: context)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard accepted else { return }
        if !inRequest {
            inRequest = true
            arm(requestTimeout, request: true, context: context)
        }
        context.fireChannelRead(data)
    }

    func flush(context: ChannelHandlerContext) {
        if inRequest {
            inRequest = false
            arm(idleTimeout, request: false, context: context)
        }
        context.flush()
    }

    private func arm(_ delay: TimeAmount, request: Bool, context: ChannelHandlerContext) {
        timer?.cancel()
        let loop = context.eventLoop.assumeIsolated()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = loop.scheduleTask(in: delay) {
            let context = bound.value
            if request {
                Self.writeRaw(
                    status: "408 Request Timeout", code: "request_timeout",
                    message: "the request did not arrive whole in time", context: context)
            } else {
                context.close(promise: nil)
            }
        }
    }

    /// Writes a complete JSON error answer below the HTTP encoder, then closes.
    static func writeRaw(status: String, code: String, message: String, context: ChannelHandlerContext) {
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#
        let text =
            "HTTP/1.1 \(status)\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(NIOAny(IOData.byteBuffer(ByteBuffer(string: text)))).whenComplete { _ in
            bound.value.close(promise: nil)
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
