/// A clause (or title, heading, `Ref.:` line) that cites a document.
public struct Backlink: Hashable, Sendable {
  /// The citing document and clause path (nil path: title or `Ref.:` line).
  public var source: ClauseAddress
  /// Index of the reference in the citing document's `references`.
  public var referenceIndex: Int
  /// The pinpointed clause path in the cited document, when written.
  public var pinpoint: String?

  public init(source: ClauseAddress, referenceIndex: Int, pinpoint: String? = nil) {
    self.source = source
    self.referenceIndex = referenceIndex
    self.pinpoint = pinpoint
  }
}

/// For a document or a clause, every place that cites it.
public struct BacklinkIndex: Sendable {
  private var byDocument: [String: [Backlink]]

  public init(byDocument: [String: [Backlink]] = [:]) {
    self.byDocument = byDocument
  }

  /// Every place that cites the document, in corpus order.
  public func citing(documentID: String) -> [Backlink] {
    byDocument[documentID] ?? []
  }

  /// Every place that cites this clause by pinpoint (or an enclosing one).
  public func citing(_ address: ClauseAddress) -> [Backlink] {
    guard let path = address.path else { return citing(documentID: address.documentID) }
    return citing(documentID: address.documentID).filter { link in
      guard let pinpoint = link.pinpoint else { return false }
      return pinpoint == path || path.hasPrefix(pinpoint + ".")
    }
  }
}
