import Core

/// The secret shapes redacted from any log text, registered or not (signed image URLs, JWTs,
/// prefixed tokens, `Bearer` values, a URL's `user:password@`). A byte scanner (no regular
/// expressions): log lines are short and this runs on every one.
enum SecretPatterns {
    private static let redacted = Array(Secret.redactedText.utf8)
    private static let imagePath = Array("/image/".utf8)
    private static let jwtStart = Array("eyJ".utf8)
    private static let bearer = Array("Bearer ".utf8)
    private static let prefixedTokens = [Array("rt_".utf8), Array("sk_".utf8)]
    private static let schemeEnd = Array("://".utf8)

    static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard mayContainSecret(bytes) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if matches(bytes, at: index, imagePath) {
                let end = scanToken(bytes, from: index + imagePath.count, extra: Array(".~%+".utf8))
                if end > index + imagePath.count {
                    out += imagePath + redacted
                    index = end
                    continue
                }
            }
            if matches(bytes, at: index, schemeEnd), let at = userinfoEnd(bytes, from: index + schemeEnd.count) {
                // `http://user:password@proxy`: the whole userinfo goes (a proxy's credentials).
                out += schemeEnd + redacted
                index = at
                continue
            }
            if matches(bytes, at: index, bearer) {
                let end = scanToken(bytes, from: index + bearer.count, extra: Array(".~+/=".utf8))
                if end > index + bearer.count {
                    out += bearer + redacted
                    index = end
                    continue
                }
            }
            if isBoundary(bytes, index), let end = secretEnd(bytes, at: index) {
                out += redacted
                index = end
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of a JWT or a prefixed token starting at `index`, if one does.
    private static func secretEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        if matches(bytes, at: index, jwtStart) {
            var end = scanToken(bytes, from: index, extra: [])
            var segments = 1
            while end < bytes.count, bytes[end] == UInt8(ascii: "."), segments < 3 {
                end = scanToken(bytes, from: end + 1, extra: [])
                segments += 1
            }
            if segments == 3 { return end }
        }
        for prefix in prefixedTokens where matches(bytes, at: index, prefix) {
            let end = scanToken(bytes, from: index + prefix.count, extra: [])
            if end - index - prefix.count >= 6 { return end }
        }
        return nil
    }

    /// The index of the `@` ending a URL's `user:password` that starts at `start`, if one does.
    private static func userinfoEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var end = start
        var colon = false
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "@"): return colon && end > start ? end : nil
            case UInt8(ascii: ":"): colon = true
            case UInt8(ascii: "/"), UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\n"),
                UInt8(ascii: "\t"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return nil
            default: break
            }
            end += 1
        }
        return nil
    }

    private static func mayContainSecret(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: ":") where matches(bytes, at: index, schemeEnd):
                return true
            case UInt8(ascii: "/"), UInt8(ascii: "e"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "B"):
                if matches(bytes, at: index, imagePath) || matches(bytes, at: index, jwtStart)
                    || matches(bytes, at: index, bearer)
                    || prefixedTokens.contains(where: { matches(bytes, at: index, $0) })
                {
                    return true
                }
            default: continue
            }
        }
        return false
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// Whether a token may start at `index`: the byte before it is not a letter, digit or `_`.
    private static func isBoundary(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == 0 || !isTokenByte(bytes[index - 1])
    }

    /// The index after the run of token bytes (`A-Z a-z 0-9 _ -` and `extra`) from `start`.
    private static func scanToken(_ bytes: [UInt8], from start: Int, extra: [UInt8]) -> Int {
        var end = start
        while end < bytes.count, isTokenByte(bytes[end]) || extra.contains(bytes[end]) { end += 1 }
        return end
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
