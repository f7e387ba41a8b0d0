import Core

/// A decoded answer that tells what the call was charged, from `X-Credits-Debited` or else from the
/// body's `meta.credits_debited`: the body's figure settles the call's reservation when the header
/// is missing.
protocol DebitReporting {
    /// What upstream debited, when the answer said.
    var creditsDebited: Credits? { get }
}

extension ProductFetch: DebitReporting {}
extension BulkCheckResult: DebitReporting {}
