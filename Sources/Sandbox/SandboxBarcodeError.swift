/// Why the sandbox refuses a barcode (its own wording, for a `400` message or a Retagly item error).
struct SandboxBarcodeError: Error, Sendable, CustomStringConvertible {
    let description: String
}
