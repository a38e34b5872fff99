/// One reference as JSON: the corpus export's fields, and with `.full`
/// the extras `refs --json` gives scripts (every pinpoint, the field, the
/// footnote, the byte span). One encoder, so the two never disagree.
public struct ReferenceRecord: Encodable, Sendable {
  public enum Detail: Sendable {
    /// The export contract's fields (docs/corpus-json.md).
    case contract
    /// The contract's fields plus pinpoints, field, footnote and span.
    case full
  }

  public let reference: Reference
  public let detail: Detail

  public init(_ reference: Reference, detail: Detail = .contract) {
    self.reference = reference
    self.detail = detail
  }

  enum Keys: String, CodingKey {
    case kind, text, number, body, symbol, revision, pinpoint, pinpoints, field, footnote, span
    case target, candidates
    case path = "in"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(reference.kind, forKey: .kind)
    try container.encode(reference.text, forKey: .text)
    try container.encode(reference.number, forKey: .number)
    try container.encode(reference.body, forKey: .body)
    try container.encode(reference.symbol, forKey: .symbol)
    try container.encode(reference.revision, forKey: .revision)
    try container.encode(reference.pinpoint, forKey: .pinpoint)
    try container.encode(reference.target, forKey: .target)
    switch detail {
    case .contract:
      if !reference.candidates.isEmpty {
        try container.encode(reference.candidates, forKey: .candidates)
      }
      try container.encode(reference.path, forKey: .path)
    case .full:
      try container.encode(reference.candidates, forKey: .candidates)
      try container.encode(reference.path.isEmpty ? nil : reference.path, forKey: .path)
      try container.encode(reference.pinpoints, forKey: .pinpoints)
      try container.encode(reference.field, forKey: .field)
      try container.encode(reference.footnote, forKey: .footnote)
      try container.encode([reference.span.lowerBound, reference.span.upperBound], forKey: .span)
    }
  }
}
