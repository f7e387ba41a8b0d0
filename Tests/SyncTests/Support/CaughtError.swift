import Upstream

/// The error `operation` threw, or `nil` when it succeeded.
func caught<T>(_ operation: () async throws(UpstreamError) -> T) async -> UpstreamError? {
    do {
        _ = try await operation()
        return nil
    } catch {
        return error
    }
}
