import Sandbox
import Synchronization

/// Collects what a request hook saw, safely across the server's threads.
final class SandboxHookRecorder: Sendable {
    private let storage = Mutex<[SandboxRequestInfo]>([])

    func record(_ info: SandboxRequestInfo) { storage.withLock { $0.append(info) } }

    var infos: [SandboxRequestInfo] { storage.withLock { $0 } }
}
