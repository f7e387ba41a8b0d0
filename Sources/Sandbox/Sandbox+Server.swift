import Core
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

extension Sandbox {
    /// Serves both APIs and the control plane until cancelled or gracefully shut down.
    ///
    /// Built on Hummingbird's router and HTTP/1.1 channel but not on `Application`, which would
    /// stamp every answer with the host's `Date`: the sandbox writes its own clock's.
    public func run() async throws {
        let responder = makeRouter().buildResponder()
        let clock = self.clock
        let logger = self.logger
        let http1 = HTTP1Channel(responder: { request, writer, channel in
            let context = SandboxRequestContext(source: .init(channel: channel, logger: logger))
            var response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch is SandboxDropConnection {
                try? await channel.close()
                return
            } catch {
                logger.debug("sandbox handler failed", metadata: ["error": "\(type(of: error))"])
                response = Response(status: .internalServerError)
            }
            if response.headers[.date] == nil { response.headers[.date] = HTTPDate.format(clock.now()) }
            do {
                try await writer.write(response: response.head, body: response.body)
            } catch is SandboxDropConnection {
                try? await channel.close()
            }
        })
        let binding = self.binding
        let server = SandboxHTTPChannel(http1: http1).server(
            configuration: ServerConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                binding.bound(channel.localAddress?.port ?? 0)
            },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger)
        do {
            try await server.run()
        } catch {
            binding.failed(error)
            throw error
        }
        binding.failed(CancellationError())
    }

    /// Runs a sandbox for the duration of `body`: starts it, waits until it is bound, runs `body`
    /// with it, then shuts it down gracefully (also when `body` throws).
    public static func withRunning<T>(
        _ configuration: SandboxConfiguration, logger: Logger, _ body: (Sandbox) async throws -> T
    ) async throws -> T {
        let sandbox = Sandbox(configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [sandbox], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let result: Result<T, any Error>
            do {
                try await sandbox.waitUntilBound()
                result = .success(try await body(sandbox))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}
