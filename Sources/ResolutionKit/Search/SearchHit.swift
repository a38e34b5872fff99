/// Which text of a document a search hit stands in.
public enum SearchField: String, Hashable, Sendable, Codable {
  /// The document itself, offered for a query naming its number or symbol.
  case document
  case title
  /// A section heading or an annex heading/title.
  case heading
  case clause
  /// A footnote of a clause (`path` is the clause's).
  case footnote
}

/// One ranked result.
public struct SearchHit: Hashable, Sendable {
  public var documentID: String
  /// Clause path for clause and footnote hits; nil for the document, its
  /// title and a heading.
  public var path: String?
  /// The section (or annex) heading the hit stands under; nil for the
  /// document and its title.
  public var heading: String?
  public var field: SearchField
  public var score: Double
  public var snippet: Snippet
  /// The document named by a number or symbol query, offered first.
  public var isDocumentMatch: Bool

  public var address: ClauseAddress { ClauseAddress(documentID: documentID, path: path) }

  public init(
    documentID: String, path: String?, heading: String?, field: SearchField, score: Double,
    snippet: Snippet, isDocumentMatch: Bool = false
  ) {
    self.documentID = documentID
    self.path = path
    self.heading = heading
    self.field = field
    self.score = score
    self.snippet = snippet
    self.isDocumentMatch = isDocumentMatch
  }
}

/// A short excerpt with the matched words marked.
public struct Snippet: Hashable, Sendable, Codable {
  /// About 120 characters around the best match, cut at word boundaries,
  /// `…` where text was left out. Document text: sanitise before printing.
  public var text: String
  /// Matched ranges as Character (grapheme cluster) offsets into `text`,
  /// sorted and not overlapping.
  public var highlights: [Range<Int>]

  public init(text: String, highlights: [Range<Int>] = []) {
    self.text = text
    self.highlights = highlights
  }
}
