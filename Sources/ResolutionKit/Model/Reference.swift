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
/// Its strings are kept as numbers (`Interned`), and the stored properties
/// are sized so that the struct packs into 56 bytes (eight `String` values
/// took 160, and every copy of a citation its own text): a corpus holds
/// one per citation, 120,000 at 10,000 resolutions.
public struct Reference: Hashable, Sendable {
  /// The exact span as it stands in the text.
  @InternedText public var text: String
  /// For a resolution or decision: `"1300"`.
  @Interned public var number: String?
  /// Stated or inferred issuing body: `"Council"`, `"Plenipotentiary Conference"`.
  @Interned public var body: String?
  /// For a document: spaces removed, `"C09/108(Rev.1)"`. For `other`: the
  /// instrument's name, `"Tunis Commitment"`.
  @Interned public var symbol: String?
  /// Revision or session as printed, when written: `"Rev. Guadalajara, 2010"`.
  @Interned public var revision: String?
  /// A clause pinpoint when written: `"resolves 2"`.
  @Interned public var pinpoint: String?
  /// Clause path (or section/annex heading) where it stands; `""` for the
  /// title and the `Ref.:` line. Exported as `in`.
  @InternedText public var path: String
  /// Id of the corpus document it resolves to; nil when not in the corpus
  /// or still ambiguous.
  @Interned public var target: String?
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
    self.init(
      kind: kind, text: InternedText(wrappedValue: text), number: number, body: body,
      symbol: symbol, revision: revision, pinpoint: pinpoint, field: field,
      path: InternedText(wrappedValue: path),
      footnote: footnote, span: span, target: target, candidates: candidates)
  }

  /// With its text and path already numbered: the scanner numbers a
  /// span's bytes without making a `String` of them (most citations are
  /// new, and the table makes its own copy of a new one), and a path once
  /// per text, not once per reference.
  init(
    kind: ReferenceKind, text: InternedText, number: String?, body: String?, symbol: String?,
    revision: String?, pinpoint: String?, field: ReferenceField, path: InternedText,
    footnote: Int?, span: Range<Int>, target: String? = nil, candidates: [String] = []
  ) {
    self._text = text
    self.number = number
    self.body = body
    self.symbol = symbol
    self.revision = revision
    self.pinpoint = pinpoint
    self._path = path
    self.target = target
    self.candidates = candidates
    self.spanStart = UInt32(clamping: span.lowerBound)
    self.spanCount = UInt32(clamping: span.count)
    self.footnoteIndex = footnote.map { Int32(clamping: $0) } ?? -1
    self.kind = kind
    self.field = field
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
