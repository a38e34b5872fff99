/// What a reference points at.
public enum ReferenceKind: String, Hashable, Sendable, Codable {
  case resolution
  case decision
  case document
  /// Named instruments: Constitution, Convention, Tunis Commitment, …
  case other
}

/// Which text of a document a reference stands in.
public enum ReferenceField: String, Hashable, Sendable, Codable {
  case title
  /// A section heading; `ReferencePlace.path` is the heading.
  case heading
  /// A clause's text; `ReferencePlace.path` is the clause path.
  case clause
  /// A footnote of a clause; `path` is the clause path, `footnote` its index.
  case footnote
  /// An annex title; `path` is the annex heading.
  case annexTitle
  /// The closing `Ref.:` line.
  case sources
}

/// One reference found in a document's text, and where it leads.
///
/// Its strings are kept as numbers in `InternedStrings`, and the stored
/// properties are sized so that the struct packs into 56 bytes (eight
/// `String` values took 160, and every copy of a citation its own
/// text): a corpus holds one per citation, 120,000 at 10,000
/// resolutions.
public struct Reference: Hashable, Sendable {
  private var textNumber: UInt32
  private var numberNumber: UInt32
  private var bodyNumber: UInt32
  private var symbolNumber: UInt32
  private var revisionNumber: UInt32
  private var pinpointNumber: UInt32
  private var pathNumber: UInt32
  private var targetNumber: UInt32
  /// Ids of every candidate when the target is ambiguous.
  public var candidates: [String]
  /// A field's text longer than 4 GB cannot be loaded, nor a span longer.
  private var spanStart: UInt32
  private var spanCount: UInt32
  /// -1 for none (a negative index reads as none).
  private var footnoteIndex: Int32
  public var kind: ReferenceKind
  /// Which text the reference stands in, and which clause or heading.
  public var field: ReferenceField

  public init(
    kind: ReferenceKind, text: String, number: String? = nil, body: String? = nil,
    symbol: String? = nil, revision: String? = nil, pinpoint: String? = nil,
    field: ReferenceField, path: String, footnote: Int? = nil, span: Range<Int>,
    target: String? = nil, candidates: [String] = []
  ) {
    self.textNumber = InternedStrings.number(of: text)
    self.numberNumber = InternedStrings.number(of: number)
    self.bodyNumber = InternedStrings.number(of: body)
    self.symbolNumber = InternedStrings.number(of: symbol)
    self.revisionNumber = InternedStrings.number(of: revision)
    self.pinpointNumber = InternedStrings.number(of: pinpoint)
    self.pathNumber = InternedStrings.number(of: path)
    self.targetNumber = InternedStrings.number(of: target)
    self.candidates = candidates
    self.spanStart = UInt32(clamping: span.lowerBound)
    self.spanCount = UInt32(clamping: span.count)
    self.footnoteIndex = footnote.map { Int32(clamping: $0) } ?? -1
    self.kind = kind
    self.field = field
  }

  /// The exact span as it stands in the text.
  public var text: String {
    get { InternedStrings.string(textNumber) ?? "" }
    set { textNumber = InternedStrings.number(of: newValue) }
  }

  /// For a resolution or decision: `"1300"`.
  public var number: String? {
    get { InternedStrings.string(numberNumber) }
    set { numberNumber = InternedStrings.number(of: newValue) }
  }

  /// Stated or inferred issuing body: `"Council"`, `"Plenipotentiary Conference"`.
  public var body: String? {
    get { InternedStrings.string(bodyNumber) }
    set { bodyNumber = InternedStrings.number(of: newValue) }
  }

  /// For a document: spaces removed, `"C09/108(Rev.1)"`. For `other`: the
  /// instrument's name, `"Tunis Commitment"`.
  public var symbol: String? {
    get { InternedStrings.string(symbolNumber) }
    set { symbolNumber = InternedStrings.number(of: newValue) }
  }

  /// Revision or session as printed, when written: `"Rev. Guadalajara, 2010"`.
  public var revision: String? {
    get { InternedStrings.string(revisionNumber) }
    set { revisionNumber = InternedStrings.number(of: newValue) }
  }

  /// A clause pinpoint when written: `"resolves 2"`.
  public var pinpoint: String? {
    get { InternedStrings.string(pinpointNumber) }
    set { pinpointNumber = InternedStrings.number(of: newValue) }
  }

  /// Clause path (or section/annex heading) where it stands; `""` for the
  /// title and the `Ref.:` line. Exported as `in`.
  public var path: String {
    get { InternedStrings.string(pathNumber) ?? "" }
    set { pathNumber = InternedStrings.number(of: newValue) }
  }

  /// Id of the corpus document it resolves to; nil when not in the corpus
  /// or still ambiguous.
  public var target: String? {
    get { InternedStrings.string(targetNumber) }
    set { targetNumber = InternedStrings.number(of: newValue) }
  }

  /// Footnote index within the clause, when `field == .footnote`.
  public var footnote: Int? {
    get { footnoteIndex < 0 ? nil : Int(footnoteIndex) }
    set { footnoteIndex = newValue.map { Int32(clamping: $0) } ?? -1 }
  }

  /// UTF-8 byte offsets of `text` within that field's text.
  public var span: Range<Int> {
    get { Int(spanStart)..<(Int(spanStart) + Int(spanCount)) }
    set {
      spanStart = UInt32(clamping: newValue.lowerBound)
      spanCount = UInt32(clamping: newValue.count)
    }
  }
}
