import ResolutionKit

/// The `/` overlay: what is typed and the ranked results, refreshed on
/// every keystroke.
public struct SearchPanel: Hashable, Sendable {
  public var input: String
  public var hits: [SearchHit]
  /// The highlighted result.
  public var selection: Int
  /// The index is still being built: results come when it is ready.
  public var isIndexing: Bool

  public init(input: String = "", hits: [SearchHit] = [], selection: Int = 0, isIndexing: Bool) {
    self.input = input
    self.hits = hits
    self.selection = selection
    self.isIndexing = isIndexing
  }
}

/// The search the reader highlights after a result was opened; n and N
/// step through its matches and then on to the other results.
public struct ActiveSearch: Hashable, Sendable {
  public var input: String
  public var query: SearchQuery
  public var hits: [SearchHit]
  /// The result last opened.
  public var resultIndex: Int
  /// The reader line of the match last stepped to (nil: start from the
  /// screen).
  public var matchLine: Int?
  public var matchDocument: String?
}

/// The `F` overlay: every citation format with the current clause's
/// citation in it.
public struct CitationPicker: Hashable, Sendable {
  public struct Entry: Hashable, Sendable {
    public var format: CitationFormat
    /// The citation, or why the format cannot write it (a broken template).
    public var preview: Result<String, CitationError>
  }

  public var address: ClauseAddress
  public var entries: [Entry]
  public var selection: Int
}
