import Core
import Logging

extension ShelfPusher {
    /// Sends a few products directly: `/add` for those Retagly does not have, `/productUpdate` for
    /// the rest. A 400 with item errors saves nothing: the refused products are recorded and the
    /// rest goes again in the next round.
    func deliverDirect(_ items: [ShelfPlannedItem]) async throws -> ShelfStep {
        var progressed = false
        for (endpoint, group) in [
            (RetaglyCallName.add, items.filter(\.asNew)), (.productUpdate, items.filter { !$0.asNew }),
        ]
        where !group.isEmpty {
            for chunk in stride(from: 0, to: group.count, by: configuration.pushChunkSize).map({
                Array(group[$0..<min($0 + configuration.pushChunkSize, group.count)])
            }) {
                let result = await client.write(endpoint, products: chunk.map(\.retaglyJSON))
                switch result {
                case .ok:
                    try await settle(chunk)
                    metrics.delivered(endpoint.rawValue, count: chunk.count)
                    progressed = true
                case .itemErrors(let problems):
                    guard try await refuse(problems, of: chunk, context: endpoint.path) > 0 else {
                        return .refused(reason: "\(endpoint.path) answered item errors that match no product sent")
                    }
                    progressed = true
                default:
                    return progressed ? .progress : .failure(result)
                }
            }
        }
        return .progress
    }
}
