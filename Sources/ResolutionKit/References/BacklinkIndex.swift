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
  /// Each citing document's citations are found in parallel (target looked
  /// up once), grouped by target with a counting sort on integer keys, and
  /// each target's links are made in parallel, references read in place:
  /// a corpus has hundreds of thousands of references.
  public init(documents: [Document]) {
    var positionByID = [String: Int32](minimumCapacity: documents.count)
    documents.withUnsafeBufferPointer { documents in
      // Ids read in place: a Document copy retains every string it holds.
      for position in documents.indices where positionByID[documents[position].id] == nil {
        positionByID[documents[position].id] = Int32(position)
      }
    }
    self.init(documents: documents, citing: Self.citations(in: documents, positionByID))
  }

  /// Indexes `citing`: per document of `documents`, its citations in
  /// reference order, each target the first document with the target's id.
  init(documents: [Document], citing: [[Citation]]) {
    // Counting sort by target, stable: each target's citations in corpus order.
    var start = [Int](repeating: 0, count: documents.count + 1)
    // Targets read in place, not whole citations.
    for list in citing {
      list.withUnsafeBufferPointer { list in
        for index in list.indices { start[Int(list[index].target) + 1] += 1 }
      }
    }
    for position in documents.indices { start[position + 1] += start[position] }
    var next = start
    // The reference's index itself, not the citation's: one memory read
    // fewer per link below.
    var order = [(document: Int32, reference: Int32)](
      repeating: (0, 0), count: start[documents.count])
    for (document, list) in citing.enumerated() {
      list.withUnsafeBufferPointer { list in
        for index in list.indices {
          let target = Int(list[index].target)
          order[next[target]] = (Int32(document), list[index].reference)
          next[target] += 1
        }
      }
    }
    let cited = documents.indices.filter { start[$0] < start[$0 + 1] }
    let sorted = order
    let bounds = start
    let entries = cited.concurrentMap { target -> Entry in
      var entry = Entry()
      entry.links.reserveCapacity(bounds[target + 1] - bounds[target])
      // Documents and references read through pointers: subscripting the
      // arrays here copied whole Documents (every string they hold
      // retained and released).
      documents.withUnsafeBufferPointer { documents in
        for (document, reference) in sorted[bounds[target]..<bounds[target + 1]] {
          let document = Int(document)
          let referenceIndex = Int(reference)
          documents[document].references.withUnsafeBufferPointer { references in
            let path = references[referenceIndex].path
            let position = entry.links.count
            entry.links.append(
              Backlink(
                source: ClauseAddress(
                  documentID: documents[document].id, path: path.isEmpty ? nil : path),
                referenceIndex: referenceIndex, pinpoint: references[referenceIndex].pinpoint,
                field: references[referenceIndex].field))
            guard references[referenceIndex].pinpoint != nil else { return }
            let pinpoints = references[referenceIndex].pinpoints
            var seen: Set<String> = []
            for pinpoint in pinpoints where pinpoints.count == 1 || seen.insert(pinpoint).inserted {
              entry.byClause[pinpoint, default: []].append(position)
            }
          }
        }
      }
      return entry
    }
    byDocument.reserveCapacity(cited.count)
    for (target, entry) in zip(cited, entries) { byDocument[documents[target].id] = entry }
  }

  /// One reference that cites a document of the corpus: plain integers,
  /// so that hundreds of thousands of them cost nothing to free.
  struct Citation: Sendable {
    /// Position of the cited document (the first with its id).
    var target: Int32
    /// Its index in the citing document's `references`.
    var reference: Int32
  }

  /// Per citing document, its citations in reference order.
  private static func citations(in documents: [Document], _ positionByID: [String: Int32])
    -> [[Citation]]
  {
    Array(documents.indices).concurrentMap { position in
      documents.withUnsafeBufferPointer { documents in
        let id = documents[position].id
        return documents[position].references.withUnsafeBufferPointer { references in
          var result: [Citation] = []
          for index in references.indices {
            // A `Ref.:` line naming the document's own sources is not a citation.
            guard let targetID = references[index].target,
              !(references[index].field == .sources && targetID == id),
              let target = positionByID[targetID]
            else { continue }
            result.append(Citation(target: target, reference: Int32(index)))
          }
          return result
        }
      }
    }
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
