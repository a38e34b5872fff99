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
///
/// What it keeps is a pair of integers per citation (citing document and
/// reference), grouped by cited document; a `Backlink` is made from the
/// citing reference when asked for. Made eagerly, the links were 7.6 MB at
/// 10,000 resolutions, and reading every citing reference at random across
/// the corpus took 24 times as long at 100,000 as at 10,000.
public struct BacklinkIndex: Sendable {
  /// One citation, seen from the document it cites.
  private struct Link: Sendable {
    /// Position of the citing document.
    var document: Int32
    /// Index of the reference in the citing document's `references`.
    var reference: Int32
  }
  /// The documents indexed: the corpus's own array, shared, not copied.
  private var documents: [Document] = []
  /// The links, grouped by cited document (by its position), each group
  /// in corpus order.
  private var links: [Link] = []
  /// Per document position, where its group starts in `links`; one more
  /// for the end.
  private var groupStart: [Int32] = [0]
  /// Position of each cited document, by id.
  private var citedPosition: [String: Int32] = [:]

  public init() {}

  /// Indexes the resolved references of `documents` (given in corpus order).
  /// References without a target (dangling or ambiguous) are not indexed,
  /// nor a `Ref.:` line's symbols that resolve to its own document.
  ///
  /// Each citing document's citations are found in parallel (target looked
  /// up once), then grouped by target with a counting sort on integer keys.
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
    var start = [Int32](repeating: 0, count: documents.count + 1)
    // Targets read in place, not whole citations.
    for list in citing {
      list.withUnsafeBufferPointer { list in
        for index in list.indices { start[Int(list[index].target) + 1] += 1 }
      }
    }
    for position in documents.indices { start[position + 1] += start[position] }
    var next = start
    var links = [Link](
      repeating: Link(document: 0, reference: 0), count: Int(start[documents.count]))
    for (document, list) in citing.enumerated() {
      list.withUnsafeBufferPointer { list in
        for index in list.indices {
          let target = Int(list[index].target)
          links[Int(next[target])] = Link(
            document: Int32(document), reference: list[index].reference)
          next[target] += 1
        }
      }
    }
    documents.withUnsafeBufferPointer { documents in
      for position in documents.indices where start[position] < start[position + 1] {
        citedPosition[documents[position].id] = Int32(position)
      }
    }
    self.documents = documents
    self.links = links
    groupStart = start
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
    backlinks(to: documentID) { _ in true }
  }

  /// Every place that cites this clause by pinpoint, or an enclosing clause
  /// (`resolves 1` for `resolves 1.1`), in corpus order. A nil path means
  /// the whole document.
  public func citing(_ address: ClauseAddress) -> [Backlink] {
    guard let path = address.path else { return citing(documentID: address.documentID) }
    var enclosing: [String] = []
    var prefix = Substring(path)
    while true {
      enclosing.append(String(prefix))
      guard let dot = prefix.lastIndex(of: ".") else { break }
      prefix = prefix[..<dot]
    }
    return backlinks(to: address.documentID) { reference in
      reference.pinpoint != nil && reference.pinpoints.contains { enclosing.contains($0) }
    }
  }

  /// The backlinks of the citing references that `isIncluded`, in corpus
  /// order. References are read in place (a `Document` copied whole
  /// retains every string it holds).
  private func backlinks(
    to documentID: String, where isIncluded: (borrowing Reference) -> Bool
  ) -> [Backlink] {
    guard let target = citedPosition[documentID] else { return [] }
    let group = Int(groupStart[Int(target)])..<Int(groupStart[Int(target) + 1])
    var result: [Backlink] = []
    documents.withUnsafeBufferPointer { documents in
      for link in links[group] {
        let document = Int(link.document)
        let referenceIndex = Int(link.reference)
        documents[document].references.withUnsafeBufferPointer { references in
          guard isIncluded(references[referenceIndex]) else { return }
          let path = references[referenceIndex].path
          result.append(
            Backlink(
              source: ClauseAddress(
                documentID: documents[document].id, path: path.isEmpty ? nil : path),
              referenceIndex: referenceIndex, pinpoint: references[referenceIndex].pinpoint,
              field: references[referenceIndex].field))
        }
      }
    }
    return result
  }

  /// How many documents are cited at least once.
  public var citedDocumentCount: Int { citedPosition.count }
}
