import Core

/// The answer of the image-redirect endpoint.
struct FreshImage: Sendable {
    enum Answer: Sendable {
        /// The `Location` of the `302`: a fresh signed URL.
        case url(SignedImageURL)
        /// The shared `HTTPClient` followed the redirect itself: this is the delivery's answer.
        case delivered(RawResponse)
    }

    var answer: Answer
    var debited: Credits
}
