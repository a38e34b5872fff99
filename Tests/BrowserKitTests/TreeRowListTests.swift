import ResolutionKit
import Testing

@testable import BrowserKit

/// The lazily made rows must read exactly as the tree flattened from
/// scratch (`TreeOutline.rows(expanded:)`, the eager reference), whatever
/// was opened, closed or jumped to.
@Suite struct TreeRowListTests {
  /// Chapters whose members are not next to each other, documents outside
  /// chapters between them, an empty chapter name, documents without
  /// sections (not expandable), sections, annexes and nested clauses.
  static func corpus() -> Corpus {
    let chapters: [String?] = [
      "A", "A", nil, "B", "A", "", "B", nil, "A", "C", "B", nil, "A", "A",
    ]
    let documents = chapters.enumerated().map { n, chapter in
      Document(
        id: "R\(n)", kind: .resolution, number: "\(n)", title: "Title \(n)", chapter: chapter,
        location: TestCorpus.at(n),
        sections: n % 4 == 3
          ? []
          : [
            Section(
              heading: "considering", role: .preambular, location: TestCorpus.at(n),
              clauses: clauses(n, prefix: "considering", count: 2)),
            Section(
              heading: "resolves", role: .operative, location: TestCorpus.at(n),
              clauses: clauses(n, prefix: "resolves", count: 3)),
          ],
        annexes: n % 3 == 0
          ? [
            Annex(
              heading: "Annex", title: "Terms", location: TestCorpus.at(n),
              clauses: clauses(n, prefix: "Annex", count: 2))
          ] : [])
    }
    return Corpus(documents: documents)
  }

  static func clauses(_ n: Int, prefix: String, count: Int) -> [Clause] {
    (1...count).map { c in
      Clause(
        label: "\(c)", path: "\(prefix) \(c)", text: "clause \(c) of \(n)",
        location: TestCorpus.at(n),
        children: c == 2
          ? ["a", "b"].map {
            Clause(
              label: "\($0))", path: "\(prefix) \(c) \($0))", text: "item \($0)",
              location: TestCorpus.at(n))
          } : [])
    }
  }

  /// Every row found where it is, and every node's extent as a scan finds it.
  static func expectConsistent(_ rows: TreeRowList, _ note: String) {
    for (index, row) in rows.enumerated() {
      #expect(rows.index(ofNode: row.id) == index, "\(note): row \(index) \(row.id)")
      var end = index + 1
      while end < rows.count, rows[end].depth > row.depth { end += 1 }
      #expect(rows.subtreeEnd(of: index) == end, "\(note): extent of row \(index)")
    }
  }

  @Test func madeFromAnyExpandedSetAsTheFullFlatten() {
    let outline = TreeOutline(corpus: Self.corpus())
    let sets: [Set<TreeNodeID>] = [
      [],
      [.chapter("A")],
      [.chapter("A"), .chapter("B"), .chapter("C")],
      // Open members of a closed chapter stay hidden.
      [.document(0), .document(4), .section(document: 0, index: 1)],
      [.chapter("A"), .document(0), .document(4), .document(12), .section(document: 0, index: 1)],
      // Not expandable, though in the set: shown closed.
      [.chapter("B"), .document(3), .document(2), .document(7)],
      [
        .chapter("A"), .chapter("B"), .document(2), .document(5), .document(10),
        .section(document: 2, index: 1), .clause(document: 2, path: "resolves 2"),
        .annex(document: 0, index: 0), .chapter("nothing"), .document(99),
      ],
    ]
    for expanded in sets {
      let rows = TreeRowList(outline: outline, expanded: expanded)
      #expect(Array(rows) == outline.rows(expanded: expanded), "\(expanded)")
      Self.expectConsistent(rows, "\(expanded)")
    }
  }

