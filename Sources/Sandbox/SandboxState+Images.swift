import Core
import Foundation

extension SandboxState {
    /// `GET /image/{token}`: checks and consumes a signed URL. The bytes are rendered by the HTTP
    /// layer outside the lock (``SandboxAPIResponse/image``). `HEAD` checks without consuming.
    mutating func imageDelivery(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        var entry = ledgerEntry(request, now: now)
        entry.fault = fault?.name
        entry.injected = fault != nil
        let token = request.pathParameter ?? ""
        if let known = signedURLs.grant(for: token) {
            entry.clientID = known.clientID
            entry.barcode = known.barcode
        }
        do {
            let grant = try signedURLs.redeem(
                token, peerIP: request.peerIP, now: Self.seconds(now), consume: !request.isHead)
            entry.status = 200
            ledger.append(entry)
            var response = SandboxAPIResponse(
                status: 200,
                headers: [
                    ("Content-Type", grant.variant.contentType), ("X-Request-ID", request.requestID),
                    ("X-Watermarked", "1"),
                ])
            response.image = .init(
                barcode: grant.barcode, variant: grant.variant, version: grant.version, clientID: grant.clientID)
            return response
        } catch {
            return unauthenticatedError(error, request: request, entry: &entry)
        }
    }
}
