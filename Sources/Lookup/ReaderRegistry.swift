import NIOCore

/// One ``CacheReader`` per event loop, created on that loop and used only there.
struct ReaderRegistry: Sendable {
    private let readers: [ObjectIdentifier: NIOLoopBound<any CacheReader>]

    /// Opens a reader on every loop of `group`.
    static func make(
        group: any EventLoopGroup, factory: @escaping @Sendable () throws -> any CacheReader
    ) async throws -> ReaderRegistry {
        var readers: [ObjectIdentifier: NIOLoopBound<any CacheReader>] = [:]
        for loop in group.makeIterator() {
            let bound = try await loop.submit { NIOLoopBound(try factory(), eventLoop: loop) }.get()
            readers[ObjectIdentifier(loop)] = bound
        }
        return ReaderRegistry(readers: readers)
    }

    /// The reader of `loop` (call on `loop`).
    func reader(on loop: any EventLoop) -> (any CacheReader)? {
        readers[ObjectIdentifier(loop)]?.value
    }
}
