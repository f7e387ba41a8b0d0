import Core
import Sandbox
import TestSupport

/// The sandbox's published rates (`GET /pricing`), read independently of the code under test, and
/// the pricing formula's minimum for fetching products.
struct SandboxRates: Sendable {
    var perScope: Credits
    var perImage: Credits
    var bulkCheckPerBarcode: Credits

    /// Reads `/pricing` with a token of its own.
    static func read(_ sandbox: Sandbox) async throws -> SandboxRates {
        let client = SandboxTestClient(baseURL: sandbox.retailDigitalsBaseURL)
        let tokens = try await client.token(clientID: SyncWorld.clientID, apiKey: SyncWorld.apiKey)
        let response = try await client.send(.GET, "/pricing", token: tokens.access)
        guard let actions = response.json?["actions"], let scope = actions["products.get"]?.creditsValue,
            let image = actions["products.get.per_image"]?.creditsValue,
            let bulk = actions["products.bulk_check.per_barcode"]?.creditsValue
        else { throw SandboxTestFailure("no usable /pricing: \(response.text)") }
        return SandboxRates(perScope: scope, perImage: image, bulkCheckPerBarcode: bulk)
    }

    /// The least a fetch of `product` can cost with `product_meta` and the `variants` wanted: one
    /// scope and one image per wanted variant the product has.
    func minimumFetch(_ product: SandboxProduct, variants: [ImageVariant] = [.front]) -> Credits {
        perScope + perImage * variants.filter(product.variants.contains).count
    }
}
