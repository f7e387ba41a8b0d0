import Core
import Crypto
import Foundation
import Logging
import NIOHTTP1

extension RetailDigitalsClient {
    /// Downloads a signed image URL at once and checks the bytes (type, signature, structure, size
    /// cap; a `Content-Length` over the cap is refused before reading). A URL refused as consumed or
    /// expired (410) or bound to another IP (403 `signed_url_ip_mismatch`) is replaced once by a fresh
    /// one from `GET /products/{barcode}/image?variant=` (one per-image rate). Transient failures
    /// are retried within the deadline. The URL never reaches a log line or an error.
    public func downloadImage(
        _ url: SignedImageURL, barcode: Barcode, variant: ImageVariant, purpose: RequestPurpose,
        deadline: Duration? = nil
    ) async throws(UpstreamError) -> DownloadedImage {
        try gate.check()
        let deadline = self.deadline(deadline)
        var current = url
        var replaced = false
        var extraCost = Credits.zero
        var failures = 0
        var lastError = UpstreamError.timedOut
        while true {
            var retryAfter: Duration?
            let raw: RawResponse
            switch await fetchImageBytes(current, deadline: deadline) {
            case .failure(.cancelled): throw .cancelled
            case .failure(.tooLarge(let bytes)):
                throw .badImage(.tooLarge(bytes: bytes, limit: configuration.maxImageBytes))
            case .failure(let failure):
                lastError = failure == .timedOut ? .timedOut : .unavailable("image download: \(failure)")
                raw = RawResponse(status: 0, headers: [:], body: [], followedRedirect: false)
            case .success(let response):
                raw = response
            }
            switch raw.status {
            case 0:
                break
            case 200..<300:
                return try checkedImage(raw, barcode: barcode, variant: variant, extraCost: extraCost)
            case 403, 410:
                let code = ErrorDocument(raw.body)?.error.code ?? "\(raw.status)"
                guard raw.status == 410 || code == "signed_url_ip_mismatch" else { throw .forbidden(code: code) }
                guard !replaced else {
                    throw .unavailable("the fresh signed image URL was refused too (\(code))")
                }
                replaced = true
                logger.info(
                    "the signed image URL was refused; asking for a fresh one",
                    metadata: ["barcode": "\(barcode)", "variant": "\(variant.rawValue)", "code": "\(code)"])
                let fresh = try await freshImageURL(
                    barcode: barcode, variant: variant, purpose: purpose, deadline: deadline)
                extraCost = extraCost + fresh.debited
                switch fresh.answer {
                case .url(let next):
                    current = next
                    continue
                case .delivered(let delivered):
                    return try checkedImage(delivered, barcode: barcode, variant: variant, extraCost: extraCost)
                }
            case 404:
                throw .notFound
            case 429, 500...:
                lastError = .unavailable("image delivery answered \(raw.status)")
                let facts = ResponseFacts(headers: raw.headers, localNow: clock.wall.now())
                hostile.report(facts.problems, endpoint: .imageDelivery)
                retryAfter = facts.retryAfter
            default:
                throw .badResponse("image delivery answered \(raw.status)")
            }
            failures += 1
            guard
                let wait = configuration.retry.wait(
                    beforeRetry: failures, remaining: deadline - ContinuousClock.now, retryAfter: retryAfter,
                    unitRandom: Double.random(in: 0..<1))
            else {
                gate.noteError(lastError)
                throw lastError
            }
            metrics.retry(.imageDelivery)
            try await clock.wall.pause(wait, within: deadline)
        }
    }

    private func fetchImageBytes(
        _ url: SignedImageURL, deadline: ContinuousClock.Instant
    ) async
        -> Result<RawResponse, TransportFailure>
    {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "image/jpeg, image/png")
        headers.add(name: "User-Agent", value: "storesync")
        let result = await exchange.send(
            method: .GET, url: url.url, headers: headers, body: nil,
            deadline: min(deadline, ContinuousClock.now + configuration.requestTimeout),
            maxBytes: configuration.maxImageBytes)
        switch result {
        case .success(let raw): metrics.call(.imageDelivery, status: String(raw.status))
        case .failure(let failure): metrics.call(.imageDelivery, status: UpstreamMetrics.label(failure))
        }
        return result
    }

    /// Checks a delivered image and hashes it.
    private func checkedImage(
        _ raw: RawResponse, barcode: Barcode, variant: ImageVariant, extraCost: Credits
    )
        throws(UpstreamError) -> DownloadedImage
    {
        let info: ImageInfo
        do {
            info = try ImageProblem.check(
                raw.body, contentType: raw.header("Content-Type"), variant: variant,
                maximumBytes: configuration.maxImageBytes)
        } catch {
            logger.warning(
                "refused downloaded image bytes",
                metadata: ["barcode": "\(barcode)", "variant": "\(variant.rawValue)", "problem": "\(error)"])
            throw .badImage(error)
        }
        let digest = SHA256.hash(data: raw.body).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return DownloadedImage(
            barcode: barcode, variant: variant, bytes: raw.body, sha256: digest, contentType: info.contentType,
            width: info.width, height: info.height, creditsDebited: extraCost)
    }
}
