import Core
import Foundation

extension RetaglyFaults {
    /// The control plane's form (`delay` in milliseconds, `downUntil` as RFC 3339).
    public var json: JSONValue {
        [
            "down": .bool(down),
            "downUntil": downUntil.map { .string(Timestamp.format($0)) } ?? .null,
            "serverErrorRate": .double(serverErrorRate),
            "rateLimitStormRate": .double(rateLimitStormRate),
            "stormLength": .int(stormLength),
            "stormRetryAfter": .int(stormRetryAfter),
            "delayRate": .double(delayRate),
            "delayMilliseconds": .int(Int(delay.wholeMilliseconds)),
            "connectionCloseRate": .double(connectionCloseRate),
            "sessionFailureRate": .double(sessionFailureRate),
            "unconfirmedDisplayRate": .double(unconfirmedDisplayRate),
            "endpoints": endpoints.map { .array($0.map(\.rawValue).sorted().map { .string($0) }) } ?? .null,
        ]
    }

    /// Faults from the control plane's form; absent keys take the defaults (no fault).
    public init(json: JSONValue) throws(RetaglyFaultsError) {
        self.init()
        guard let members = json.objectValue else { throw RetaglyFaultsError(message: "send a JSON object") }
        for (key, value) in members {
            switch key {
            case "down": down = try Self.flag(value, key)
            case "downUntil":
                if value.isNull { break }
                guard let date = value.stringValue.flatMap({ Timestamp.parse($0) }) else {
                    throw RetaglyFaultsError(message: "downUntil must be an RFC 3339 time or null")
                }
                downUntil = date
            case "serverErrorRate": serverErrorRate = try Self.rate(value, key)
            case "rateLimitStormRate": rateLimitStormRate = try Self.rate(value, key)
            case "stormLength": stormLength = try Self.count(value, key)
            case "stormRetryAfter": stormRetryAfter = try Self.count(value, key)
            case "delayRate": delayRate = try Self.rate(value, key)
            case "delayMilliseconds": delay = .milliseconds(try Self.count(value, key))
            case "connectionCloseRate": connectionCloseRate = try Self.rate(value, key)
            case "sessionFailureRate": sessionFailureRate = try Self.rate(value, key)
            case "unconfirmedDisplayRate": unconfirmedDisplayRate = try Self.rate(value, key)
            case "endpoints":
                if value.isNull { break }
                let names = value.arrayValue?.compactMap(\.stringValue) ?? []
                let parsed = names.compactMap(RetaglyEndpoint.init(rawValue:))
                guard value.arrayValue?.count == parsed.count else {
                    let known = RetaglyEndpoint.allCases.map(\.rawValue).joined(separator: ", ")
                    throw RetaglyFaultsError(message: "endpoints must be null or an array of: \(known)")
                }
                endpoints = Set(parsed)
            default: throw RetaglyFaultsError(message: "unknown fault '\(key)'")
            }
        }
    }

    private static func flag(_ value: JSONValue, _ key: String) throws(RetaglyFaultsError) -> Bool {
        guard let flag = value.boolValue else { throw RetaglyFaultsError(message: "\(key) must be true or false") }
        return flag
    }

    private static func rate(_ value: JSONValue, _ key: String) throws(RetaglyFaultsError) -> Double {
        guard let rate = value.doubleValue, (0...1).contains(rate) else {
            throw RetaglyFaultsError(message: "\(key) must be a number from 0 to 1")
        }
        return rate
    }

    private static func count(_ value: JSONValue, _ key: String) throws(RetaglyFaultsError) -> Int {
        guard let count = value.intValue, count >= 0 else {
            throw RetaglyFaultsError(message: "\(key) must be a whole number of 0 or more")
        }
        return count
    }
}
