import NIOCore
import NIOHTTP1

extension LookupHTTPHandler {
    func info(_ head: HTTPRequestHead) -> RequestInfo {
        RequestInfo(version: head.version, keepAlive: head.isKeepAlive, isHead: head.method == .HEAD)
    }

    /// Routes a complete request: answers on the event loop, or through a slow lane.
    func dispatch(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let request = info(head)
        let route = Route.resolve(method: head.method, uri: head.uri)
        let decision = server.decide(
            route, head: head, body: body, reader: reader, allocator: context.channel.allocator)
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
}
