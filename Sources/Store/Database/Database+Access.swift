import NIOPosix
import Synchronization

extension Database {
    /// Runs `body` in one write transaction on the writer thread: `BEGIN IMMEDIATE`, then `COMMIT`
    /// when it returns (durable on return: `synchronous=FULL`), `ROLLBACK` when it throws. After the
    /// commit it publishes the barcodes whose answers changed (``ProductReader/changeStamp(of:)``).
    @discardableResult
    public func write<T: Sendable>(_ body: @Sendable (WriteConnection) throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let job = ConfinedJob<WriteConnection, T>(escapable)
            let writer = self.writer
            return try await withCheckedThrowingContinuation { continuation in
                writerPool.submit { state in
                    guard case .active = state else {
                        job.discard()
                        return continuation.resume(throwing: StoreError.closed)
                    }
                    let changes = ChangedBarcodes()
                    let result = Self.inTransaction(writer.connection, begin: "BEGIN IMMEDIATE") { connection in
                        job.run(WriteConnection(sqlite: connection, changes: changes))
                    }
                    if case .success = result { self.generations.publish(changes) }
                    continuation.resume(with: result)
                }
            }
        }
    }

    /// Whether the writer thread takes work: a no-op job on it returns (`false` once closed). It
    /// never returns while the writer is stuck, which is the point: the watchdog asks it.
    public func writerAnswers() async -> Bool {
        await withCheckedContinuation { continuation in
            writerPool.submit { state in
                guard case .active = state else { return continuation.resume(returning: false) }
                continuation.resume(returning: true)
            }
        }
    }

    /// Runs `body` in one read transaction on a pooled read-only connection.
    public func read<T: Sendable>(_ body: @Sendable (ReadConnection) throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let job = ConfinedJob<ReadConnection, T>(escapable)
            return try await withCheckedThrowingContinuation { continuation in
                readerPool.submit { state in
                    guard case .active = state, let reader = self.checkOutReader() else {
                        job.discard()
                        return continuation.resume(throwing: StoreError.closed)
                    }
                    let result = Self.inTransaction(reader.connection, begin: "BEGIN DEFERRED") { connection in
                        job.run(ReadConnection(sqlite: connection))
                    }
                    self.checkIn(reader)
                    continuation.resume(with: result)
                }
            }
        }
    }

    func checkOutReader() -> ConfinedConnection? {
        readers.withLock { $0.popLast() }
    }

    func checkIn(_ reader: ConfinedConnection) {
        readers.withLock { $0.append(reader) }
    }

    /// Runs `body` between `begin` and `COMMIT`; rolls back when it fails or the commit fails.
    static func inTransaction<T>(
        _ connection: SQLiteConnection, begin: String, _ body: (SQLiteConnection) -> Result<T, any Error>
    ) -> Result<T, any Error> {
        do {
            try connection.execute(begin)
        } catch {
            return .failure(error)
        }
        let result = body(connection)
        do {
            if case .success = result {
                try connection.execute("COMMIT")
            } else {
                try connection.execute("ROLLBACK")
            }
        } catch {
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            if case .success = result { return .failure(error) }
        }
        return result
    }
}
