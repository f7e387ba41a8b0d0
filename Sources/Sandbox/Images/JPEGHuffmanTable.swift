/// One JPEG Huffman table in its file form (code counts per length, symbols) and as an encoder
/// lookup (code and length per symbol), built as Annex C of the standard describes.
struct JPEGHuffmanTable {
    /// How many codes have each length 1...16.
    let counts: [UInt8]
    /// The symbols in code order.
    let symbols: [UInt8]
    /// `codes[symbol]`, valid where `lengths[symbol] > 0`.
    let codes: [UInt16]
    /// `lengths[symbol]` in bits; 0 for symbols the table lacks.
    let lengths: [UInt8]

    init(counts: [UInt8], symbols: [UInt8]) {
        precondition(counts.count == 16 && counts.reduce(0, { $0 + Int($1) }) == symbols.count)
        self.counts = counts
        self.symbols = symbols
        var codes = [UInt16](repeating: 0, count: 256)
        var lengths = [UInt8](repeating: 0, count: 256)
        var code: UInt16 = 0
        var index = 0
        for length in 1...16 {
            for _ in 0..<Int(counts[length - 1]) {
                codes[Int(symbols[index])] = code
                lengths[Int(symbols[index])] = UInt8(length)
                code += 1
                index += 1
            }
            code <<= 1
        }
        self.codes = codes
        self.lengths = lengths
    }

    static let luminanceDC = JPEGHuffmanTable(
        counts: JPEGTables.luminanceDCCounts, symbols: JPEGTables.luminanceDCSymbols)
    static let chrominanceDC = JPEGHuffmanTable(
        counts: JPEGTables.chrominanceDCCounts, symbols: JPEGTables.chrominanceDCSymbols)
    static let luminanceAC = JPEGHuffmanTable(
        counts: JPEGTables.luminanceACCounts, symbols: JPEGTables.luminanceACSymbols)
    static let chrominanceAC = JPEGHuffmanTable(
        counts: JPEGTables.chrominanceACCounts, symbols: JPEGTables.chrominanceACSymbols)
}
