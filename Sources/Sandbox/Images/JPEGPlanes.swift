/// A canvas converted to JFIF YCbCr (level-shifted to be centred on zero), padded to whole 16×16
/// MCUs by repeating the last row and column, with the chroma planes averaged down 2×2 (4:2:0).
struct JPEGPlanes {
    let lumaWidth: Int
    let lumaHeight: Int
    var chromaWidth: Int { lumaWidth / 2 }
    /// Y − 128, `lumaWidth × lumaHeight`.
    var luma: [Float]
    /// Cb and Cr, `chromaWidth × lumaHeight / 2`.
    var blueDifference: [Float]
    var redDifference: [Float]

    init(_ canvas: ImageCanvas) {
        let lumaWidth = (canvas.width + 15) / 16 * 16
        let lumaHeight = (canvas.height + 15) / 16 * 16
        self.lumaWidth = lumaWidth
        self.lumaHeight = lumaHeight
        let chromaWidth = lumaWidth / 2
        var luma = [Float](repeating: 0, count: lumaWidth * lumaHeight)
        var blue = [Float](repeating: 0, count: chromaWidth * lumaHeight / 2)
        var red = blue
        let width = canvas.width
        let height = canvas.height
        canvas.pixels.withUnsafeBufferPointer { pixels in
            for chromaY in 0..<(lumaHeight / 2) {
                for chromaX in 0..<chromaWidth {
                    var blueSum: Float = 0
                    var redSum: Float = 0
                    for dy in 0..<2 {
                        for dx in 0..<2 {
                            let x = chromaX * 2 + dx
                            let y = chromaY * 2 + dy
                            let offset = (min(y, height - 1) * width + min(x, width - 1)) * 4
                            let r = Float(pixels[offset])
                            let g = Float(pixels[offset + 1])
                            let b = Float(pixels[offset + 2])
                            luma[y * lumaWidth + x] = 0.299 * r + 0.587 * g + 0.114 * b - 128
                            blueSum += -0.168_736 * r - 0.331_264 * g + 0.5 * b
                            redSum += 0.5 * r - 0.418_688 * g - 0.081_312 * b
                        }
                    }
                    blue[chromaY * chromaWidth + chromaX] = blueSum / 4
                    red[chromaY * chromaWidth + chromaX] = redSum / 4
                }
            }
        }
        self.luma = luma
        self.blueDifference = blue
        self.redDifference = red
    }

    /// Copies the 8×8 block at (`x`, `y`) of `plane` into `block`.
    func load(_ block: inout [Float], plane: [Float], stride: Int, x: Int, y: Int) {
        block.withUnsafeMutableBufferPointer { target in
            plane.withUnsafeBufferPointer { source in
                for row in 0..<8 {
                    let start = (y + row) * stride + x
                    for column in 0..<8 { target[row * 8 + column] = source[start + column] }
                }
            }
        }
    }
}
