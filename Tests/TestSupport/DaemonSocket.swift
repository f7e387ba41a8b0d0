import Core
import Foundation

/// JSON calls to a daemon's lookup socket, for tests that run `storesync serve` as a child process.
/// A call waits up to 30 s: a bound only a hang reaches (the daemon's own deadlines answer sooner,
/// and a busy machine must not fail a test that waits on them).
public enum DaemonSocket {
    /// `GET path`: the status and the parsed body (`nil` when it is not JSON).
    public static func get(_ socket: String, _ path: String) async throws -> (status: Int, json: JSONValue?) {
        let response = try await SocketHTTP.request(.unix(socket), "GET", path, timeout: .seconds(30))
        return (response.status ?? 0, try? JSONValue(parsing: String(decoding: response.body, as: UTF8.self)))
    }

    /// `POST path` with a JSON body.
    public static func post(
        _ socket: String, _ path: String, json: String
    ) async throws -> (
        status: Int, json: JSONValue?
    ) {
        let response = try await SocketHTTP.request(
            .unix(socket), "POST", path, headers: [("Content-Type", "application/json")], body: Array(json.utf8),
            timeout: .seconds(30))
        return (response.status ?? 0, try? JSONValue(parsing: String(decoding: response.body, as: UTF8.self)))
    }

    /// Waits until `/healthz` answers 200 (`true`), `process` ends or `timeout` passes (`false`).
    public static func waitUntilHealthy(
        _ socket: String, process: ServeProcess, timeout: Duration = .seconds(60)
    ) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, process.isRunning {
            if let answer = try? await get(socket, "/healthz"), answer.status == 200 { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
