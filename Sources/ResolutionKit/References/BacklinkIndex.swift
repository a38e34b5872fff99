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
/// Built from the resolved references, on all cores.
public struct BacklinkIndex: Sendable {
  /// What cites one document.
  private struct Entry: Sendable {
    /// Every backlink, in corpus order.
    var links: [Backlink] = []
    /// Per pinpointed clause path, positions into `links`, ascending.
    var byClause: [String: [Int]] = [:]
  }
  private var byDocument: [String: Entry] = [:]

  public init() {}

  /// Indexes the resolved references of `documents` (given in corpus order).
  /// References without a target (dangling or ambiguous) are not indexed,
  /// nor a `Ref.:` line's symbols that resolve to its own document.
  ///
  /// Each reference's target is looked up once, the references are grouped
  /// by target with integer keys, and each group's links are made in
  /// parallel: a corpus has hundreds of thousands of references.
  public init(documents: [Document]) {
    var positionByID = [String: Int32](minimumCapacity: documents.count)
    for (position, document) in documents.enumerated() where positionByID[document.id] == nil {
      positionByID[document.id] = Int32(position)
    }
    let lookup = positionByID
    // Per citing document, the target position of each reference (-1: none).
    let targets = Array(documents.indices).concurrentMap { position -> [Int32] in
      let document = documents[position]
      return document.references.withUnsafeBufferPointer { references in
        references.map { reference in
          guard let target = reference.target,
            !(reference.field == .sources && target == document.id)
          else { return -1 }
          return lookup[target] ?? -1
        }
      }
    }
    // Counting sort by target, stable: each target's citations in corpus order.
    var start = [Int](repeating: 0, count: documents.count + 1)
    for list in targets { for target in list where target >= 0 { start[Int(target) + 1] += 1 } }
    for position in documents.indices { start[position + 1] += start[position] }
    var next = start
    var citations = [(document: Int32, reference: Int32)](
      repeating: (0, 0), count: start[documents.count])
    for (document, list) in targets.enumerated() {
      for (reference, target) in list.enumerated() where target >= 0 {
        citations[next[Int(target)]] = (Int32(document), Int32(reference))
        next[Int(target)] += 1
      }
    }
    let cited = documents.indices.filter { start[$0] < start[$0 + 1] }
    let sortedCitations = citations
    let bounds = start
    let entries = cited.concurrentMap { target -> Entry in
      var entry = Entry()
      entry.links.reserveCapacity(bounds[target + 1] - bounds[target])
      for (document, referenceIndex) in sortedCitations[bounds[target]..<bounds[target + 1]] {
        // Fields read in place: a whole Reference or Document copy costs
        // a retain per string it holds.
        let document = Int(document)
        let index = Int(referenceIndex)
        let path = documents[document].references[index].path
        let position = entry.links.count
        entry.links.append(
          Backlink(
            source: ClauseAddress(
              documentID: documents[document].id, path: path.isEmpty ? nil : path),
            referenceIndex: index, pinpoint: documents[document].references[index].pinpoint,
            field: documents[document].references[index].field))
        let pinpoints = documents[document].references[index].pinpoints
        if pinpoints.count == 1 {
          entry.byClause[pinpoints[0], default: []].append(position)
        } else {
          var seen: Set<String> = []
          for pinpoint in pinpoints where seen.insert(pinpoint).inserted {
            entry.byClause[pinpoint, default: []].append(position)
          }
        }
      }
      return entry
    }
    byDocument.reserveCapacity(cited.count)
    for (target, entry) in zip(cited, entries) { byDocument[documents[target].id] = entry }
  }

  /// Every place that cites the document, in corpus order.
  public func citing(documentID: String) -> [Backlink] {
    byDocument[documentID]?.links ?? []
  }

  /// Every place that cites this clause by pinpoint, or an enclosing clause
  /// (`resolves 1` for `resolves 1.1`), in corpus order. A nil path means
  /// the whole document.
  public func citing(_ address: ClauseAddress) -> [Backlink] {
    guard let path = address.path else { return citing(documentID: address.documentID) }
    guard let entry = byDocument[address.documentID] else { return [] }
    let links = entry.links
    var positions: [Int] = []
    var enclosing = Substring(path)
    while true {
      positions += entry.byClause[String(enclosing)] ?? []
      guard let dot = enclosing.lastIndex(of: ".") else { break }
      enclosing = enclosing[..<dot]
    }
    return Set(positions).sorted().map { links[$0] }
  }

  /// How many documents are cited at least once.
  public var citedDocumentCount: Int { byDocument.count }
}
