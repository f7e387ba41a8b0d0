import NIOCore
import Store

/// One ``ProductReader`` per event loop, created on that loop and used only there.
struct ReaderRegistry: Sendable {
    private let readers: [ObjectIdentifier: NIOLoopBound<ProductReader>]

    /// Opens a reader on every loop of `group`.
    static func make(
        group: any EventLoopGroup, factory: @escaping @Sendable () throws -> ProductReader
    ) async throws -> ReaderRegistry {
        var readers: [ObjectIdentifier: NIOLoopBound<ProductReader>] = [:]
        for loop in group.makeIterator() {
            let bound = try await loop.submit { NIOLoopBound(try factory(), eventLoop: loop) }.get()
            readers[ObjectIdentifier(loop)] = bound
        }
        return ReaderRegistry(readers: readers)
    }

    /// The reader of `loop` (call on `loop`).
    func reader(on loop: any EventLoop) -> (ProductReader)? {
        readers[ObjectIdentifier(loop)]?.value
    }
}
