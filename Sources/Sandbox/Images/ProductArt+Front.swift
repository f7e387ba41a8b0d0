extension ProductArt {
    /// The front face: brand band, emblem, product name and net weight.
    func drawFrontFace(on canvas: inout ImageCanvas) {
        let face = face
        let centerX = face.x + face.width / 2
        let bandHeight = face.height / 5
        let bandY = face.y + face.height / 12
        canvas.fillRect(x: face.x, y: bandY, width: face.width, height: bandHeight, color: style.accent)
        canvas.fillRect(x: face.x, y: bandY + bandHeight, width: face.width, height: 4, color: style.highlight)
        let brandScale = max(2, min(6, (face.width - 30) / max(1, BitmapFont.width(of: style.brand, scale: 1))))
        canvas.drawText(
            style.brand, centerX: centerX, y: bandY + (bandHeight - 7 * brandScale) / 2, scale: brandScale,
            color: ProductArt.ink(on: style.accent))
        let emblemY = Double(face.y) + Double(face.height) * 0.55
        drawEmblem(on: &canvas, centerX: Double(centerX), centerY: emblemY, radius: Double(face.width) * 0.3)
        let ink = ProductArt.ink(on: style.main)
        let nameY = face.y + Int(Double(face.height) * 0.8)
        canvas.drawText(style.productName, centerX: centerX, y: nameY, scale: 2, color: ink)
        canvas.drawText(style.netWeight, centerX: centerX, y: nameY + 22, scale: 1, color: ink)
    }

    /// The emblem in the middle of the front, in the shape the style picked.
    private func drawEmblem(on canvas: inout ImageCanvas, centerX: Double, centerY: Double, radius: Double) {
        switch style.emblem {
        case .disc:
            canvas.fillEllipse(
                centerX: centerX, centerY: centerY, radiusX: radius, radiusY: radius, color: style.highlight)
            canvas.fillEllipse(
                centerX: centerX, centerY: centerY, radiusX: radius * 0.7, radiusY: radius * 0.7, color: style.accent)
            canvas.fillEllipse(
                centerX: centerX - radius * 0.2, centerY: centerY - radius * 0.2, radiusX: radius * 0.25,
                radiusY: radius * 0.25, color: style.highlight.withAlpha(150))
        case .diamond:
            canvas.fillConvexPolygon(
                [
                    (centerX, centerY - radius), (centerX + radius, centerY), (centerX, centerY + radius),
                    (centerX - radius, centerY),
                ], color: style.highlight)
            canvas.fillConvexPolygon(
                [
                    (centerX, centerY - radius * 0.6), (centerX + radius * 0.6, centerY),
                    (centerX, centerY + radius * 0.6),
                    (centerX - radius * 0.6, centerY),
                ], color: style.accent)
        case .stripes:
            for index in 0..<5 {
                let offset = Double(index - 2) * radius * 0.4
                canvas.fillConvexPolygon(
                    [
                        (centerX + offset - radius * 0.5, centerY + radius),
                        (centerX + offset - radius * 0.3, centerY + radius),
                        (centerX + offset + radius * 0.5, centerY - radius),
                        (centerX + offset + radius * 0.3, centerY - radius),
                    ],
                    color: index.isMultiple(of: 2) ? style.highlight : style.accent)
            }
        case .sunburst:
            canvas.fillEllipse(
                centerX: centerX, centerY: centerY, radiusX: radius * 0.55, radiusY: radius * 0.55, color: style.accent)
            for ray in 0..<12 {
                let angle = Double(ray) * Double.pi / 6
                let spread = Double.pi / 24
                let inner = radius * 0.62
                canvas.fillConvexPolygon(
                    [
                        (
                            centerX + inner * ImageMath.cosine(angle - spread),
                            centerY + inner * ImageMath.sine(angle - spread)
                        ),
                        (centerX + radius * ImageMath.cosine(angle), centerY + radius * ImageMath.sine(angle)),
                        (
                            centerX + inner * ImageMath.cosine(angle + spread),
                            centerY + inner * ImageMath.sine(angle + spread)
                        ),
                    ],
                    color: style.highlight)
            }
        }
    }
}
