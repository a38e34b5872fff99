/// A place in the reader: what history records and restores.
public struct Location: Hashable, Sendable {
  public var documentID: String
  public var clausePath: String?
  /// First reader line shown; nil: put the clause in view.
  public var scroll: Int?
  /// The selected reference, when one was.
  public var reference: Int?

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
