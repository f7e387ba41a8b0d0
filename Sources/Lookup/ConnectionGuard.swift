import NIOCore

/// Sits in front of the HTTP decoder and protects the server from connections that hold resources:
/// a connection over the limit is answered `503` and closed; an idle keep-alive connection is closed
/// after `idleTimeout`; a request whose bytes trickle in (slow-loris) and is not answered within
/// `requestTimeout` of its first byte is answered `408` and closed.
///
/// Outbound backpressure: while the connection's outbound buffer is over its high-water mark (a
/// client that pipelines requests and does not read), the guard stops reading from it and the
/// HTTP handler holds the next request; both resume when it drains. A connection that does not
/// drain within `idleTimeout` is closed, whatever it still has to send: flushes do not extend it.
///
/// One timer per connection, never rescheduled per request: it fires at most `period` (the shorter
/// timeout) after it was set, compares the clock with the current phase's deadline, acts if it has
/// passed and otherwise sets itself again for what remains (at most `period`). Since every new
/// deadline lies at least `period` ahead, the timer always fires by it: exact timeouts without a
/// schedule and a cancel on each request of a busy keep-alive connection.
final class ConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private let accepted: Bool
    private let idleTimeout: TimeAmount
    private let requestTimeout: TimeAmount
    private let period: TimeAmount
    private var timer: Scheduled<Void>?
    private var inRequest = false
    /// The outbound buffer is over its high-water mark: reading is off, the drain deadline runs.
    private var draining = false
    /// When the current phase (idle, or a request being received and answered) runs out.
    private var deadline = NIODeadline.distantFuture

    init(accepted: Bool, idleTimeout: Duration, requestTimeout: Duration) {
        self.accepted = accepted
        self.idleTimeout = TimeAmount(idleTimeout)
        self.requestTimeout = TimeAmount(requestTimeout)
        self.period = min(self.idleTimeout, self.requestTimeout)
    }

    func channelActive(context: ChannelHandlerContext) {
        if accepted {
            deadline = .now() + idleTimeout
            arm(in: period, context: context)
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
            deadline = .now() + requestTimeout
        }
        context.fireChannelRead(data)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        let writable = context.channel.isWritable
        if writable == draining {
            draining = !writable
            deadline = .now() + idleTimeout
            context.channel.setOption(.autoRead, value: writable).whenFailure { _ in }
        }
        context.fireChannelWritabilityChanged()
    }

    func flush(context: ChannelHandlerContext) {
        if inRequest, !draining {
            inRequest = false
            deadline = .now() + idleTimeout
        }
        context.flush()
    }

    private func arm(in delay: TimeAmount, context: ChannelHandlerContext) {
        let loop = context.eventLoop.assumeIsolated()
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = loop.scheduleTask(in: delay) {
            let (handler, context) = bound.value
            handler.timerFired(context: context)
        }
    }

    private func timerFired(context: ChannelHandlerContext) {
        timer = nil
        guard context.channel.isActive else { return }
        let remaining = deadline - .now()
        guard remaining <= .zero else { return arm(in: min(remaining, period), context: context) }
        if draining {
            context.close(promise: nil)  // it never read what it asked for
        } else if inRequest {
            Self.writeRaw(
                status: "408 Request Timeout", code: "request_timeout",
                message: "the request did not arrive whole in time", context: context)
        } else {
            context.close(promise: nil)
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
