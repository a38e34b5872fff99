/// A place in the reader: what history records and restores.
public struct Location: Hashable, Sendable {
  public var documentID: String
  public var clausePath: String?
  /// First reader line shown; nil: put the clause in view.
  public var scroll: Int?
  /// The selected reference, when one was.
  public var reference: Int?
  /// The selected footnote (its marker, or its text), when one was.
  public var footnote: FootnoteSelection?
  /// The search this place was left for (by opening a result): back
  /// shows its results again.
  public var search: SavedSearch?

  public init(
    documentID: String, clausePath: String? = nil, scroll: Int? = nil, reference: Int? = nil,
    footnote: FootnoteSelection? = nil
  ) {
    self.documentID = documentID
    self.clausePath = clausePath
    self.scroll = scroll
    self.reference = reference
    self.footnote = footnote
  }

  /// `R1316 › resolves 2`
  public var label: String {
    clausePath.map { "\(documentID) › \($0)" } ?? documentID
  }
}

/// A search as the user left it: what was typed and which result was
/// chosen.
public struct SavedSearch: Hashable, Sendable {
  public var input: String
  public var selection: Int

  public init(input: String, selection: Int) {
    self.input = input
    self.selection = selection
  }
}

/// A footnote selected in the reader: at its marker in the text, or at
/// its own text under the clause (`atNote`).
public struct FootnoteSelection: Hashable, Sendable {
  public var footnote: FootnoteID
  public var atNote: Bool

  public init(footnote: FootnoteID, atNote: Bool) {
    self.footnote = footnote
    self.atNote = atNote
  }
}
