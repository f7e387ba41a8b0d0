import Core
import Foundation

extension SandboxState {
    /// The answer of a fault that replaces the API's (everything but a delay): nothing charged,
    /// nothing counted, recorded with `injected: true`. On `/image/{token}` a cut or non-image body
    /// consumes a redeemable signed URL (the CDN did deliver something).
    mutating func injected(
        _ fault: Fault, _ request: SandboxAPIRequest, clientID: String?, now: Date
    ) -> SandboxAPIResponse {
        var entry = ledgerEntry(request, now: now)
        entry.clientID = clientID
        entry.injected = true
        entry.fault = fault.name
        var grant: SandboxSignedURLs.Grant?
        if request.endpoint == .imageDelivery, fault == .truncatedBody || fault == .nonImageBytes {
            grant = try? signedURLs.redeem(
                request.pathParameter ?? "", peerIP: request.peerIP, now: Self.seconds(now), consume: true)
            entry.barcode = grant?.barcode
        }
        let bare: [(name: String, value: String)] = [
            ("Content-Type", Self.jsonContentType), ("X-Request-ID", request.requestID),
        ]
        var response: SandboxAPIResponse
        switch fault {
        case .serverError(let status, let retryAfter):
            let code = status == 500 ? "internal" : "unavailable"
            let error = SandboxAPIError(
                status, code, "Injected server trouble; retry with backoff.", retryAfter: retryAfter)
            response = Self.errorResponse(error, request: request)
        case .rateLimited(let retryAfter):
            let error = SandboxAPIError.rateLimited(
                "Too many requests; retry after \(retryAfter) s.", retryAfter: retryAfter)
            response = Self.errorResponse(error, request: request)
        case .malformedJSON:
            response = SandboxAPIResponse(
                status: 200, headers: bare,
                body: Array(#"{"barcode": "017000161563", "product_meta": {"brand": "Exa"#.utf8))
        case .nonImageBytes:
            let type =
                grant?.variant.contentType ?? (request.endpoint == .imageDelivery ? "image/jpeg" : Self.jsonContentType)
            response = SandboxAPIResponse(
                status: 200, headers: [("Content-Type", type), ("X-Request-ID", request.requestID)],
                body: Array(
                    "<html><head><title>502 Bad Gateway</title></head><body>upstream error</body></html>\n".utf8))
        case .truncatedBody:
            if let grant {
                response = SandboxAPIResponse(
                    status: 200,
                    headers: [
                        ("Content-Type", grant.variant.contentType), ("X-Request-ID", request.requestID),
                        ("X-Watermarked", "1"),
                    ])
                response.image = .init(
                    barcode: grant.barcode, variant: grant.variant, version: grant.version, clientID: grant.clientID)
            } else {
                let filler = (0..<40).map { #"{"barcode":"\#(String(format: "%012d", $0))","exists":true}"# }
                response = SandboxAPIResponse(
                    status: 200, headers: bare,
                    body: Array(("{\"results\":[" + filler.joined(separator: ",") + "]}").utf8))
            }
            response.delivery = .truncated
        case .closeConnection:
            response = SandboxAPIResponse(status: 0, headers: [])
            response.delivery = .close
        case .delay, .lostAnswer, .header, .bodyField:
            // Not replacing faults: never passed here (see `Fault.replacesAnswer`).
            response = SandboxAPIResponse(status: 0, headers: [])
        }
        entry.status = response.status
        if response.status >= 400 {
            entry.errorCode = (try? JSONValue(parsing: response.body))?["error"]?["code"]?.stringValue
        }
        ledger.append(entry)
        return response
    }
}
