import Core

/// Draws a sandbox product picture: a box in the product's colours on a studio backdrop (`front`,
/// `back`) or cut out on transparency (`front_clean`, `back_clean`).
struct ProductArt {
    /// Where the front face of the box sits on the canvas, and how deep the box looks.
    struct Face {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let depth: Int
    }

    let style: ProductStyle
    /// The canvas side in pixels (pictures are square, like the API's `1000x1000`).
    let side: Int

    var face: Face {
        let width = Int(Double(side) * style.boxWidth)
        let height = Int(Double(side) * style.boxHeight)
        let depth = Int(Double(side) * style.boxDepth)
        return Face(
            x: (side - width - depth) / 2, y: (side - height + depth) / 2 - side / 40, width: width, height: height,
            depth: depth)
    }

    /// The finished picture of `variant`, before any watermark.
    func draw(_ variant: ImageVariant) -> ImageCanvas {
        let isClean = variant == .frontClean || variant == .backClean
        var canvas = ImageCanvas(width: side, height: side, background: isClean ? .clear : ImageColor(grey: 236))
        if !isClean { drawBackdrop(on: &canvas) }
        drawBox(on: &canvas)
        switch variant {
        case .front, .frontClean: drawFrontFace(on: &canvas)
        case .back, .backClean: drawBackFace(on: &canvas)
        }
        drawVersionBadge(on: &canvas)
        var random = ImageRandom(seed: style.seed ^ UInt64(variant.ordinal + 1) &* 0xD6E8_FEB8_6659_FD93)
        canvas.addGrain(amplitude: isClean ? 1 : 3, random: &random)
        return canvas
    }

    /// A studio sweep: light at the top, a little darker towards the floor, with the box's shadow.
    private func drawBackdrop(on canvas: inout ImageCanvas) {
        canvas.fillGradient(
            x: 0, y: 0, width: side, height: side, top: ImageColor(red: 244, green: 243, blue: 240),
            bottom: ImageColor(red: 196, green: 196, blue: 192))
        let face = face
        canvas.fillEllipse(
            centerX: Double(face.x + (face.width + face.depth) / 2) + 8, centerY: Double(face.y + face.height) - 2,
            radiusX: Double(face.width) * 0.62 + 30, radiusY: 28, color: ImageColor(grey: 40, alpha: 110),
            softness: 0.85)
    }

    /// The three visible faces of the box: the front (shaded top to bottom), the top and the side.
    private func drawBox(on canvas: inout ImageCanvas) {
        let face = face
        let left = Double(face.x)
        let top = Double(face.y)
        let right = Double(face.x + face.width)
        let bottom = Double(face.y + face.height)
        let depth = Double(face.depth)
        canvas.fillConvexPolygon(
            [(left, top), (right, top), (right + depth, top - depth), (left + depth, top - depth)],
            color: style.main.shaded(1.25))
        canvas.fillConvexPolygon(
            [(right, top), (right + depth, top - depth), (right + depth, bottom - depth), (right, bottom)],
            color: style.main.shaded(0.62))
        canvas.fillGradient(
            x: face.x, y: face.y, width: face.width, height: face.height, top: style.main.shaded(1.08),
            bottom: style.main.shaded(0.86))
    }

    /// A round "V<n>" flash stuck on the box's top-right corner (clear of the brand band): the
    /// artwork's version, at a glance.
    private func drawVersionBadge(on canvas: inout ImageCanvas) {
        let face = face
        let radius = Double(face.width) * 0.12
        let centerX = Double(face.x + face.width) - radius * 0.15
        let centerY = Double(face.y) - radius * 0.1
        canvas.fillEllipse(
            centerX: centerX, centerY: centerY, radiusX: radius, radiusY: radius,
            color: ImageColor(red: 250, green: 204, blue: 21))
        canvas.fillEllipse(
            centerX: centerX, centerY: centerY, radiusX: radius - 3, radiusY: radius - 3,
            color: ImageColor(red: 220, green: 38, blue: 38))
        let label = "V\(style.version)"
        let scale = label.count > 2 ? 2 : 3
        canvas.drawText(
            label, centerX: Int(centerX), y: Int(centerY) - 7 * scale / 2, scale: scale, color: .white)
    }

    /// Black or white, whichever reads better on `color`.
    static func ink(on color: ImageColor) -> ImageColor {
        let luma = 0.299 * Double(color.red) + 0.587 * Double(color.green) + 0.114 * Double(color.blue)
        return luma > 150 ? ImageColor(grey: 25) : .white
    }
}
