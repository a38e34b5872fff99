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
/// expanded nodes, so a closed 10,000-document corpus is 10,000 rows.
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

  public init(corpus: Corpus) {
    self.corpus = corpus
    var items: [TopItem] = []
    var chapterSlot: [String: Int] = [:]
    var chapterOf: [Int: String] = [:]
    for (index, document) in corpus.documents.enumerated() {
      guard let chapter = document.chapter, !chapter.isEmpty else {
        items.append(.document(index))
        continue
      }
      chapterOf[index] = chapter
      if let slot = chapterSlot[chapter], case .chapter(let name, var members) = items[slot] {
        members.append(index)
        items[slot] = .chapter(name, members)
      } else {
        chapterSlot[chapter] = items.count
        items.append(.chapter(chapter, [index]))
      }
    }
    top = items
    chapterByDocument = chapterOf
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
