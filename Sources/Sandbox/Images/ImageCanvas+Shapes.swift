extension ImageCanvas {
    /// Fills the axis-aligned rectangle `x..<x+width`, `y..<y+height` (clipped to the canvas).
    mutating func fillRect(x: Int, y: Int, width: Int, height: Int, color: ImageColor) {
        let rows = max(0, y)..<max(max(0, y), min(self.height, y + height))
        let columns = max(0, x)..<max(max(0, x), min(self.width, x + width))
        guard color.alpha == 255 else {
            for row in rows {
                for column in columns { blend(x: column, y: row, color: color) }
            }
            return
        }
        let canvasWidth = self.width
        pixels.withUnsafeMutableBufferPointer { buffer in
            for row in rows {
                for column in columns {
                    let offset = (row * canvasWidth + column) * 4
                    buffer[offset] = color.red
                    buffer[offset + 1] = color.green
                    buffer[offset + 2] = color.blue
                    buffer[offset + 3] = 255
                }
            }
        }
    }

    /// Fills a rectangle with a vertical gradient from `top` to `bottom` (both opaque, or blended).
    mutating func fillGradient(x: Int, y: Int, width: Int, height: Int, top: ImageColor, bottom: ImageColor) {
        guard height > 0 else { return }
        for row in max(0, y)..<max(max(0, y), min(self.height, y + height)) {
            let t = Double(row - y) / Double(max(1, height - 1))
            func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
            let color = ImageColor(
                red: lerp(top.red, bottom.red), green: lerp(top.green, bottom.green),
                blue: lerp(top.blue, bottom.blue), alpha: lerp(top.alpha, bottom.alpha))
            fillRect(x: x, y: row, width: width, height: 1, color: color)
        }
    }

    /// Fills an ellipse centred on (`centerX`, `centerY`) with smooth (anti-aliased) edges; a
    /// `softness` above 0 fades it out over that share of the radius (a soft shadow).
    mutating func fillEllipse(
        centerX: Double, centerY: Double, radiusX: Double, radiusY: Double, color: ImageColor, softness: Double = 0
    ) {
        guard radiusX > 0, radiusY > 0 else { return }
        let scale = min(radiusX, radiusY)
        let rows = max(0, Int(centerY - radiusY) - 1)..<min(height, Int(centerY + radiusY) + 2)
        let columns = max(0, Int(centerX - radiusX) - 1)..<min(width, Int(centerX + radiusX) + 2)
        for row in rows {
            let dy = (Double(row) + 0.5 - centerY) / radiusY
            for column in columns {
                let dx = (Double(column) + 0.5 - centerX) / radiusX
                let inside = 1 - (dx * dx + dy * dy).squareRoot()
                let coverage = softness > 0 ? inside / softness : inside * scale + 0.5
                blend(x: column, y: row, color: color, coverage: coverage)
            }
        }
    }

    /// Fills a convex polygon (corners in either winding order) with smooth edges.
    mutating func fillConvexPolygon(_ corners: [(x: Double, y: Double)], color: ImageColor) {
        guard corners.count >= 3 else { return }
        let area = zip(corners, corners.dropFirst() + [corners[0]]).reduce(0.0) {
            $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y
        }
        let sign: Double = area >= 0 ? 1 : -1
        // Each edge as a unit normal pointing inwards and an offset: inside where a·x + b·y + c >= 0.
        let edges = zip(corners, corners.dropFirst() + [corners[0]]).map { start, end in
            let dx = end.x - start.x
            let dy = end.y - start.y
            let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            let a = -dy / length * sign
            let b = dx / length * sign
            return (a: a, b: b, c: -(a * start.x + b * start.y))
        }
        let rows = max(0, Int(corners.map(\.y).min()!) - 1)..<min(height, Int(corners.map(\.y).max()!) + 2)
        let columns = max(0, Int(corners.map(\.x).min()!) - 1)..<min(width, Int(corners.map(\.x).max()!) + 2)
        for row in rows {
            let py = Double(row) + 0.5
            for column in columns {
                let px = Double(column) + 0.5
                var nearest = Double.infinity
                for edge in edges { nearest = min(nearest, edge.a * px + edge.b * py + edge.c) }
                blend(x: column, y: row, color: color, coverage: nearest + 0.5)
            }
        }
    }

    /// Fills a rectangle with rounded corners of `radius`.
    mutating func fillRoundedRect(x: Int, y: Int, width: Int, height: Int, radius: Int, color: ImageColor) {
        let radius = max(0, min(radius, width / 2, height / 2))
        fillRect(x: x + radius, y: y, width: width - 2 * radius, height: height, color: color)
        fillRect(x: x, y: y + radius, width: radius, height: height - 2 * radius, color: color)
        fillRect(x: x + width - radius, y: y + radius, width: radius, height: height - 2 * radius, color: color)
        let r = Double(radius)
        for (cx, cy, left, top) in [
            (x + radius, y + radius, x, y), (x + width - radius, y + radius, x + width - radius, y),
            (x + radius, y + height - radius, x, y + height - radius),
            (x + width - radius, y + height - radius, x + width - radius, y + height - radius),
        ] {
            for row in top..<(top + radius) {
                for column in left..<(left + radius) {
                    let dx = Double(column) + 0.5 - Double(cx)
                    let dy = Double(row) + 0.5 - Double(cy)
                    blend(x: column, y: row, color: color, coverage: r - (dx * dx + dy * dy).squareRoot() + 0.5)
                }
            }
        }
    }
}
