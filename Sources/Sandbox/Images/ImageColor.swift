/// A straight (not premultiplied) RGBA colour with 8-bit channels.
struct ImageColor: Equatable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
    var alpha: UInt8

    init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A grey of the given level.
    init(grey level: UInt8, alpha: UInt8 = 255) {
        self.init(red: level, green: level, blue: level, alpha: alpha)
    }

    /// A colour from hue (degrees, any value), saturation and value (`0...1`).
    init(hue: Double, saturation: Double, value: Double, alpha: UInt8 = 255) {
        let wrapped = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        let sector = wrapped / 60
        let chroma = value * saturation
        let secondary = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let base = value - chroma
        let (r, g, b): (Double, Double, Double)
        switch Int(sector) {
        case 0: (r, g, b) = (chroma, secondary, 0)
        case 1: (r, g, b) = (secondary, chroma, 0)
        case 2: (r, g, b) = (0, chroma, secondary)
        case 3: (r, g, b) = (0, secondary, chroma)
        case 4: (r, g, b) = (secondary, 0, chroma)
        default: (r, g, b) = (chroma, 0, secondary)
        }
        self.init(
            red: ImageColor.channel(r + base), green: ImageColor.channel(g + base),
            blue: ImageColor.channel(b + base), alpha: alpha)
    }

    /// This colour with each channel scaled by `factor` (above 1 lightens towards white).
    func shaded(_ factor: Double) -> ImageColor {
        func scale(_ channel: UInt8) -> UInt8 {
            let value = Double(channel) / 255
            let result = factor <= 1 ? value * factor : value + (1 - value) * (factor - 1)
            return ImageColor.channel(result)
        }
        return ImageColor(red: scale(red), green: scale(green), blue: scale(blue), alpha: alpha)
    }

    /// This colour with another alpha.
    func withAlpha(_ alpha: UInt8) -> ImageColor {
        ImageColor(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// A `0...1` fraction as a channel byte, rounded and clamped.
    static func channel(_ fraction: Double) -> UInt8 {
        UInt8(max(0, min(255, (fraction * 255).rounded())))
    }

    static let white = ImageColor(grey: 255)
    static let black = ImageColor(grey: 0)
    static let clear = ImageColor(red: 0, green: 0, blue: 0, alpha: 0)
}
