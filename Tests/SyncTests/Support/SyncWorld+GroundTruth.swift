import Core
import Sandbox
import Store

extension SyncWorld {
    /// Problems between the cache and the sandbox's ground truth for the carried `barcodes`: the
    /// product_meta (semantically), updated_at, and the sha256 of every configured variant the
    /// product has, as this client receives it (and no image for a variant it lacks).
    func groundTruthProblems(
        in database: Database, _ barcodes: [String], variants: [ImageVariant] = [.front]
    ) async throws -> [String] {
        var problems: [String] = []
        for barcode in barcodes {
            guard let truth = sandbox.product(barcode), let code = Barcode(barcode) else {
                problems.append("\(barcode): not in the sandbox")
                continue
            }
            let (record, images) = try await database.read { connection in
                (try connection.product(code), try connection.images(for: code))
            }
            guard let record else {
                problems.append("\(barcode): not cached")
                continue
            }
            if (try? JSONValue(parsing: record.productMeta)) != truth.productMeta {
                problems.append("\(barcode): product_meta differs")
            }
            if record.updatedAt != truth.updatedAtText {
                problems.append("\(barcode): updated_at \(record.updatedAt) ≠ \(truth.updatedAtText)")
            }
            for variant in variants {
                let expected = sandbox.imageSHA256(
                    barcode: barcode, variant: variant, clientID: SyncWorld.clientID)
                let stored = images.first { $0.variant == variant }?.sha256
                if stored != expected {
                    problems.append("\(barcode) \(variant.rawValue): image \(stored ?? "none") ≠ \(expected ?? "none")")
                }
            }
        }
        return problems
    }
}
