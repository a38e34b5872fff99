import ResolutionKit

/// Names a node of the tree: stable while the corpus is loaded, so
/// expansion and selection survive re-flattening.
public enum TreeNodeID: Hashable, Sendable {
  case chapter(String)
  case document(Int)
  case section(document: Int, index: Int)
  case annex(document: Int, index: Int)
  case clause(document: Int, path: String)

  /// The document the node stands in, if any.
  public var documentIndex: Int? {
    switch self {
    case .chapter: return nil
    case .document(let d), .section(let d, _), .annex(let d, _), .clause(let d, _): return d
    }
  }
}

/// One visible line of the tree.
public struct TreeRow: Hashable, Sendable {
  public var id: TreeNodeID
  public var parent: TreeNodeID?
  public var depth: Int
  public var title: String
  public var isExpandable: Bool
  public var isExpanded: Bool
}

/// The corpus as a tree: chapters (when documents name one), documents,
/// sections and annexes, clauses. Flattened into rows only for the
/// expanded nodes, so a closed 10,000-document corpus is 10,000 rows;
/// the browser reads them through `TreeRowList`, which makes the rows of
/// closed chapters and documents only when they are read.
public struct TreeOutline: Sendable {
  private enum TopItem: Sendable {
    case chapter(String, [Int])
    case document(Int)
  }

  private var corpus: Corpus
  private let top: [TopItem]
  private let chapterByDocument: [Int: String]
  private let chapterMembers: [String: [Int]]
  /// Each document's row title, made once: re-flattening after a jump
  /// must not format 10,000 titles again.
  private let documentTitles: [String]
  /// Whether each document has sections or annexes, so making its row does
  /// not copy the document (14,000 rows when a big chapter opens).
  private let documentHasChildren: [Bool]
  /// Where each top-level chapter is, so a chapter row is found without a scan.
  private let chapterPositions: [String: Int]
  /// Where each document's row sits among its siblings (top level or its
  /// chapter's members), so a document row is found without a scan.
  private let documentPlaces: [TreeSpanPlace]

  public init(corpus: Corpus) {
    self.corpus = corpus
    var items: [TopItem] = []
    var chapterSlot: [String: Int] = [:]
    var chapterOf: [Int: String] = [:]
    // Members gathered apart: appending to the array inside the enum
    // copied it each time (quadratic, 0.3 s for 14,000-document chapters).
    var membersBySlot: [Int: [Int]] = [:]
    for (index, document) in corpus.documents.enumerated() {
      guard let chapter = document.chapter, !chapter.isEmpty else {
        items.append(.document(index))
        continue
      }
      chapterOf[index] = chapter
      if let slot = chapterSlot[chapter] {
        membersBySlot[slot, default: []].append(index)
      } else {
        chapterSlot[chapter] = items.count
        membersBySlot[items.count] = [index]
        items.append(.chapter(chapter, []))
      }
    }
    for (slot, documents) in membersBySlot {
      if case .chapter(let name, _) = items[slot] { items[slot] = .chapter(name, documents) }
    }
    top = items
    chapterByDocument = chapterOf
    chapterPositions = chapterSlot
    var places = Array(
      repeating: TreeSpanPlace(source: .top, position: 0), count: corpus.documents.count)
    for (position, item) in items.enumerated() {
      switch item {
      case .document(let index):
        places[index] = TreeSpanPlace(source: .top, position: position)
      case .chapter(_, let documents):
        for (member, index) in documents.enumerated() {
          places[index] = TreeSpanPlace(source: .chapter(position), position: member)
        }
      }
    }
    documentPlaces = places
    var members: [String: [Int]] = [:]
    for item in items {
      if case .chapter(let name, let documents) = item { members[name] = documents }
    }
    chapterMembers = members
    documentTitles = corpus.documents.map(Self.documentTitle)
    documentHasChildren = corpus.documents.map { !$0.sections.isEmpty || !$0.annexes.isEmpty }
  }

  /// The chapter node holding a document, when documents are grouped.
  public func chapterNode(ofDocument index: Int) -> TreeNodeID? {
    chapterByDocument[index].map(TreeNodeID.chapter)
  }

  /// The same corpus with its references resolved: the tree does not
  /// depend on references, only the copy it holds is swapped.
  mutating func replaceCorpus(_ resolved: Corpus) {
    guard resolved.documents.count == corpus.documents.count else { return }
    corpus = resolved
  }

  private enum Payload {
    case chapter([Int])
    case document(Int)
    case section(Int, Section)
    case annex(Int, Annex)
    case clause(Int, Clause)
  }

  /// The visible rows given the expanded nodes, depth first, iteratively.
  public func rows(expanded: Set<TreeNodeID>) -> [TreeRow] {
    flatten(
      top.reversed().map { item in
        switch item {
        case .chapter(let name, let members):
          return (row(.chapter(name), nil, 0, name, !members.isEmpty, expanded), .chapter(members))
        case .document(let index):
          return (documentRow(index, parent: nil, depth: 0, expanded), .document(index))
        }
      }, expanded)
  }

