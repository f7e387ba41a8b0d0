import Core
import Foundation

extension SandboxState {
    /// Processes a request normally (no replacing fault); `fault` is a delay or a lost answer to note
    /// in the ledger. A lost answer is shaped for the wire here: cut, reset, or (a stall) sent late.
    mutating func process(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        var response = route(request, now: now, fault: fault)
        if let fault, let last = ledger.indices.last, ledger[last].requestID == request.requestID {
            ledger[last].injected = true
            ledger[last].fault = fault.name
            if case .lostAnswer = fault { ledger[last].answerLost = true }
        }
        if case .lostAnswer(let how) = fault {
            switch how {
            case .cutBody: response.delivery = response.body.count > 1 ? .truncated : .close
            case .reset: response.delivery = .close
            case .stall: break
            }
        }
        return response
    }

    private mutating func route(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        switch request.endpoint {
        case .token: return issueToken(request, now: now)
        case .refresh: return refreshToken(request, now: now)
        case .revoke: return revoke(request, now: now, fault: fault)
        case .productGet: return productGet(request, now: now, fault: fault)
        case .productHead: return productHead(request, now: now, fault: fault)
        case .listing: return listing(request, now: now, fault: fault)
        case .bulkCheck: return bulkCheck(request, now: now, fault: fault)
        case .imageRedirect: return imageRedirect(request, now: now, fault: fault)
        case .imageDelivery: return imageDelivery(request, now: now, fault: fault)
        case .balance: return balance(request, now: now, fault: fault)
        case .account: return account(request, now: now, fault: fault)
        case .usage: return usage(request, now: now, fault: fault)
        case .pricing: return pricingAnswer(request, now: now, fault: fault)
        case .health: return health(request, now: now)
        }
    }

    /// The client a request names before it is processed (for fault rules and the request hook):
    /// by access token (signature checked, expiry not), `client_id`, refresh token or signed URL.
    func identifyClient(_ request: SandboxAPIRequest) -> String? {
        switch request.endpoint {
        case .health:
            return nil
        case .token:
            return (try? JSONValue(parsing: request.body))?["client_id"]?.stringValue
        case .refresh:
            return (try? JSONValue(parsing: request.body))?["refresh_token"]?.stringValue.flatMap {
                tokens.clientID(ofRefresh: $0)
            }
        case .imageDelivery:
            return signedURLs.grant(for: request.pathParameter ?? "")?.clientID
        default:
            return request.bearer.flatMap { jwt.verify($0)?.subject }
        }
    }
}
