import Core
import Logging

extension RetailDigitalsClient {
    /// Records a paid answer lost after the request went out and gives the error the call fails with,
    /// and the credits to settle (the estimate when the headers did not show a charge).
    ///
    /// - Parameter charged: the `X-Credits-Debited` of a garbled answer (already settled), if any;
    ///   `nil` when no header came: the pricing formula's cost of the call is counted instead.
    func lostAnswer(_ spec: CallSpec, reason: String, charged: Credits?) -> (UpstreamError, settle: Credits) {
        let credits = charged ?? spec.expectedCost
        lost.record(credits)
        metrics.answerLost(spec.endpoint, credits: credits)
        logger.warning(
            "the answer of a paid call was lost after it was sent; it is not sent again now",
            metadata: [
                "endpoint": "\(spec.endpoint.rawValue)", "reason": "\(reason)", "credits_lost": "\(credits)",
            ])
        return (.answerLost(reason), charged == nil ? credits : .zero)
    }

    /// Answers of paid calls lost after they were sent, since the process started.
    public var answersLost: Int { lost.answers }

    /// The credits those lost answers most likely cost.
    public var creditsLost: Credits { lost.credits }
}
