extension ImageCanvas {
    /// Adds luminance grain of up to ±`amplitude` levels to every visible pixel, like the sensor noise
    /// of a studio photo (it also gives JPEGs a realistic size). Transparent pixels stay untouched.
    mutating func addGrain(amplitude: Int, random: inout ImageRandom) {
        guard amplitude > 0 else { return }
        let span = UInt64(2 * amplitude + 1)
        pixels.withUnsafeMutableBufferPointer { buffer in
            var bits: UInt64 = 0
            var left = 0
            for offset in stride(from: 0, to: buffer.count, by: 4) where buffer[offset + 3] != 0 {
                if left == 0 {
                    bits = random.next()
                    left = 8
                }
                let delta = Int((bits & 0xFF) % span) - amplitude
                bits >>= 8
                left -= 1
                for channel in offset..<(offset + 3) {
                    buffer[channel] = UInt8(clamping: Int(buffer[channel]) + delta)
                }
            }
        }
    }

    /// Adds `delta` (clamped) to the colour channels of every visible pixel in the square block of
    /// `size` at block coordinates (`blockX`, `blockY`).
    mutating func shiftBlock(blockX: Int, blockY: Int, size: Int, delta: Int) {
        let rows = (blockY * size)..<min(height, (blockY + 1) * size)
        let columns = (blockX * size)..<min(width, (blockX + 1) * size)
        let width = self.width
        pixels.withUnsafeMutableBufferPointer { buffer in
            for row in rows {
                for column in columns {
                    let offset = (row * width + column) * 4
                    guard buffer[offset + 3] != 0 else { continue }
                    for channel in offset..<(offset + 3) {
                        buffer[channel] = UInt8(clamping: Int(buffer[channel]) + delta)
                    }
                }
            }
        }
    }
}
