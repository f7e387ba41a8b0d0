import Core
import NIOCore
import NIOHTTP1
import Store

/// The per-connection HTTP/1.1 handler: collects one request (bounded), routes it, answers on the
/// event loop when it can and through the ``SlowLane`` when it cannot. Pipelined requests are
/// serialized by NIO's `HTTPServerPipelineHandler` in front of it.
final class LookupHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// What the answer needs to know about the request it answers.
    struct RequestInfo {
        var version: HTTPVersion
        var keepAlive: Bool
        var isHead: Bool
    }

    private enum State {
        case idle
        /// Its body (a POST's) collects in `body`, reserved against the server's ``BodyBudget``.
        case receiving(HTTPRequestHead)
        /// The body is read and dropped; `answer` goes out at the end (then the connection closes).
        case rejecting(HTTPRequestHead, Answer)
        case answering
    }

    let server: LookupServerContext
    let reader: LoopReader
    /// The TCP listener's rules (`nil` on the Unix socket).
    private let policy: TCPRequestPolicy?
    private var state = State.idle
    /// The body of the request being received (kept out of `state` so appending never copies it).
    private var body: [UInt8] = []
    /// Bytes of the server's body budget this connection holds until its request is answered.
    private var reserved = 0
    /// A complete request held while the connection's outbound buffer drains (backpressure).
    private var held: (head: HTTPRequestHead, body: [UInt8])?

    init(server: LookupServerContext, reader: LoopReader, policy: TCPRequestPolicy? = nil) {
        self.server = server
        self.reader = reader
        self.policy = policy
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let limits = server.configuration
        switch unwrapInboundIn(data) {
        case .head(let head):
            state = .receiving(head)
            body = []
            if let refusal = policy?.refusal(head) {
                state = .rejecting(head, refusal.closing)
            } else if head.uri.utf8.count > limits.maxURIBytes {
                state = .rejecting(head, .uriTooLong(limit: limits.maxURIBytes))
            } else if let length = head.headers.first(name: "content-length").flatMap(Int.init),
                length > limits.maxBodyBytes
            {
                refuse(.bodyTooLarge(limit: limits.maxBodyBytes), head: head, context: context)
            } else if head.headers["expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                // The client waits for this before sending its body (curl, a second, on larger POSTs).
                context.writeAndFlush(
                    wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(let chunk):
            guard case .receiving(let head) = state, head.method == .POST else { return }
            // Both at once, and the connection closes: the rest of the body is never read (a chunked
            // body has no length to refuse up front).
            if body.count + chunk.readableBytes > limits.maxBodyBytes {
                return refuse(.bodyTooLarge(limit: limits.maxBodyBytes), head: head, context: context)
            }
            guard server.bodies.reserve(chunk.readableBytes) else {
                server.metrics.rejectedRequest()
                return refuse(.bodyBudgetSpent, head: head, context: context)
            }
            reserved += chunk.readableBytes
            body.append(contentsOf: chunk.readableBytesView)
        case .end:
            switch state {
            case .receiving(let head):
                state = .answering
                let complete = body
                body = []
                if context.channel.isWritable {
                    dispatch(head, body: complete, context: context)
                } else {
                    held = (head, complete)  // answered once the client has read what it was sent
                }
            case .rejecting(let head, let answer):
                state = .answering
                respond(answer, to: info(head), context: context)
            case .idle, .answering:
                break
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        body = []
        held = nil
        releaseBody()
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let (head, body) = held {
            held = nil
            dispatch(head, body: body, context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    /// Answers `answer` at once, before the request is complete.
    private func refuse(_ answer: Answer, head: HTTPRequestHead, context: ChannelHandlerContext) {
        state = .answering
        body = []
        respond(answer, to: info(head), context: context)
    }

    /// Gives the connection's reserved body bytes back to the server's budget.
    private func releaseBody() {
        server.bodies.release(reserved)
        reserved = 0
    }

    /// Writes `answer` (head, body unless HEAD, end) and closes when the answer or the request asks.
    func respond(_ answer: Answer, to request: RequestInfo, context: ChannelHandlerContext) {
        guard case .answering = state else { return }
        state = .idle
        releaseBody()
        let close = answer.closeConnection || !request.keepAlive || server.isShuttingDown
        var headers = HTTPHeaders()
        headers.reserveCapacity(4 + answer.extraHeaders.count)
        headers.add(name: "Content-Type", value: answer.contentType)
        headers.add(name: "Content-Length", value: String(answer.body.readableBytes))
        for (name, value) in answer.extraHeaders { headers.add(name: name, value: value) }
        if close { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: request.version, status: answer.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !request.isHead, answer.body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(answer.body))), promise: nil)
        }
        if close {
            let loop = context.eventLoop
            let bound = NIOLoopBound(context, eventLoop: loop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
        } else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else { return context.close(promise: nil) }
        if case .answering = state { return context.close(promise: nil) }
        state = .answering
        respond(
            .unparsable(error), to: RequestInfo(version: .http1_1, keepAlive: false, isHead: false), context: context)
    }
}
