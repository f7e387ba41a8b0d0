import Core
import Foundation
import Synchronization

extension Sandbox {
    /// The current record of a product (any valid form of its barcode), or `nil`.
    public func product(_ barcode: String) -> SandboxProduct? {
        let key = (try? SandboxBarcode.key(barcode)) ?? barcode
        return state.withLock { $0.catalog.products[key] }
    }

    /// Every barcode, in listing order (`updated_at`, then barcode).
    public var barcodes: [String] {
        state.withLock { $0.catalog.ordered().map(\.barcode) }
    }

    /// Every product, in listing order.
    public var products: [SandboxProduct] {
        state.withLock { $0.catalog.ordered() }
    }

    /// Changes a product's metadata as of the clock's now (and with `changeImages`, bumps every
    /// image's version so clients receive new bytes); `nil` if it does not exist.
    @discardableResult
    public func updateProduct(_ barcode: String, changeImages: Bool = false) -> SandboxProduct? {
        let key = (try? SandboxBarcode.key(barcode)) ?? barcode
        let now = clock.now()
        return state.withLock { $0.catalog.update(key, now: now, changeImages: changeImages) }
    }

    /// Adds a product changed at the clock's now, with the given variants (random ones if `nil`).
    @discardableResult
    public func addProduct(variants: [ImageVariant]? = nil) -> SandboxProduct {
        let now = clock.now()
        return state.withLock { $0.catalog.add(variants: variants, now: now)! }
    }

    /// Adds a product under `barcode` (the API's key of it: 8 digits are an EAN-8), changed at the
    /// clock's now; `nil` when `barcode` is no valid key or is taken.
    @discardableResult
    public func addProduct(barcode: String, variants: [ImageVariant]? = nil) -> SandboxProduct? {
        guard (try? SandboxBarcode.key(barcode)) == barcode else { return nil }
        let now = clock.now()
        return state.withLock { $0.catalog.add(variants: variants, now: now, barcode: barcode) }
    }

    /// Removes a product from the catalog.
    public func deleteProduct(_ barcode: String) {
        let key = (try? SandboxBarcode.key(barcode)) ?? barcode
        state.withLock { _ = $0.catalog.delete(key) }
    }

    /// The bytes `clientID` receives for the current version of an image, or `nil` when the
    /// product or variant does not exist.
    public func imageBytes(barcode: String, variant: ImageVariant, clientID: String) -> [UInt8]? {
        imageKey(barcode: barcode, variant: variant, clientID: clientID).map { images.rendered($0).bytes }
    }

    /// The lowercase hex sha256 of ``imageBytes(barcode:variant:clientID:)``.
    public func imageSHA256(barcode: String, variant: ImageVariant, clientID: String) -> String? {
        imageKey(barcode: barcode, variant: variant, clientID: clientID).map { images.rendered($0).sha256 }
    }

    private func imageKey(barcode: String, variant: ImageVariant, clientID: String) -> SandboxImageCache.Key? {
        guard let product = product(barcode), let version = product.imageVersions[variant] else { return nil }
        return .init(barcode: product.barcode, variant: variant, version: version, clientID: clientID)
    }

    /// Disables (offboards) or re-enables a client: `403 client_disabled` on every call, `/auth/token` too.
    public func setClientDisabled(_ clientID: String, _ disabled: Bool) {
        state.withLock { $0.clients[clientID]?.account.disabled = disabled }
    }

    /// Sets a client's credit balance.
    public func setCredits(_ clientID: String, _ credits: Credits) {
        state.withLock { $0.clients[clientID]?.account.credits = credits }
    }

    /// A client's current credit balance (zero for an unknown client).
    public func credits(of clientID: String) -> Credits {
        state.withLock { $0.clients[clientID]?.account.credits ?? .zero }
    }

    /// A client's live account (balance, flags, limits), or `nil`.
    public func account(_ clientID: String) -> SandboxClientAccount? {
        state.withLock { $0.clients[clientID]?.account }
    }

    /// Adds a client, or replaces the account of an existing one (keeping its rate windows).
    public func setAccount(_ account: SandboxClientAccount) {
        state.withLock { state in
            if state.clients[account.id] == nil {
                state.clients[account.id] = .init(account: account)
                state.clientOrder.append(account.id)
            } else {
                state.clients[account.id]!.account = account
            }
        }
    }

    /// Every Retail Digitals request so far, in order.
    public func ledger() -> [LedgerEntry] {
        state.withLock { $0.ledger }
    }

    /// Totals over the ledger.
    public func ledgerSummary() -> LedgerSummary {
        LedgerSummary(ledger())
    }
}

extension Sandbox {
    /// The catalog's ambiguous 8-digit codes, in listing order of their products: EAN-8 products
    /// whose digits are also a valid UPC-E, and UPC-A products whose UPC-E symbol is also a valid
    /// EAN-8.
    public var ambiguousCodes: [SandboxAmbiguousCode] {
        products.compactMap { product in
            let digits = product.barcode.utf8.map { $0 - UInt8(ascii: "0") }
            if digits.count == 8, SandboxUPCE.expand(digits) != nil {
                return SandboxAmbiguousCode(code: product.barcode, barcode: product.barcode)
            }
            guard digits.count == 12, let code = SandboxUPCE.compress(digits),
                let text = try? SandboxBarcode.key(SandboxProductFactory.text(code))
            else { return nil }
            return SandboxAmbiguousCode(code: text, barcode: product.barcode)
        }
    }
}
