import Core
import Logging
import Lookup
import ServiceLifecycle
import UnixSignals

/// Tells systemd how the daemon is doing (READY=1 once the socket serves, RELOADING=1/READY=1
/// around a SIGHUP reload, STOPPING=1 at shutdown) and runs reloads on SIGHUP.
struct LifecycleService: Service {
    let ready: SharedValue<Void>
    let notifier: SystemdNotifier?
    let reloader: DaemonReloader
    let socketPath: String
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            guard await ready.wait() != nil, !Task.isCancelled else { return }  // the socket never came up
            notify { try $0.ready(status: "serving lookups on \(socketPath)") }
            for await _ in signals {
                logger.info("SIGHUP: reloading the configuration")
                notify { try $0.reloading(status: "reloading the configuration") }
                await reloader.reload()
                notify { try $0.ready(status: "serving lookups on \(socketPath)") }
            }
        }
        notify { try $0.stopping(status: "finishing lookups in flight and stopping") }
    }

    private func notify(_ message: (SystemdNotifier) throws -> Void) {
        guard let notifier else { return }
        do { try message(notifier) } catch {
            logger.warning("cannot notify systemd", metadata: ["error": "\(error)"])
        }
    }
}
