/// What kind of text a document is.
public enum DocumentKind: String, Hashable, Sendable, Codable {
  case resolution
  case decision
  /// Text before the first header of a file, or that cannot be attributed.
  case fragment
}

/// One resolution or decision, or a fragment.
public struct Document: Hashable, Sendable, Identifiable {
  /// Stable and unique in the corpus: what `show ID`, `:ID` and links use.
  /// `R1316` for a Council resolution, `D482` for a Council decision,
  /// `PP-R71` for a Plenipotentiary resolution, `fragment-<file stem>-<line>`.
  public var id: String
  public var kind: DocumentKind
  /// Issuing body when known: `"Council"`, `"Plenipotentiary Conference"`.
  public var body: String?
  /// `"1316"`; nil for a fragment.
  public var number: String?
  /// As printed, without brackets: `"Rev. Dubai, 2018"`, `"modified 2011"`,
  /// `"C-1985, last amended C19"`.
  public var revision: String?
  /// Session code or year of adoption when known: `"C09"`, `"2018"`.
  public var session: String?
  /// Whitespace-normalised title.
  public var title: String?
  /// Footnotes whose marker stands in the title (anchors are offsets into
  /// `title`).
  public var titleFootnotes: [Footnote] = []
  /// The enacting line without its comma: `"The Council"`.
  public var authority: String?
  /// The compilation chapter it stands in: `"3.2 Council"`.
  public var chapter: String?
  /// The header line (first line for a fragment).
  public var location: SourceLocation
  public var sections: [Section]
  public var annexes: [Annex]
  /// The document symbols of the closing `Ref.:` line, normalised.
  public var sources: [String]
  /// The `Ref.:` line's text after `Ref.:`, as printed (for display and
  /// reference spans).
  public var sourcesLine: String?
  /// Every reference found in the document, in reading order.
  public var references: [Reference]

  public init(
    id: String, kind: DocumentKind, body: String? = nil, number: String? = nil,
    revision: String? = nil, session: String? = nil, title: String? = nil,
    authority: String? = nil, chapter: String? = nil, location: SourceLocation,
    sections: [Section] = [], annexes: [Annex] = [], sources: [String] = [],
    sourcesLine: String? = nil, references: [Reference] = []
  ) {
    self.id = id
    self.kind = kind
    self.body = body
    self.number = number
    self.revision = revision
    self.session = session
    self.title = title
    self.authority = authority
    self.chapter = chapter
    self.location = location
    self.sections = sections
    self.annexes = annexes
    self.sources = sources
    self.sourcesLine = sourcesLine
    self.references = references
  }

  /// Every clause of every section, then of every annex, depth first.
  public var allClauses: [Clause] {
    sections.flatMap { $0.clauses.flatMap(\.flattened) }
      + annexes.flatMap { $0.clauses.flatMap(\.flattened) }
  }

  /// The clause with this citation path, if any.
  public func clause(atPath path: String) -> Clause? {
    allClauses.first { $0.path == path }
  }
}

/// A clause of the corpus, named by its document and citation path.
public struct ClauseAddress: Hashable, Sendable, Codable {
  public var documentID: String
  /// Clause path; nil names the document itself.
  public var path: String?

  public init(documentID: String, path: String? = nil) {
    self.documentID = documentID
    self.path = path
  }
}
