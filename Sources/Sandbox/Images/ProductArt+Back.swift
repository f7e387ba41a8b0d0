extension ProductArt {
    /// The back face: a nutrition panel, an ingredients block and the barcode.
    func drawBackFace(on canvas: inout ImageCanvas) {
        let face = face
        var random = ImageRandom(seed: style.seed ^ 0xBAC4)
        let margin = max(8, face.width / 20)
        let panelWidth = face.width / 2
        let panelHeight = Int(Double(face.height) * 0.6)
        let panelX = face.x + margin
        let panelY = face.y + margin * 2
        canvas.fillRect(x: panelX, y: panelY, width: panelWidth, height: panelHeight, color: ImageColor(grey: 20))
        canvas.fillRect(
            x: panelX + 2, y: panelY + 2, width: panelWidth - 4, height: panelHeight - 4, color: .white)
        canvas.drawText("NUTRITION", x: panelX + 6, y: panelY + 6, scale: 1, color: ImageColor(grey: 20))
        canvas.drawText("FACTS", x: panelX + 6, y: panelY + 16, scale: 2, color: ImageColor(grey: 20))
        canvas.fillRect(x: panelX + 4, y: panelY + 34, width: panelWidth - 8, height: 4, color: ImageColor(grey: 20))
        var lineY = panelY + 44
        while lineY + 12 < panelY + panelHeight {
            let labelWidth = Int(Double(panelWidth - 16) * random.fraction(in: 0.3...0.6))
            canvas.fillRect(x: panelX + 6, y: lineY, width: labelWidth, height: 5, color: ImageColor(grey: 60))
            let valueWidth = random.next(in: 10...22)
            canvas.fillRect(
                x: panelX + panelWidth - 6 - valueWidth, y: lineY, width: valueWidth, height: 5,
                color: ImageColor(grey: 60))
            canvas.fillRect(x: panelX + 4, y: lineY + 9, width: panelWidth - 8, height: 1, color: ImageColor(grey: 120))
            lineY += 13
        }
        let ink = ProductArt.ink(on: style.main)
        let textX = panelX + panelWidth + margin
        let textWidth = face.x + face.width - margin - textX
        canvas.drawText("INGREDIENTS", x: textX, y: panelY + 36, scale: 1, color: ink)
        drawTextLines(on: &canvas, x: textX, y: panelY + 50, width: textWidth, lines: 12, color: ink, random: &random)
        drawBarcode(on: &canvas, centerX: face.x + face.width / 2, y: panelY + panelHeight + margin)
    }

    /// Rows of word-like dashes that read as small print from a distance.
    private func drawTextLines(
        on canvas: inout ImageCanvas, x: Int, y: Int, width: Int, lines: Int, color: ImageColor,
        random: inout ImageRandom
    ) {
        for line in 0..<lines {
            var wordX = x
            let end = x + (line == lines - 1 ? width / 2 : width)
            while true {
                let wordWidth = random.next(in: 6...22)
                guard wordX + wordWidth <= end else { break }
                canvas.fillRect(x: wordX, y: y + line * 9, width: wordWidth, height: 4, color: color.withAlpha(200))
                wordX += wordWidth + 4
            }
        }
    }

    /// A UPC/EAN-style symbol of the barcode's last digits on a white label, digits printed below.
    private func drawBarcode(on canvas: inout ImageCanvas, centerX: Int, y: Int) {
        let modules = ProductArt.barModules(for: style.barcode)
        let moduleWidth = 2
        let symbolWidth = modules.count * moduleWidth
        let labelX = centerX - symbolWidth / 2 - 10
        canvas.fillRect(x: labelX, y: y, width: symbolWidth + 20, height: 62, color: .white)
        for (index, isBar) in modules.enumerated() where isBar {
            canvas.fillRect(
                x: labelX + 10 + index * moduleWidth, y: y + 6, width: moduleWidth, height: 40,
                color: ImageColor(grey: 10))
        }
        canvas.drawText(style.barcode, centerX: centerX, y: y + 50, scale: 1, color: ImageColor(grey: 10))
    }

    /// The bar modules (true = bar) of an even number of the barcode's digits: guard, left half in
    /// odd-parity codes, centre guard, right half in right-hand codes, guard (UPC-A for 12 digits,
    /// EAN-8 for 8; longer codes keep their last 12 digits).
    static func barModules(for barcode: String) -> [Bool] {
        let left: [UInt8] = [0x0D, 0x19, 0x13, 0x3D, 0x23, 0x31, 0x2F, 0x3B, 0x37, 0x0B]
        var digits = barcode.utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }.suffix(12)
        if digits.count % 2 == 1 { digits = [0] + digits }
        var modules: [Bool] = [true, false, true]
        for (index, digit) in digits.enumerated() {
            if index == digits.count / 2 { modules += [false, true, false, true, false] }
            let code = index < digits.count / 2 ? left[digit] : ~left[digit] & 0x7F
            for bit in (0..<7).reversed() { modules.append(code >> bit & 1 == 1) }
        }
        modules += [true, false, true]
        return modules
    }
}
