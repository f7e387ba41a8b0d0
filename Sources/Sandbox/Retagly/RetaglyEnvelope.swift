import Core

/// Checks of a request body's outer shape (`{"sessionId"?, "products": [...]}`), before any product.
enum RetaglyEnvelope {
    /// The body as an object whose keys are all in `allowed`.
    static func object(_ body: JSONValue?, allowed: Set<String>) -> Result<JSONValue, RetaglyAPIError> {
        guard let body, let members = body.objectValue else {
            return .failure(.badRequest("the body must be a JSON object"))
        }
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            let names = allowed.sorted().joined(separator: ", ")
            return .failure(.badRequest("unknown field '\(unknown.key)' in the body; it takes \(names)"))
        }
        return .success(body)
    }

    /// The `products` array: 1 to 1,000 entries (413 above).
    static func products(_ body: JSONValue) -> Result<[JSONValue], RetaglyAPIError> {
        guard let items = body["products"]?.arrayValue else {
            return .failure(.badRequest("products is required: an array of 1 to 1000 products"))
        }
        guard !items.isEmpty else {
            return .failure(.badRequest("products is empty; send 1 to 1000 products"))
        }
        guard items.count <= RetaglyState.maximumProductsPerRequest else {
            return .failure(
                .tooManyProducts(
                    "\(items.count) products in one request; send at most \(RetaglyState.maximumProductsPerRequest) "
                        + "a request (a batch session takes any number, 1000 a push)"))
        }
        return .success(items)
    }

    /// The `sessionId` string.
    static func sessionId(_ body: JSONValue) -> Result<String, RetaglyAPIError> {
        guard let id = body["sessionId"]?.stringValue, !id.isEmpty else {
            return .failure(.badRequest("sessionId is required: the id POST /batch/start answered"))
        }
        return .success(id)
    }
}