  /// The visible rows under `row` (not the row itself) given the expanded
  /// nodes: what opening it inserts after it, so a chapter opening does not
  /// flatten the whole tree again.
  public func rows(below row: TreeRow, expanded: Set<TreeNodeID>) -> [TreeRow] {
    guard row.isExpanded, let payload = payload(of: row.id) else { return [] }
    if case .chapter(let members) = payload {
      // The common big case, without the general walk's stack.
      var result: [TreeRow] = []
      result.reserveCapacity(members.count)
      for member in members {
        let memberRow = documentRow(member, parent: row.id, depth: row.depth + 1, expanded)
        result.append(memberRow)
        if memberRow.isExpanded { result += rows(below: memberRow, expanded: expanded) }
      }
      return result
    }
    return Array(flatten([(row, payload)], expanded).dropFirst())
  }

  private func payload(of id: TreeNodeID) -> Payload? {
    switch id {
    case .chapter(let name):
      return chapterMembers[name].map(Payload.chapter)
    case .document(let d):
      return corpus.documents.indices.contains(d) ? .document(d) : nil
    case .section(let d, let i):
      guard corpus.documents.indices.contains(d) else { return nil }
      let sections = corpus.documents[d].sections
      return sections.indices.contains(i) ? .section(d, sections[i]) : nil
    case .annex(let d, let i):
      guard corpus.documents.indices.contains(d) else { return nil }
      let annexes = corpus.documents[d].annexes
      return annexes.indices.contains(i) ? .annex(d, annexes[i]) : nil
    case .clause(let d, let path):
      guard corpus.documents.indices.contains(d) else { return nil }
      return corpus.documents[d].clause(atPath: path).map { .clause(d, $0) }
    }
  }

  /// Depth first from the stack's last entry, iteratively.
  private func flatten(_ start: [(TreeRow, Payload)], _ expanded: Set<TreeNodeID>) -> [TreeRow] {
    var result: [TreeRow] = []
    var stack = start
    while let (row, payload) = stack.popLast() {
      result.append(row)
      guard row.isExpanded else { continue }
      let depth = row.depth + 1
      var children: [(TreeRow, Payload)] = []
      switch payload {
      case .chapter(let members):
        children = members.map {
          (documentRow($0, parent: row.id, depth: depth, expanded), .document($0))
        }
      case .document(let d):
        guard d < corpus.documents.count else { break }
        let document = corpus.documents[d]
        for (i, section) in document.sections.enumerated() {
          let id = TreeNodeID.section(document: d, index: i)
          children.append(
            (
              self.row(id, row.id, depth, section.heading, !section.clauses.isEmpty, expanded),
              .section(d, section)
            ))
        }
        for (i, annex) in document.annexes.enumerated() {
          let id = TreeNodeID.annex(document: d, index: i)
          let title = [annex.heading, annex.title].compactMap { $0 }.joined(separator: " — ")
          children.append(
            (self.row(id, row.id, depth, title, !annex.clauses.isEmpty, expanded), .annex(d, annex))
          )
        }
      case .section(let d, let section):
        children = section.clauses.map { clauseRow(d, $0, parent: row.id, depth: depth, expanded) }
      case .annex(let d, let annex):
        children = annex.clauses.map { clauseRow(d, $0, parent: row.id, depth: depth, expanded) }
      case .clause(let d, let clause):
        children = clause.children.map { clauseRow(d, $0, parent: row.id, depth: depth, expanded) }
      }
      stack.append(contentsOf: children.reversed())
    }
    return result
  }

  // MARK: Runs of closed siblings

  /// How many nodes a run source holds: top-level items, or a chapter's members.
  func count(of source: TreeSpanSource) -> Int {
    switch source {
    case .top: return top.count
    case .chapter(let position): return members(ofChapterAt: position).count
    }
  }

  private func members(ofChapterAt position: Int) -> [Int] {
    guard top.indices.contains(position), case .chapter(_, let members) = top[position] else {
      return []
    }
    return members
  }

  /// The row of a node in a run, closed (runs hold only closed nodes).
  func closedRow(_ source: TreeSpanSource, _ position: Int) -> TreeRow {
    switch source {
    case .top:
      switch top[position] {
      case .chapter(let name, let members):
        return TreeRow(
          id: .chapter(name), parent: nil, depth: 0, title: name, isExpandable: !members.isEmpty,
          isExpanded: false)
      case .document(let index):
        return documentRow(index, parent: nil, depth: 0, [])
      }
    case .chapter(let chapter):
      guard case .chapter(let name, let members) = top[chapter] else {
        return documentRow(-1, parent: nil, depth: 1, [])
      }
      return documentRow(members[position], parent: .chapter(name), depth: 1, [])
    }
  }

