/// Trigonometry by Taylor series, so the drawings need no Foundation and come out bit-identical on
/// every platform (the watermark promise: same inputs, same bytes).
enum ImageMath {
    /// The sine of `angle` (radians), after reducing it to `-π...π`.
    static func sine(_ angle: Double) -> Double {
        var x = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
        if x > Double.pi { x -= 2 * Double.pi }
        if x < -Double.pi { x += 2 * Double.pi }
        var term = x
        var sum = x
        for n in 1..<12 {
            term *= -x * x / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    /// The cosine of `angle` (radians).
    static func cosine(_ angle: Double) -> Double { sine(angle + Double.pi / 2) }
}
