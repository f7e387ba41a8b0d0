/// An RGBA pixel buffer (straight alpha, rows top to bottom) the sandbox draws product pictures on.
struct ImageCanvas {
    let width: Int
    let height: Int
    /// `width × height × 4` bytes: red, green, blue, alpha per pixel.
    var pixels: [UInt8]

    /// A canvas filled with `background` (``ImageColor/clear`` for a transparent one).
    init(width: Int, height: Int, background: ImageColor) {
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        if background != .clear {
            for offset in stride(from: 0, to: pixels.count, by: 4) {
                pixels[offset] = background.red
                pixels[offset + 1] = background.green
                pixels[offset + 2] = background.blue
                pixels[offset + 3] = background.alpha
            }
        }
        self.pixels = pixels
    }

    /// The colour at (`x`, `y`).
    func color(x: Int, y: Int) -> ImageColor {
        let offset = (y * width + x) * 4
        return ImageColor(
            red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2], alpha: pixels[offset + 3])
    }

    /// Paints `color` over the pixel at (`x`, `y`) with `coverage` (`0...1`), source-over; pixels off the
    /// canvas are ignored.
    mutating func blend(x: Int, y: Int, color: ImageColor, coverage: Double = 1) {
        guard x >= 0, y >= 0, x < width, y < height, coverage > 0 else { return }
        let offset = (y * width + x) * 4
        let source = Double(color.alpha) / 255 * min(coverage, 1)
        if source >= 1 {
            pixels[offset] = color.red
            pixels[offset + 1] = color.green
            pixels[offset + 2] = color.blue
            pixels[offset + 3] = 255
            return
        }
        let destination = Double(pixels[offset + 3]) / 255
        let kept = destination * (1 - source)
        let alpha = source + kept
        guard alpha > 0 else { return }
        func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            UInt8(min(255, ((Double(top) * source + Double(bottom) * kept) / alpha).rounded()))
        }
        pixels[offset] = mix(color.red, pixels[offset])
        pixels[offset + 1] = mix(color.green, pixels[offset + 1])
        pixels[offset + 2] = mix(color.blue, pixels[offset + 2])
        pixels[offset + 3] = ImageColor.channel(alpha)
    }
}
