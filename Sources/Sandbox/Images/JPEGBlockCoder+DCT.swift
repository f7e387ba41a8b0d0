extension JPEGBlockCoder {
    /// The separable forward DCT of Arai, Agui and Nakajima (as in libjpeg's `jfdctflt.c`), in place
    /// on 64 samples in row-major order. Outputs are scaled by `aanScale[row] × aanScale[col] × 8`,
    /// which the quantization reciprocals undo.
    static func forwardDCT(_ data: UnsafeMutableBufferPointer<Float>) {
        for row in 0..<8 { transform(data, start: row * 8, step: 1) }
        for column in 0..<8 { transform(data, start: column, step: 8) }
    }

    /// One 8-point AAN DCT over `data[start + k × step]`, k = 0..<8.
    private static func transform(_ data: UnsafeMutableBufferPointer<Float>, start: Int, step: Int) {
        let d0 = data[start], d1 = data[start + step], d2 = data[start + 2 * step], d3 = data[start + 3 * step]
        let d4 = data[start + 4 * step], d5 = data[start + 5 * step]
        let d6 = data[start + 6 * step], d7 = data[start + 7 * step]
        let tmp0 = d0 + d7, tmp7 = d0 - d7, tmp1 = d1 + d6, tmp6 = d1 - d6
        let tmp2 = d2 + d5, tmp5 = d2 - d5, tmp3 = d3 + d4, tmp4 = d3 - d4
        // Even part.
        let tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2
        data[start] = tmp10 + tmp11
        data[start + 4 * step] = tmp10 - tmp11
        let z1 = (tmp12 + tmp13) * 0.707_106_781
        data[start + 2 * step] = tmp13 + z1
        data[start + 6 * step] = tmp13 - z1
        // Odd part.
        let odd10 = tmp4 + tmp5, odd11 = tmp5 + tmp6, odd12 = tmp6 + tmp7
        let z5 = (odd10 - odd12) * 0.382_683_433
        let z2 = 0.541_196_100 * odd10 + z5
        let z4 = 1.306_562_965 * odd12 + z5
        let z3 = odd11 * 0.707_106_781
        let z11 = tmp7 + z3, z13 = tmp7 - z3
        data[start + 5 * step] = z13 + z2
        data[start + 3 * step] = z13 - z2
        data[start + step] = z11 + z4
        data[start + 7 * step] = z11 - z4
    }
}
