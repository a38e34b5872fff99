import ResolutionKit
import Testing

@testable import BrowserKit

/// The browser drawn before references are resolved (they are resolved in
/// the background), then brought up to date.
@Suite struct DeferredReferencesTests {
  static let pending = Corpus.buildDeferringReferences(from: Corpus.sampleSources)

  /// R1316 of the sample corpus open in the reader, references pending.
  func atR1316() -> BrowserState {
    var state = BrowserState(corpus: Self.pending, columns: 120, rows: 40)
    state.goTo("R1316")
    return state
  }

  /// The role drawn on the first cell of the first "Resolution 1300" link.
  func linkRole(_ state: BrowserState) -> ThemeRole? {
    let grid = Renderer.render(state)
    guard let y = grid.rowIndex(containing: "Resolution 1300"),
      let x = grid.column(of: "Resolution 1300", row: y)
    else { return nil }
    return grid.cell(x: x, y: y)?.role
  }

  @Test func linksShowUnresolvedUntilReferencesArrive() {
    var state = atR1316()
    #expect(state.document?.id == "R1316")
    #expect(state.corpus.referencesPending)
    // Found for the document shown, none resolved yet.
    #expect(!state.currentReferences.isEmpty)
    #expect(state.currentReferences.allSatisfy { $0.target == nil })
    #expect(linkRole(state) == .unresolvedLink)
    #expect(state.screen.last?.contains("finding references") == true)

    let linesBefore = state.readerLayout?.lines
    state.referencesResolved(Self.pending.resolvingReferences())
    #expect(!state.corpus.referencesPending)
    #expect(linkRole(state) == .link)
    #expect(state.screen.last?.contains("finding references") == false)
    // The same references as the ones drawn: the layout still fits.
    #expect(state.readerLayout?.lines == linesBefore)
    let resolved = state.corpus.document(id: "R1316")?.references ?? []
    #expect(resolved.count == state.currentReferences.count)
    #expect(resolved.contains { $0.target == "R1300" })
  }

  @Test func followingWaitsForResolutionThenWorks() {
    var state = atR1316()
    var steps = 0
    repeat {
      state.press(.tab)
      steps += 1
    } while state.statusMessage?.text.hasPrefix("Resolution 1300") != true && steps < 50
    #expect(state.statusMessage?.text.contains("still resolving references") == true)
    let selected = state.selectedReference
    state.press(.enter)
    #expect(state.document?.id == "R1316")
    #expect(state.overlay == nil)
    #expect(state.statusMessage?.text == "Still resolving references — try again in a moment")

    state.referencesResolved(Self.pending.resolvingReferences())
    #expect(state.selectedReference == selected)
    state.press(.enter)
    #expect(state.document?.id == "R1300")
  }

  @Test func citedByIsStillIndexingThenLists() {
    var state = BrowserState(corpus: Self.pending, columns: 120, rows: 40)
    state.goTo("R1300")
    state.press(.character("b"))
    #expect(state.overlay == nil)
    #expect(
      state.statusMessage?.text == "Still indexing references — cited-by is ready in a moment")

    state.referencesResolved(Self.pending.resolvingReferences())
    state.press(.character("b"))
    guard case .list(let panel) = state.overlay else {
      Issue.record("no cited-by panel: \(state.statusMessage?.text ?? "")")
      return
    }
    #expect(panel.kind == .citedBy)
    #expect(panel.items.contains { $0.destination?.documentID == "R1316" })
  }

  @Test func aResolvedCorpusIsNotReplaced() {
    var state = BrowserState(corpus: Corpus.sample, columns: 120, rows: 40)
    let other = Self.pending.resolvingReferences()
    state.referencesResolved(other)
    #expect(!state.corpus.referencesPending)
    // A pending corpus never replaces a resolved one.
    state.referencesResolved(Self.pending)
    #expect(!state.corpus.referencesPending)
  }
}

/// Opening and closing nodes changes only the rows under them; the result
/// must be the tree flattened from scratch.
@Suite struct IncrementalTreeRowsTests {
  @Test func rowsMatchAFullFlattenAfterEveryKey() {
    for corpus in [TestCorpus.make(chapters: true), TestCorpus.make(), Corpus.sample] {
      var state = BrowserState(corpus: corpus, columns: 100, rows: 30)
      let keys: [Key] = [
        .character("l"), .down, .character("l"), .down, .character("l"), .down, .down,
        .character("l"), .character("h"), .character("h"), .up, .character("l"), .enter,
        .character("w"), .character("]"), .character("]"), .character("w"), .down, .down,
        .character("l"), .down, .character("l"), .up, .up, .character("h"), .character("h"),
        .character("h"), .enter, .down, .enter, .character("G"), .character("l"), .character("g"),
      ]
      for (step, key) in keys.enumerated() {
        state.press(key)
        #expect(
          state.treeRows == state.outline.rows(expanded: state.expanded),
          "after key \(step) \(key)")
        #expect(state.treeRows.indices.contains(state.treeSelection) || state.treeRows.isEmpty)
      }
    }
  }

  @Test func followingALinkIntoAClosedChapterOpensItIncrementally() {
    var state = BrowserState(corpus: TestCorpus.make(chapters: true), columns: 100, rows: 30)
    state.goTo("1317")
    #expect(state.document?.id == "R1317")
    #expect(state.treeRows == state.outline.rows(expanded: state.expanded))
    #expect(state.selectedTreeRow?.id == .document(2))
  }
}
