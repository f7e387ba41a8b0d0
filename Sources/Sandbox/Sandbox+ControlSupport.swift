import Core
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A control-plane failure with its status.
struct SandboxControlError: Error {
    var status: Int
    var message: String
}

extension Sandbox {
    /// Runs a control-plane action for a loopback peer and answers its JSON (or its error).
    func control(_ context: SandboxRequestContext, _ action: () throws -> JSONValue) throws -> Response {
        let ip = context.peerIP
        guard ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.") else {
            return Self.controlResponse(["error": "the control plane answers loopback peers only"], status: 403)
        }
        do {
            return Self.controlResponse(try action(), status: 200)
        } catch let error as SandboxControlError {
            return Self.controlResponse(["error": .string(error.message)], status: error.status)
        }
    }

    static func controlError(_ message: String, status: Int = 400) -> SandboxControlError {
        SandboxControlError(status: status, message: message)
    }

    static func controlResponse(_ value: JSONValue, status: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = SandboxState.jsonContentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }

    /// A control request's JSON body (an empty object when there is none).
    static func controlBody(_ request: Request) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        if buffer.readableBytes == 0 { return [:] }
        return (try? JSONValue(parsing: Array(buffer.readableBytesView))) ?? [:]
    }

    /// The sandbox at a glance.
    func overview() -> JSONValue {
        let (count, clients) = state.withLock { ($0.catalog.products.count, $0.clientOrder) }
        return [
            "retail_digitals": .string(retailDigitalsBaseURL), "retagly": .string(retaglyBaseURL),
            "now": .string(Timestamp.format(clock.now())), "products": .int(count),
            "clients": .array(clients.map(JSONValue.string)),
        ]
    }

    /// A product's ground truth, with the sha256 of each image as `clientID` (default: the first
    /// client) receives it.
    func groundTruth(_ product: SandboxProduct, clientID: String?) -> JSONValue {
        let client = clientID ?? state.withLock { $0.clientOrder.first } ?? ""
        var images: [(key: String, value: JSONValue)] = []
        for variant in product.variants {
            guard let bytes = imageBytes(barcode: product.barcode, variant: variant, clientID: client),
                let hash = imageSHA256(barcode: product.barcode, variant: variant, clientID: client)
            else { continue }
            images.append(
                (
                    variant.rawValue,
                    [
                        "version": .int(product.imageVersions[variant] ?? 1),
                        "content_type": .string(variant.contentType),
                        "bytes": .int(bytes.count), "sha256": .string(hash),
                    ]
                ))
        }
        return [
            "barcode": .string(product.barcode), "updated_at": .string(product.updatedAtText),
            "product_meta": product.productMeta,
            "image_meta": .object(product.variants.map { ($0.rawValue, product.imageMeta[$0] ?? .null) }),
            "variants": .array(product.variants.map { .string($0.rawValue) }), "client_id": .string(client),
            "images": .object(images),
        ]
    }
}
