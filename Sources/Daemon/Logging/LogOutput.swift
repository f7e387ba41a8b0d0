import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where finished log lines go: standard error (one `write` per line, serialised so lines never
/// interleave), or anything else a closure does with them (tests collect them).
public struct LogOutput: Sendable {
    /// Receives one complete line, ending in a newline.
    public let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// A writer to descriptor 2; create it once and share it between handlers.
    public static func standardError() -> LogOutput {
        let lock = Mutex(())
        return LogOutput { line in
            lock.withLock { _ in
                var bytes = Array(line.utf8)
                if bytes.isEmpty { return }
                var offset = 0
                while offset < bytes.count {
                    let written = bytes.withUnsafeMutableBytes { raw in
                        writeStandardError(raw.baseAddress! + offset, raw.count - offset)
                    }
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}

/// `write(2, …)` under the platform's name for it.
private func writeStandardError(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(2, pointer, count)
    #else
        return Darwin.write(2, pointer, count)
    #endif
}
