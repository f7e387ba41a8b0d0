import Crypto

/// The per-client mark the sandbox puts on every delivered image, as Retail Digitals does: an
/// invisible pixel pattern plus an opaque tag in the file's metadata, both keyed by an HMAC-SHA256
/// of the client id. The client id itself never appears in the bytes.
struct ClientWatermark {
    /// The HMAC key of the sandbox (a fixed, public value: the sandbox protects nothing).
    private static let key = SymmetricKey(data: Array("retail-digitals-sandbox-watermark-v1".utf8))

    /// HMAC-SHA256(key, client id).
    let digest: [UInt8]

    init(clientID: String) {
        digest = Array(HMAC<SHA256>.authenticationCode(for: Array(clientID.utf8), using: ClientWatermark.key))
    }

    /// The metadata tag: a version prefix and the first 16 bytes of the digest in hex.
    var tag: String {
        let hex = digest.prefix(16).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "rdwm1:" + hex.joined()
    }

    /// The direction (+1 or −1) of each 8×8 block's shift, `count` blocks in row-major order.
    func blockSigns(count: Int) -> [Int] {
        var random = ImageRandom(seedBytes: digest.suffix(16))
        var signs: [Int] = []
        signs.reserveCapacity(count)
        var bits: UInt64 = 0
        for index in 0..<count {
            if index % 64 == 0 { bits = random.next() }
            signs.append(bits & 1 == 1 ? 1 : -1)
            bits >>= 1
        }
        return signs
    }

    /// Shifts every 8×8 block of visible pixels up or down by `strength` levels, the direction per
    /// block from ``blockSigns(count:)``. Invisible to a person, yet it moves each JPEG block's DC
    /// coefficient by about `strength × 8`, so it survives quantization.
    func apply(to canvas: inout ImageCanvas, strength: Int) {
        let blocksAcross = (canvas.width + 7) / 8
        let blocksDown = (canvas.height + 7) / 8
        let signs = blockSigns(count: blocksAcross * blocksDown)
        for blockY in 0..<blocksDown {
            for blockX in 0..<blocksAcross {
                let delta = signs[blockY * blocksAcross + blockX] * strength
                canvas.shiftBlock(blockX: blockX, blockY: blockY, size: 8, delta: delta)
            }
        }
    }
}
