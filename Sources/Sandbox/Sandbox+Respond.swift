import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

extension Sandbox {
    /// Answers one Retail Digitals request: reads it, runs the hook, lets the fault rules decide,
    /// processes it under the lock, renders image bytes, sleeps for a delay fault, and shapes the
    /// wire answer (a cut body or a dropped connection included).
    func respond(
        _ endpoint: SandboxEndpoint, _ request: Request, _ context: SandboxRequestContext
    ) async throws -> Response {
        let api = await makeAPIRequest(endpoint, request, context)
        let (clientID, count) = state.withLock { ($0.identifyClient(api), $0.countRequest(to: endpoint)) }
        if let hook = hook.withLock({ $0 }) {
            hook(
                SandboxRequestInfo(
                    endpoint: endpoint, method: api.method, path: api.path, clientID: clientID, count: count,
                    peerIP: api.peerIP))
        }
        let fault = faults.pick(endpoint: endpoint, clientID: clientID)
        let now = clock.now()
        var answer: SandboxAPIResponse
        if let fault, fault.replacesAnswer {
            answer = state.withLock { $0.injected(fault, api, clientID: clientID, now: now) }
        } else {
            answer = state.withLock { $0.process(api, now: now, fault: fault) }
        }
        logger.debug(
            "sandbox request",
            metadata: [
                "endpoint": "\(endpoint.rawValue)", "status": "\(answer.status)", "request_id": "\(api.requestID)",
            ])
        if let image = answer.image {
            let key = SandboxImageCache.Key(
                barcode: image.barcode, variant: image.variant, version: image.version, clientID: image.clientID)
            answer.body = images.rendered(key).bytes
        }
        let rewrites = faults.rewrites(endpoint: endpoint, clientID: clientID)
        if !rewrites.isEmpty {
            answer = rewrites.reduce(answer) { $0.rewritten(by: $1) }
            state.withLock { $0.noteRewrites(rewrites, requestID: api.requestID) }
        }
        if let duration = fault?.heldFor {
            // A delay (or a stall) ends early when the sandbox shuts down, so a test never waits on it.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        }
        return try makeResponse(answer, isHead: api.isHead)
    }

    /// The Hummingbird response of an answer.
    func makeResponse(_ answer: SandboxAPIResponse, isHead: Bool) throws -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = SandboxHTTPField.Name(name) { headers.append(SandboxHTTPField(name: field, value: value)) }
        }
        if answer.header("Date") == nil { headers[.date] = HTTPDate.format(clock.now()) }
        let status = HTTPResponse.Status(code: answer.status)
        switch answer.delivery {
        case .close:
            throw SandboxDropConnection()
        case .truncated:
            let full = answer.body
            let sent = full.count / 2
            headers[.contentLength] = String(full.count)
            return Response(
                status: status, headers: headers,
                body: ResponseBody(contentLength: full.count) { writer in
                    try await writer.write(ByteBuffer(bytes: full.prefix(sent)))
                    throw SandboxDropConnection()
                })
        case .normal:
            if isHead {
                headers[.contentLength] = String(answer.image != nil ? answer.body.count : 0)
                return Response(status: status, headers: headers, body: ResponseBody())
            }
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    /// Reads what the logic needs off the Hummingbird request (the body up to 1 MiB).
    func makeAPIRequest(
        _ endpoint: SandboxEndpoint, _ request: Request, _ context: SandboxRequestContext
    ) async -> SandboxAPIRequest {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
            query[String(key)] = String(value)
        }
        var path = request.uri.path
        if endpoint == .imageDelivery {
            path = "/api/v1/image/[redacted]"
        } else if let rawQuery = request.uri.query, !rawQuery.isEmpty {
            path += "?" + rawQuery
        }
        let authority = request.head.authority
        var api = SandboxAPIRequest(
            endpoint: endpoint, requestID: SandboxState.newRequestID(), method: request.method.rawValue, path: path,
            query: query, peerIP: context.peerIP,
            baseURL: authority.map { "http://\($0)/api/v1" } ?? retailDigitalsBaseURL)
        api.pathParameter = context.parameters.get(endpoint == .imageDelivery ? "token" : "barcode")
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                api.bearer = String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        if endpoint.acceptsIdempotencyKey { api.idempotencyKey = request.headers[.idempotencyKey] }
        if request.method == .post {
            do {
                let buffer = try await request.body.collect(upTo: 1 << 20)
                api.body = Array(buffer.readableBytesView)
            } catch {
                api.bodyTooLarge = true
            }
        }
        return api
    }
}
