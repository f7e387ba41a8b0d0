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
        case receiving(HTTPRequestHead, [UInt8])
        /// The body is read and dropped; `answer` goes out at the end (then the connection closes).
        case rejecting(HTTPRequestHead, Answer)
        case answering
    }

    private let server: LookupServerContext
    private let reader: LoopReader
    /// The TCP listener's rules (`nil` on the Unix socket).
    private let policy: TCPRequestPolicy?
    private var state = State.idle
    /// A complete request held while the connection's outbound buffer drains (backpressure).
    private var held: (head: HTTPRequestHead, body: [UInt8])?

    init(server: LookupServerContext, reader: LoopReader, policy: TCPRequestPolicy? = nil) {
        self.server = server
        self.reader = reader
        self.policy = policy
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            state = .receiving(head, [])
            if let refusal = policy?.refusal(head) {
                state = .rejecting(head, Self.closing(refusal))
            } else if head.uri.utf8.count > server.configuration.maxURIBytes {
                state = .rejecting(
                    head,
                    Self.closing(
                        .error(
                            .uriTooLong, code: "uri_too_long",
                            message: "the request target is longer than \(server.configuration.maxURIBytes) bytes")))
            } else if let length = head.headers.first(name: "content-length").flatMap(Int.init),
                length > server.configuration.maxBodyBytes
            {
                state = .answering
                respond(Self.closing(tooLarge()), to: info(head), context: context)
            } else if head.headers["expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                // The client waits for this before sending its body (curl, a second, on larger POSTs).
                context.writeAndFlush(
                    wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(let chunk):
            guard case .receiving(let head, var body) = state else { return }
            if body.count + chunk.readableBytes > server.configuration.maxBodyBytes {
                // At once (a chunked body has no length to refuse up front), and the connection closes:
                // the rest of the body is never read.
                state = .answering
                respond(Self.closing(tooLarge()), to: info(head), context: context)
                return
            }
            if head.method == .POST { body.append(contentsOf: chunk.readableBytesView) }
            state = .receiving(head, body)
        case .end:
            switch state {
            case .receiving(let head, let body):
                state = .answering
                if context.channel.isWritable {
                    dispatch(head, body: body, context: context)
                } else {
                    held = (head, body)  // answered once the client has read what it was sent
                }
            case .rejecting(let head, let answer):
                state = .answering
                respond(answer, to: info(head), context: context)
            case .idle, .answering:
                break
            }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, let (head, body) = held {
            held = nil
            dispatch(head, body: body, context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    private func tooLarge() -> Answer {
        .error(
            .payloadTooLarge, code: "body_too_large",
            message:
                "the request body is larger than \(server.configuration.maxBodyBytes) bytes; send fewer changes per request"
        )
    }

    private static func closing(_ answer: Answer) -> Answer {
        var answer = answer
        answer.closeConnection = true
        return answer
    }

    private func info(_ head: HTTPRequestHead) -> RequestInfo {
        RequestInfo(version: head.version, keepAlive: head.isKeepAlive, isHead: head.method == .HEAD)
    }

    private func dispatch(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let request = info(head)
        let route = Route.resolve(method: head.method, uri: head.uri)
        let decision = server.decide(route, head: head, body: body, reader: reader, allocator: context.channel.allocator)
        switch decision {
        case .answer(let answer):
            respond(answer, to: request, context: context)
        case .slow(let work):
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let lane = route.isControl ? server.controlLane : server.lane
            let accepted = lane.submit {
                let answer = await work()
                bound.eventLoop.execute {
                    let (handler, context) = bound.value
                    handler.respond(answer, to: request, context: context)
                }
            }
            if !accepted, server.isShuttingDown {
                respond(
                    .error(
                        .serviceUnavailable, code: "shutting_down", message: "storesync is stopping; retry in a moment"),
                    to: request, context: context)
            } else if !accepted {
                server.metrics.rejectedRequest()
                respond(
                    .error(
                        .serviceUnavailable, code: "busy",
                        message: "too many lookups are waiting on upstream; retry in a moment"), to: request,
                    context: context)
            }
        }
    }

    /// Writes `answer` (head, body unless HEAD, end) and closes when the answer or the request asks.
    func respond(_ answer: Answer, to request: RequestInfo, context: ChannelHandlerContext) {
        guard case .answering = state else { return }
        state = .idle
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
        if error is HTTPParserError {
            let request = RequestInfo(version: .http1_1, keepAlive: false, isHead: false)
            if case .answering = state {
                context.close(promise: nil)
                return
            }
            state = .answering
            let tooBig = (error as? HTTPParserError) == .headerOverflow
            let answer =
                tooBig
                ? Self.closing(
                    .error(
                        .requestHeaderFieldsTooLarge, code: "headers_too_large",
                        message: "the request line or headers are too large"))
                : Self.closing(
                    .error(
                        .badRequest, code: "bad_request",
                        message: "the request is not valid HTTP/1.1: \(error)"))
            respond(answer, to: request, context: context)
            return
        }
        context.close(promise: nil)
    }
}
