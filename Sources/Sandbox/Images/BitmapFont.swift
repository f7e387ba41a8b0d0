/// A 5×7 pixel font for the labels on sandbox product pictures: capitals, digits and a little
/// punctuation. Each glyph is seven rows of five bits, most significant bit leftmost.
enum BitmapFont {
    /// Glyph width and height in font pixels (plus one column of spacing between glyphs).
    static let glyphWidth = 5
    static let glyphHeight = 7

    /// The rows of `character`, or `nil` when the font has no such glyph (drawn as a space).
    static func rows(of character: Character) -> [UInt8]? {
        glyphs[character]
    }

    /// The width in canvas pixels of `text` drawn at `scale`.
    static func width(of text: String, scale: Int) -> Int {
        let count = text.count
        return count == 0 ? 0 : (count * (glyphWidth + 1) - 1) * scale
    }

    /// Glyph art, `#` for ink; parsed once into bit rows.
    private static let glyphs: [Character: [UInt8]] = {
        var table: [Character: [UInt8]] = [:]
        for (character, art) in glyphArt {
            let rows = art.split(separator: " ").map { row in
                row.reduce(UInt8(0)) { $0 << 1 | ($1 == "#" ? 1 : 0) }
            }
            precondition(rows.count == glyphHeight, "glyph \(character) needs \(glyphHeight) rows")
            table[character] = rows
        }
        return table
    }()
}
