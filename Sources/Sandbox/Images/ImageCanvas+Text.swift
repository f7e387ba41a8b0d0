extension ImageCanvas {
    /// Draws `text` in the 5×7 ``BitmapFont`` with its top-left corner at (`x`, `y`), each font pixel
    /// a `scale`×`scale` square. Letters are upper-cased; characters the font lacks print as spaces.
    mutating func drawText(_ text: String, x: Int, y: Int, scale: Int, color: ImageColor) {
        var left = x
        for character in text.uppercased() {
            if let rows = BitmapFont.rows(of: character) {
                for (rowIndex, bits) in rows.enumerated() {
                    for column in 0..<BitmapFont.glyphWidth where bits & (0x10 >> column) != 0 {
                        fillRect(
                            x: left + column * scale, y: y + rowIndex * scale, width: scale, height: scale,
                            color: color)
                    }
                }
            }
            left += (BitmapFont.glyphWidth + 1) * scale
        }
    }

    /// Draws `text` centred horizontally on `centerX`.
    mutating func drawText(_ text: String, centerX: Int, y: Int, scale: Int, color: ImageColor) {
        let width = BitmapFont.width(of: text, scale: scale)
        drawText(text, x: centerX - width / 2, y: y, scale: scale, color: color)
    }
}
