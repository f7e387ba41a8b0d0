import NIOCore
import Store

/// One ``LoopReader`` per event loop, created on that loop and used only there.
struct ReaderRegistry: Sendable {
    private let readers: [ObjectIdentifier: NIOLoopBound<LoopReader>]

    /// Opens a reader on every loop of `group`.
    static func make(
        group: any EventLoopGroup, factory: @escaping @Sendable () throws -> LoopReader
    ) async throws -> ReaderRegistry {
        var readers: [ObjectIdentifier: NIOLoopBound<LoopReader>] = [:]
        for loop in group.makeIterator() {
            let bound = try await loop.submit { NIOLoopBound(try factory(), eventLoop: loop) }.get()
            readers[ObjectIdentifier(loop)] = bound
        }
        return ReaderRegistry(readers: readers)
    }

    /// The reader of `loop` (call on `loop`).
    func reader(on loop: any EventLoop) -> LoopReader? {
        readers[ObjectIdentifier(loop)]?.value
    }
}
