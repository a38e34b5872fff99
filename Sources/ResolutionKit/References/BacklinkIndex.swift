/// A place (title, heading, clause, footnote or `Ref.:` line) that cites a
/// document.
public struct Backlink: Hashable, Sendable {
  /// The citing document and the `path` of the reference (clause path or
  /// heading; nil for the title and the `Ref.:` line).
  public var source: ClauseAddress
  /// Index of the reference in the citing document's `references`.
  public var referenceIndex: Int
  /// The first pinpointed clause path in the cited document, when written.
  public var pinpoint: String?
  /// Which text of the citing document the reference stands in.
  public var field: ReferenceField

  public init(
    source: ClauseAddress, referenceIndex: Int, pinpoint: String? = nil,
    field: ReferenceField = .clause
  ) {
    self.source = source
    self.referenceIndex = referenceIndex
    self.pinpoint = pinpoint
    self.field = field
  }
}

/// For a document or a clause, every place that cites it, in corpus order.
/// Built in one pass over the resolved references.
public struct BacklinkIndex: Sendable {
  /// Per cited document, every backlink in corpus order.
  private var byDocument: [String: [Backlink]] = [:]
  /// Per cited clause (document + pinpoint path), positions into
  /// `byDocument[documentID]`, ascending.
  private var byClause: [ClauseAddress: [Int]] = [:]

  public init() {}

  /// Indexes the resolved references of `documents` (given in corpus order).
  /// References without a target (dangling or ambiguous) are not indexed,
  /// nor a `Ref.:` line's symbols that resolve to its own document.
  public init(documents: [Document]) {
    for document in documents {
      for (referenceIndex, reference) in document.references.enumerated() {
        // A `Ref.:` line naming the document's own sources is not a citation.
        guard let target = reference.target,
          !(reference.field == .sources && target == document.id)
        else { continue }
        let link = Backlink(
          source: ClauseAddress(
            documentID: document.id, path: reference.path.isEmpty ? nil : reference.path),
          referenceIndex: referenceIndex, pinpoint: reference.pinpoint, field: reference.field)
        let position = byDocument[target, default: []].count
        byDocument[target, default: []].append(link)
        var seen: Set<String> = []
        for pinpoint in reference.pinpoints where seen.insert(pinpoint).inserted {
          byClause[ClauseAddress(documentID: target, path: pinpoint), default: []].append(position)
        }
      }
    }
  }

  /// Every place that cites the document, in corpus order.
  public func citing(documentID: String) -> [Backlink] {
    byDocument[documentID] ?? []
  }

  /// Every place that cites this clause by pinpoint, or an enclosing clause
  /// (`resolves 1` for `resolves 1.1`), in corpus order. A nil path means
  /// the whole document.
  public func citing(_ address: ClauseAddress) -> [Backlink] {
    guard let path = address.path else { return citing(documentID: address.documentID) }
    let links = citing(documentID: address.documentID)
    var positions: [Int] = []
    var enclosing = Substring(path)
    while true {
      positions +=
        byClause[ClauseAddress(documentID: address.documentID, path: String(enclosing))]
        ?? []
      guard let dot = enclosing.lastIndex(of: ".") else { break }
      enclosing = enclosing[..<dot]
    }
    return Set(positions).sorted().map { links[$0] }
  }

  /// How many documents are cited at least once.
  public var citedDocumentCount: Int { byDocument.count }
}