  /// Where a chapter or document row sits among its siblings; nil for the
  /// nodes inside documents (sections, annexes, clauses).
  func place(of id: TreeNodeID) -> TreeSpanPlace? {
    switch id {
    case .chapter(let name):
      return chapterPositions[name].map { TreeSpanPlace(source: .top, position: $0) }
    case .document(let index):
      return documentPlaces.indices.contains(index) ? documentPlaces[index] : nil
    default:
      return nil
    }
  }

  /// Whether a chapter or document has a row marked open given `expanded`.
  private func isOpen(_ id: TreeNodeID, _ expanded: Set<TreeNodeID>) -> Bool {
    guard expanded.contains(id) else { return false }
    switch id {
    case .chapter(let name): return !(chapterMembers[name]?.isEmpty ?? true)
    case .document(let index):
      return documentHasChildren.indices.contains(index) && documentHasChildren[index]
    default: return false
    }
  }

  /// The whole tree as segments: what `rows(expanded:)` lists, with the
  /// closed top-level items left as runs.
  func segments(expanded: Set<TreeNodeID>) -> [TreeSegment] {
    segments(of: .top, expanded: expanded)
  }

  /// A source's nodes and what is open under them: runs of closed nodes
  /// between the open ones. Costs the number of expanded nodes, not the
  /// number of siblings (a chapter of 14,000 documents is one run).
  private func segments(of source: TreeSpanSource, expanded: Set<TreeNodeID>) -> [TreeSegment] {
    let open = expanded.compactMap { id -> Int? in
      guard let place = place(of: id), place.source == source, isOpen(id, expanded) else {
        return nil
      }
      return place.position
    }.sorted()
    var result: [TreeSegment] = []
    var start = 0
    for position in open {
      if start < position { result.append(.run(source, start..<position)) }
      var row = closedRow(source, position)
      row.isExpanded = true
      result += segments(forNode: row, expanded: expanded)
      start = position + 1
    }
    let count = count(of: source)
    if start < count { result.append(.run(source, start..<count)) }
    return result
  }

  /// A row and everything visible under it, as segments: a closed chapter
  /// or document becomes a run of one, so it joins its neighbours again.
  func segments(forNode row: TreeRow, expanded: Set<TreeNodeID>) -> [TreeSegment] {
    guard row.isExpanded else {
      if let place = place(of: row.id) {
        return [.run(place.source, place.position..<(place.position + 1))]
      }
      return [.rows([row])]
    }
    if case .chapter = row.id, let place = place(of: row.id) {
      return [.rows([row])] + segments(of: .chapter(place.position), expanded: expanded)
    }
    return [.rows([row] + rows(below: row, expanded: expanded))]
  }

  /// How a document is named in the tree and in lists.
  public static func documentTitle(_ document: Document) -> String {
    if let title = document.title, !title.isEmpty { return "\(document.id)  \(title)" }
    return document.id
  }

  private func row(
    _ id: TreeNodeID, _ parent: TreeNodeID?, _ depth: Int, _ title: String, _ expandable: Bool,
    _ expanded: Set<TreeNodeID>
  ) -> TreeRow {
    TreeRow(
      id: id, parent: parent, depth: depth, title: title, isExpandable: expandable,
      isExpanded: expandable && expanded.contains(id))
  }

  private func documentRow(
    _ index: Int, parent: TreeNodeID?, depth: Int, _ expanded: Set<TreeNodeID>
  )
    -> TreeRow
  {
    guard documentTitles.indices.contains(index) else {
      return row(.document(index), parent, depth, "?", false, expanded)
    }
    return row(
      .document(index), parent, depth, documentTitles[index], documentHasChildren[index], expanded)
  }

  private func clauseRow(
    _ document: Int, _ clause: Clause, parent: TreeNodeID, depth: Int, _ expanded: Set<TreeNodeID>
  ) -> (TreeRow, Payload) {
    let label = clause.label.map { ReaderLayout.displayLabel($0) + " " } ?? "¶ "
    let id = TreeNodeID.clause(document: document, path: clause.path)
    return (
      row(id, parent, depth, label + clause.text, !clause.children.isEmpty, expanded),
      .clause(document, clause)
    )
  }
}

/// A list of sibling nodes in the tree: the top level, or the members of
/// the chapter at a top-level position.
enum TreeSpanSource: Hashable, Sendable {
  case top
  case chapter(Int)
}

/// A chapter's or document's position among its siblings.
struct TreeSpanPlace: Hashable, Sendable {
  var source: TreeSpanSource
  var position: Int
}

/// A stretch of visible rows: a run of closed siblings (made into rows only
/// when asked for), or rows made already (inside open documents).
enum TreeSegment: Sendable {
  case run(TreeSpanSource, Range<Int>)
  case rows([TreeRow])

  var count: Int {
    switch self {
    case .run(_, let range): return range.count
    case .rows(let rows): return rows.count
    }
  }
}
