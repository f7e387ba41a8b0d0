import Metrics
import Synchronization

/// A `MetricsFactory` that keeps the last value of every gauge and the total of every counter, keyed
/// by label and sorted dimensions (`label{a=x,b=y}`).
final class RecordingMetrics: MetricsFactory, Sendable {
    fileprivate let values = Mutex<[String: Double]>([:])

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        let dims = dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        return dims.isEmpty ? label : "\(label){\(dims)}"
    }

    /// The value under `label` and `dimensions` (0 when never touched).
    func value(_ label: String, _ dimensions: [(String, String)] = []) -> Double {
        values.withLock { $0[Self.key(label, dimensions)] ?? 0 }
    }

    /// Every key starting with `label`.
    func keys(_ label: String) -> [String] { values.withLock { $0.keys.filter { $0.hasPrefix(label) }.sorted() } }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        RecordingHandler(metrics: self, key: Self.key(label, dimensions))
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        RecordingHandler(metrics: self, key: Self.key(label, dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        RecordingHandler(metrics: self, key: Self.key(label, dimensions))
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        RecordingHandler(metrics: self, key: Self.key(label, dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        RecordingHandler(metrics: self, key: Self.key(label, dimensions))
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

/// One metric of ``RecordingMetrics``.
private final class RecordingHandler: CounterHandler, FloatingPointCounterHandler, RecorderHandler, MeterHandler,
    TimerHandler, Sendable
{
    let metrics: RecordingMetrics
    let key: String

    init(metrics: RecordingMetrics, key: String) {
        self.metrics = metrics
        self.key = key
    }

    private func accumulate(_ amount: Double) { metrics.values.withLock { $0[key, default: 0] += amount } }
    private func store(_ value: Double) { metrics.values.withLock { $0[key] = value } }

    func increment(by amount: Int64) { accumulate(Double(amount)) }
    func increment(by amount: Double) { accumulate(amount) }
    func decrement(by amount: Double) { accumulate(-amount) }
    func reset() { store(0) }
    func record(_ value: Int64) { store(Double(value)) }
    func record(_ value: Double) { store(value) }
    func set(_ value: Int64) { store(Double(value)) }
    func set(_ value: Double) { store(value) }
    func recordNanoseconds(_ duration: Int64) { store(Double(duration)) }
}
