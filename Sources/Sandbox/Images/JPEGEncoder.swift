/// A baseline JPEG encoder (JFIF, YCbCr 4:2:0, Annex K quantization and Huffman tables), enough for
/// sandbox pictures that libjpeg and every browser decode. Alpha is ignored: draw opaque canvases.
struct JPEGEncoder {
    /// Quantization tables scaled to the quality, natural order.
    let luminanceQuantization: [Int]
    let chrominanceQuantization: [Int]

    /// An encoder at `quality` (1–100 on the IJG scale; 85 is a typical photo setting).
    init(quality: Int) {
        luminanceQuantization = JPEGTables.scaled(JPEGTables.luminanceQuantization, quality: quality)
        chrominanceQuantization = JPEGTables.scaled(JPEGTables.chrominanceQuantization, quality: quality)
    }

    /// The complete file: headers (with `comment` in a `COM` segment), one interleaved scan, `EOI`.
    func encode(_ canvas: ImageCanvas, comment: String) -> [UInt8] {
        var writer = JPEGBitWriter(appendingTo: headers(width: canvas.width, height: canvas.height, comment: comment))
        let planes = JPEGPlanes(canvas)
        let luminance = JPEGBlockCoder(
            quantization: luminanceQuantization, dc: .luminanceDC, ac: .luminanceAC)
        let chrominance = JPEGBlockCoder(
            quantization: chrominanceQuantization, dc: .chrominanceDC, ac: .chrominanceAC)
        var previousDC = [0, 0, 0]
        var block = [Float](repeating: 0, count: 64)
        for mcuY in 0..<(planes.lumaHeight / 16) {
            for mcuX in 0..<(planes.lumaWidth / 16) {
                for index in 0..<4 {
                    planes.load(
                        &block, plane: planes.luma, stride: planes.lumaWidth,
                        x: mcuX * 16 + index % 2 * 8, y: mcuY * 16 + index / 2 * 8)
                    luminance.encode(&block, previousDC: &previousDC[0], into: &writer)
                }
                planes.load(&block, plane: planes.blueDifference, stride: planes.chromaWidth, x: mcuX * 8, y: mcuY * 8)
                chrominance.encode(&block, previousDC: &previousDC[1], into: &writer)
                planes.load(&block, plane: planes.redDifference, stride: planes.chromaWidth, x: mcuX * 8, y: mcuY * 8)
                chrominance.encode(&block, previousDC: &previousDC[2], into: &writer)
            }
        }
        return writer.finish() + [0xFF, 0xD9]
    }
}
