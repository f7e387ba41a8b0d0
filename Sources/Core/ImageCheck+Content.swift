extension ImageCheck {
    /// What the first bytes of a download look like.
    public enum Content: String, Sendable, Hashable {
        case jpeg, png, gif, webp, bmp, tiff, pdf, html, xml, json, text, unknown

        /// How the content is named in a sentence ("an HTML page").
        var phrase: String {
            switch self {
            case .jpeg: return "a JPEG image"
            case .png: return "a PNG image"
            case .gif: return "a GIF image"
            case .webp: return "a WebP image"
            case .bmp: return "a BMP image"
            case .tiff: return "a TIFF image"
            case .pdf: return "a PDF document"
            case .html: return "an HTML page"
            case .xml: return "an XML document"
            case .json: return "a JSON document"
            case .text: return "plain text"
            case .unknown: return "unrecognised binary data"
            }
        }

        /// The likely cause, starting with ": " (or empty).
        var hint: String {
            switch self {
            case .jpeg, .png: return ""
            case .gif, .webp, .bmp, .tiff, .pdf: return ": only JPEG and PNG are delivered by this API"
            case .html: return ": probably an error page from the CDN, a proxy or a captive portal"
            case .xml: return ": probably an error page from a storage service or proxy"
            case .json: return ": probably an API error body"
            case .text: return ": probably an error message from a server or proxy on the way"
            case .unknown: return ": the bytes are neither a JPEG nor a PNG"
            }
        }

        /// Classifies `bytes` by their first bytes. Input that is a cut-off signature (such as a lone
        /// `0xFF 0xD8`) counts as that format, so the walker reports it as cut short.
        init(sniffing bytes: [UInt8]) {
            let signatures: [(Content, [UInt8])] = [
                (.jpeg, [0xFF, 0xD8, 0xFF]),
                (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
                (.gif, Array("GIF8".utf8)), (.pdf, Array("%PDF-".utf8)),
                (.tiff, [0x49, 0x49, 0x2A, 0x00]), (.tiff, [0x4D, 0x4D, 0x00, 0x2A]),
            ]
            for (content, signature) in signatures where content == .jpeg || content == .png {
                if bytes.count < signature.count, bytes.elementsEqual(signature.prefix(bytes.count)) {
                    self = content
                    return
                }
            }
            for (content, signature) in signatures where bytes.starts(with: signature) {
                self = content
                return
            }
            if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) {
                self = .webp
            } else if bytes.starts(with: Array("BM".utf8)), bytes.count >= 26, bytes[6..<10].allSatisfy({ $0 == 0 }) {
                self = .bmp
            } else {
                self = Content(text: bytes.prefix(1024))
            }
        }

        /// Classifies the start of a download that is no known binary format: markup, JSON, text.
        private init(text head: ArraySlice<UInt8>) {
            var body = head
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            body = body.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            let isText = !head.isEmpty && head.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard isText, let first = body.first else {
                self = isText ? .text : .unknown
                return
            }
            let lowered = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
            switch first {
            case UInt8(ascii: "<"):
                let isHTML =
                    lowered.hasPrefix("<!doctype html") || lowered.contains("<html")
                    || lowered.contains("<head") || lowered.contains("<body") || !lowered.hasPrefix("<?xml")
                self = isHTML ? .html : .xml
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                self = .json
            default:
                self = .text
            }
        }
    }
}
