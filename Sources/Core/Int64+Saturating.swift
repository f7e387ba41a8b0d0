extension Int64 {
    /// `value` rounded toward zero and clamped to `Int64`'s range, `NaN` giving 0: for instants and
    /// waits derived from data that came from outside, where a saturated value is harmless and a
    /// trap (what `Int64(_: Double)` does) would kill the process.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9_223_372_036_854_775_807.0 {
            self = .max
        } else if value <= -9_223_372_036_854_775_808.0 {
            self = .min
        } else {
            self = Int64(value)
        }
    }
}