  /// Chapters stand where their first document is, with their members in
  /// corpus order; documents without a chapter (or an empty one) between.
  @Test func chaptersGatherTheirMembersInOrder() {
    let outline = TreeOutline(corpus: Self.corpus())
    let ids = outline.rows(expanded: [.chapter("A"), .chapter("B"), .chapter("C")]).map(\.id)
    let a: [TreeNodeID] = [.chapter("A")] + [0, 1, 4, 8, 12, 13].map { .document($0) }
    let b: [TreeNodeID] = [.chapter("B")] + [3, 6, 10].map { .document($0) }
    let expected =
      a + [.document(2)] + b + [
        .document(5), .document(7), .chapter("C"), .document(9), .document(11),
      ]
    #expect(ids == expected)
    #expect(outline.chapterNode(ofDocument: 12) == .chapter("A"))
    #expect(outline.chapterNode(ofDocument: 5) == nil)
  }

  @Test func hiddenNodesHaveNoRow() {
    let outline = TreeOutline(corpus: Self.corpus())
    let rows = TreeRowList(outline: outline, expanded: [.document(0)])
    #expect(rows.index(ofNode: .document(0)) == nil)
    #expect(rows.index(ofNode: .section(document: 0, index: 0)) == nil)
    #expect(rows.index(ofNode: .document(2)) == 1)
    #expect(rows.index(ofNode: .document(1000)) == nil)
    #expect(rows.index(ofNode: .chapter("none")) == nil)
  }

  /// Noisy text can give two clauses one path: lookups keep to the rows
  /// asked about, as the scans they replace did.
  @Test func duplicatedClausePathsAreFoundWhereAsked() {
    let twice = Section(
      heading: "resolves", role: .operative, location: TestCorpus.at(1),
      clauses: Self.clauses(1, prefix: "resolves", count: 2))
    let document = Document(
      id: "R1", kind: .resolution, title: "Twice", location: TestCorpus.at(1),
      sections: [twice, twice])
    let outline = TreeOutline(corpus: Corpus(documents: [document]))
    let duplicate = TreeNodeID.clause(document: 0, path: "resolves 2")
    let expanded: Set<TreeNodeID> = [
      .document(0), .section(document: 0, index: 0), .section(document: 0, index: 1), duplicate,
    ]
    let rows = TreeRowList(outline: outline, expanded: expanded)
    #expect(Array(rows) == outline.rows(expanded: expanded))
    let all = rows.indices.filter { rows[$0].id == duplicate }
    #expect(all.count == 2)
    guard all.count == 2 else { return }
    #expect(rows.index(ofNode: duplicate) == all[0])
    #expect(rows.firstIndex(ofNode: duplicate, in: (all[0] + 1)..<rows.count) == all[1])
    #expect(rows.firstIndex(ofNode: duplicate, in: 0..<all[0]) == nil)
    #expect(rows.lastIndex(ofNode: duplicate, before: rows.count) == all[1])
    #expect(rows.lastIndex(ofNode: duplicate, before: all[1]) == all[0])
    #expect(rows.lastIndex(ofNode: duplicate, before: all[0]) == nil)
    // Chapters and documents too keep to the range.
    #expect(rows.firstIndex(ofNode: .document(0), in: 1..<rows.count) == nil)
    #expect(rows.lastIndex(ofNode: .document(0), before: 1) == 0)
    #expect(rows.lastIndex(ofNode: .document(0), before: 0) == nil)
  }

  @Test func replacingNodesMatchesTheFullFlatten() {
    var rows = TreeRowList(outline: TreeOutline(corpus: Self.corpus()), expanded: [])
    var expanded: Set<TreeNodeID> = []
    // Open, then close, what is at these places, in this order.
    let toggles = [0, 2, 1, 3, 0, 7, 5, 6, 9, 1, 4, 0, 12, 11, 2, 0, 3, 3, 8, 1]
    for (step, at) in toggles.enumerated() {
      guard rows.indices.contains(at) else { continue }
      var row = rows[at]
      let open = !row.isExpanded
      if open { expanded.insert(row.id) } else { expanded.remove(row.id) }
      row.isExpanded = open && row.isExpandable
      let end = rows.subtreeEnd(of: at)
      let newEnd = rows.replaceNode(at: at, through: end, with: row, expanded: expanded)
      let eager = rows.outline.rows(expanded: expanded)
      #expect(Array(rows) == eager, "step \(step)")
      #expect(newEnd == rows.subtreeEnd(of: at), "step \(step)")
      Self.expectConsistent(rows, "step \(step)")
    }
  }

