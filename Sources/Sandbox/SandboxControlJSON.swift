import Core
import Foundation

extension FaultRule {
    /// Reads a rule from control-plane JSON (faults by ``Fault/name``): `{"fault": "server_error", "status": 503,
    /// "retry_after": 5, "delay_ms": 1500, "target": "product_get", "client_id": "…",
    /// "probability": 0.5, "count": 3}`; a rewrite: `{"fault": "header", "name": "Retry-After",
    /// "value": "1e300"}` or `{"fault": "body_field", "path": "actions.products.get", "literal": "1e19"}`.
    init(json: JSONValue) throws {
        let name = json["fault"]?.stringValue ?? ""
        let fault: Fault
        switch name {
        case "server_error":
            fault = .serverError(status: json["status"]?.intValue ?? 503, retryAfter: json["retry_after"]?.intValue)
        case "rate_limited": fault = .rateLimited(retryAfter: json["retry_after"]?.intValue ?? 30)
        case "delay": fault = .delay(.milliseconds(json["delay_ms"]?.intValue ?? 1000))
        case "truncated_body": fault = .truncatedBody
        case "malformed_json": fault = .malformedJSON
        case "non_image_bytes": fault = .nonImageBytes
        case "close_connection": fault = .closeConnection
        case "lost_cut_body": fault = .lostAnswer(.cutBody)
        case "lost_reset": fault = .lostAnswer(.reset)
        case "lost_stall": fault = .lostAnswer(.stall(.milliseconds(json["delay_ms"]?.intValue ?? 120_000)))
        case "header":
            guard let header = json["name"]?.stringValue, let value = json["value"]?.stringValue else {
                throw Sandbox.controlError("a header fault needs `name` and `value`")
            }
            fault = .header(name: header, value: value)
        case "body_field":
            guard let path = json["path"]?.stringValue, let literal = json["literal"]?.stringValue else {
                throw Sandbox.controlError("a body_field fault needs `path` (dotted keys) and `literal` (JSON text)")
            }
            fault = .bodyField(path: path.split(separator: ".").map(String.init), literal: literal)
        default: throw Sandbox.controlError("unknown fault '\(name)'")
        }
        let targetName = (json["target"]?.stringValue ?? "any").split(separator: "_").enumerated()
            .map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
            .joined()
        guard let target = FaultTarget(rawValue: targetName) else {
            throw Sandbox.controlError("unknown target '\(targetName)'")
        }
        self.init(
            fault, target: target, clientID: json["client_id"]?.stringValue,
            probability: json["probability"]?.doubleValue ?? 1, count: json["count"]?.intValue)
    }

    /// The rule as the control plane shows it.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("fault", .string(fault.name))]
        switch fault {
        case .serverError(let status, let retryAfter):
            members.append(("status", .int(status)))
            if let retryAfter { members.append(("retry_after", .int(retryAfter))) }
        case .rateLimited(let retryAfter): members.append(("retry_after", .int(retryAfter)))
        case .delay(let duration), .lostAnswer(.stall(let duration)):
            members.append(("delay_ms", .int(Int(duration.wholeMilliseconds))))
        case .header(let name, let value): members += [("name", .string(name)), ("value", .string(value))]
        case .bodyField(let path, let literal):
            members += [("path", .string(path.joined(separator: "."))), ("literal", .string(literal))]
        default: break
        }
        members += [
            ("target", .string(target.rawValue)), ("client_id", clientID.map(JSONValue.string) ?? .null),
            ("probability", .double(probability)), ("count", count.map(JSONValue.int) ?? .null),
        ]
        return .object(members)
    }
}
