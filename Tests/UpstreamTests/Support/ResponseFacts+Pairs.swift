import Foundation
import NIOHTTP1

@testable import Upstream

extension ResponseFacts {
    /// From plain `(name, value)` pairs.
    init(pairs: [(String, String)], localNow: Date = Date()) {
        self.init(headers: HTTPHeaders(pairs), localNow: localNow)
    }
}
