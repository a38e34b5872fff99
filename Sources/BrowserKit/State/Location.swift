/// A place in the reader: what history records and restores.
public struct Location: Hashable, Sendable {
  public var documentID: String
  public var clausePath: String?
  /// First reader line shown; nil: put the clause in view.
  public var scroll: Int?
  /// The selected reference, when one was.
  public var reference: Int?
  /// The search this place was left for (by opening a result): back
  /// shows its results again.
  public var search: SavedSearch?

  public init(
    documentID: String, clausePath: String? = nil, scroll: Int? = nil, reference: Int? = nil
  ) {
    self.documentID = documentID
    self.clausePath = clausePath
    self.scroll = scroll
    self.reference = reference
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
