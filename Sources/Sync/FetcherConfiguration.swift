import Core

/// What a product fetch asks upstream for (config `upstream.include` / `upstream.variants`), the
/// free space it needs first (`storage.min_free`) and the image store's cap (`storage.max_image_bytes`).
public struct FetcherConfiguration: Sendable, Hashable {
    /// Metadata scopes and `images`.
    public var include: [IncludeScope]
    /// Image variants wanted.
    public var variants: [ImageVariant]
    /// Free bytes the state directory needs before a paid fetch.
    public var minFreeBytes: Int
    /// The cap on stored image bytes (`0`: none). Storing an image over
    /// it evicts the least recently scanned images.
    public var maxImageBytes: Int64

    public init(
        include: [IncludeScope], variants: [ImageVariant], minFreeBytes: Int, maxImageBytes: Int64
    ) {
        self.maxImageBytes = max(0, maxImageBytes)
        self.include = Array(Set(include)).sorted()
        self.variants = Array(Set(variants)).sorted()
        self.minFreeBytes = max(0, minFreeBytes)
    }

    /// Whether images are fetched at all.
    public var wantsImages: Bool { include.contains(.images) && !variants.isEmpty }

    /// The variants to store for a product that has `available` (all configured ones when unknown).
    public func wantedVariants(available: [ImageVariant]?) -> [ImageVariant] {
        guard wantsImages else { return [] }
        guard let available else { return variants }
        return variants.filter(available.contains)
    }

    /// The `include` and `variants` of one fetch: only variants the product has when that is known,
    /// so the estimate is exact and nothing unneeded is asked for; without any wanted variant the
    /// `images` scope is dropped (it would return nothing), unless it is the only scope.
    public func request(available: [ImageVariant]?) -> (include: [IncludeScope], variants: [ImageVariant]) {
        let wanted = wantedVariants(available: available)
        if include.contains(.images), wanted.isEmpty {
            let others = include.filter { $0 != .images }
            if !others.isEmpty { return (others, []) }
            return (include, variants)
        }
        return (include, wanted)
    }
}
