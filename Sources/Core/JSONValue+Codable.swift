extension JSONValue: Codable {
    /// Taken whole by ``JSONValueDecoder``, number texts and key order kept; other decoders are refused.
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? ValueDecoder else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "JSONValue decodes with JSONValueDecoder"))
        }
        self = decoder.value
    }

    /// Written whole by ``JSONValueEncoder``; other encoders are refused (they would round numbers).
    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? ValueEncoder else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "JSONValue encodes with JSONValueEncoder")
            )
        }
        encoder.node.content = .value(self)
    }
}

extension Credits: Codable {
    /// A JSON number exact to the thousandth (else the nearest), within `Int64` thousandths.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        guard case .number(let text) = json else {
            throw DecodingError.typeMismatch(Credits.self, .init(codingPath: decoder.codingPath, debugDescription: ""))
        }
        switch CheckedNumber.credits(text, in: Credits(thousandths: .min)...Credits(thousandths: .max)) {
        case .success(let credits): self = credits
        case .failure(let problem):
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\(problem): \(CheckedNumber.excerpt(text))"))
        }
    }

    /// As its ``description``: `2.6`, `0`.
    public func encode(to encoder: any Encoder) throws { try JSONValue.credits(self).encode(to: encoder) }
}