  /// Closing everything opened joins the runs again: no debris is left.
  @Test func openingAndClosingLeavesOneRun() {
    var rows = TreeRowList(outline: TreeOutline(corpus: Self.corpus()), expanded: [])
    #expect(rows.segmentCount == 1)
    var expanded: Set<TreeNodeID> = []
    for open in [true, false] {
      for id in [TreeNodeID.chapter("A"), .document(0), .document(4), .chapter("B")] {
        if open { expanded.insert(id) } else { expanded.remove(id) }
        guard let at = rows.index(ofNode: id) else { continue }
        var row = rows[at]
        row.isExpanded = open && row.isExpandable
        rows.replaceNode(at: at, through: rows.subtreeEnd(of: at), with: row, expanded: expanded)
      }
      #expect(Array(rows) == rows.outline.rows(expanded: expanded))
    }
    #expect(rows.segmentCount == 1)
    #expect(rows.madeRowCount == 0)
  }

  /// A chapter of 20,000 documents opens without a row made per member,
  /// and a jump to its last document finds the row from its place.
  @Test func aBigChapterOpensWithoutMakingItsRows() {
    let documents = (0..<20_000).map { n in
      Document(
        id: "R\(n)", kind: .resolution, number: "\(n)", title: "Title \(n)",
        chapter: n == 0 ? nil : "Big", location: TestCorpus.at(n),
        sections: [
          Section(
            heading: "resolves", role: .operative, location: TestCorpus.at(n),
            clauses: Self.clauses(n, prefix: "resolves", count: 2))
        ])
    }
    var state = BrowserState(corpus: Corpus(documents: documents), columns: 100, rows: 30)
    #expect(state.treeRows.count == 2)
    state.jump(to: Location(documentID: "R19999"))
    #expect(state.treeRows.count == 20_001)
    #expect(state.selectedTreeRow?.id == .document(19_999))
    #expect(state.treeSelection == 20_000)
    #expect(state.treeRows.madeRowCount == 1)
    #expect(state.screenText.contains("▸ R19999"))
    // h goes to the chapter, found without a scan back over 20,000 rows.
    state.press(.character("w"), .character("h"))
    #expect(state.selectedTreeRow?.id == .chapter("Big"))
    #expect(state.treeSelection == 1)
    state.press(.character("h"))
    #expect(state.treeRows.count == 2)
    #expect(state.treeRows.segmentCount == 1)
  }

  /// Keys, clicks and jumps in an order chosen by a seeded generator: after
  /// each, the rows are the full flatten and the selection stays on a row.
  @Test(arguments: [1, 7, 42])
  func randomWalkMatchesTheFullFlatten(seed: UInt64) {
    let corpus = Self.corpus()
    var state = BrowserState(corpus: corpus, columns: 100, rows: 12)
    var random = seed
    func next(_ bound: Int) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((random >> 33) % UInt64(bound))
    }
    let keys: [Key] = [
      .down, .down, .up, .character("l"), .character("l"), .character("h"), .enter, .pageDown,
      .pageUp, .character("G"), .character("g"), .character("]"), .character("["), .right, .left,
    ]
    for step in 0..<300 {
      var action = ""
      switch next(10) {
      case 0:
        let id = corpus.documents[next(corpus.documents.count)].id
        state.jump(to: Location(documentID: id))
        action = "jump to \(id)"
      case 1:
        state.handle(mouse: .click(x: 2, y: next(state.treeHeight)))
        action = "click"
      default:
        if state.focus != .tree { state.press(.character("w")) }
        let key = keys[next(keys.count)]
        state.press(key)
        action = "\(key)"
      }
      let note = "seed \(seed) step \(step) \(action)"
      #expect(Array(state.treeRows) == state.outline.rows(expanded: state.expanded), "\(note)")
      #expect(state.treeRows.indices.contains(state.treeSelection), "\(note)")
      if step % 10 == 0 { Self.expectConsistent(state.treeRows, note) }
    }
  }
}

extension TreeRowList {
  /// For the older tests, which compare with the eager flatten.
  static func == (lhs: TreeRowList, rhs: [TreeRow]) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
