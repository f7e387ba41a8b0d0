import Core

/// A disagreement between the image index and the files, found by ``ImageStore/verify(index:)``.
public struct ImageProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// No file where the index points.
        case missing
        /// The file's size differs from the index.
        case sizeMismatch(expected: Int64, actual: Int64)
        /// The file's SHA-256 differs from the index (same size: flipped bytes).
        case hashMismatch(expected: String, actual: String)
        /// The index row's path is not where the store puts that barcode and variant.
        case unexpectedPath(expected: String)
        /// The file could not be read.
        case unreadable(String)
    }

    public var barcode: Barcode
    public var variant: ImageVariant
    /// The index row's relative path.
    public var relativePath: String
    public var kind: Kind

    public init(barcode: Barcode, variant: ImageVariant, relativePath: String, kind: Kind) {
        self.barcode = barcode
        self.variant = variant
        self.relativePath = relativePath
        self.kind = kind
    }

    public var description: String {
        let subject = "\(barcode.digits) \(variant.rawValue) (\(relativePath))"
        switch kind {
        case .missing: return "\(subject): the file is missing"
        case .sizeMismatch(let expected, let actual):
            return "\(subject): the file has \(actual) bytes, the index says \(expected)"
        case .hashMismatch(let expected, let actual):
            return "\(subject): the file's sha256 is \(actual), the index says \(expected)"
        case .unexpectedPath(let expected): return "\(subject): the index should point at \(expected)"
        case .unreadable(let cause): return "\(subject): \(cause)"
        }
    }
}
