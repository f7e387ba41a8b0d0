/// A signed, single-use, IP-bound image URL issued by Retail Digitals.
///
/// It is only good for an immediate download from this process (``RetailDigitalsClient/downloadImage(_:barcode:variant:purpose:deadline:)``):
/// it prints as `[signed image URL]`, is never logged, never persisted and never shown to the POS.
public struct SignedImageURL: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The absolute URL, for the downloader only.
    let url: String

    init(url: String) { self.url = url }

    public var description: String { "[signed image URL]" }
    public var debugDescription: String { "[signed image URL]" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
