/// Counts the items of a shelf body's `products` array without building them (pure): one pass
/// over the bytes that tracks strings and nesting and allocates only an 8-byte key buffer, so a body of millions of
/// tiny items is refused before ``ShelfChangeParser`` materialises any of them as `JSONValue`s.
///
/// It counts the elements of every array that is the value of a top-level `"products"` member (one,
/// in a valid body); whether the body is valid JSON is left to the parser. Commas at the array's own
/// depth separate elements; brackets and commas inside strings or nested values do not count.
enum ShelfProductCount {
    /// The number of items in the top-level `products` array (the largest, if repeated; 0 when none).
    static func count(_ body: [UInt8]) -> Int {
        var scan = Scan()
        for byte in body { scan.feed(byte) }
        return max(scan.largest, scan.current)
    }

    /// The scanner's state between bytes.
    private struct Scan {
        var depth = 0
        var inString = false
        var escaped = false
        /// The bytes of the string being read, when it may be a top-level key ("products" at most).
        var key: [UInt8] = []
        var keyCandidate = false
        /// The last top-level key read was `products`, and its value has not started yet.
        var awaitingProducts = false
        /// Inside the `products` array (at depth 2): elements seen so far.
        var inProducts = false
        var sawElement = false
        var current = 0
        var largest = 0

        static let products = Array("products".utf8)

        mutating func feed(_ byte: UInt8) {
            if inString { return string(byte) }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                keyCandidate = depth == 1 && !awaitingProducts
                if depth == 1 { awaitingProducts = false }
                key.removeAll(keepingCapacity: true)
                element()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if awaitingProducts, depth == 1, byte == UInt8(ascii: "[") {
                    inProducts = true
                    sawElement = false
                    current = 0
                } else {
                    element()
                }
                awaitingProducts = false
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if inProducts, depth == 1 {
                    inProducts = false
                    largest = max(largest, current)
                    current = 0
                }
            case UInt8(ascii: ","):
                if inProducts, depth == 2 { sawElement = false }
                if depth == 1 { awaitingProducts = false }
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"):
                break
            default:
                element()
                if depth == 1 { awaitingProducts = false }
            }
        }

        /// A value starts here: the first byte of a new `products` element counts it.
        mutating func element() {
            guard inProducts, depth == 2, !sawElement else { return }
            sawElement = true
            current += 1
        }

        mutating func string(_ byte: UInt8) {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                keyCandidate = false
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if keyCandidate, key == Self.products { awaitingProducts = true }
                return
            }
            if keyCandidate {
                if key.count < Self.products.count { key.append(byte) } else { keyCandidate = false }
            }
        }
    }
}
