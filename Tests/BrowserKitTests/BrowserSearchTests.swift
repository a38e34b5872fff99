import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct BrowserSearchTests {
  /// The test corpus with its search index ready, at R1316.
  func ready(columns: Int = 100, rows: Int = 30) -> BrowserState {
    let corpus = TestCorpus.make()
    var state = BrowserState(corpus: corpus, columns: columns, rows: rows)
    state.searchIndexReady(SearchIndex(corpus: corpus))
    return state
  }

  func search(_ text: String, in state: inout BrowserState) {
    state.press(.character("/"))
    state.type(text)
  }

  @Test func resultsComeAsTheUserTypesWithMatchedWordsMarked() throws {
    var state = ready()
    search("protect", in: &state)
    guard case .search(let panel) = state.overlay else {
      Issue.record("no search overlay")
      return
    }
    // The last word is a prefix while typing: "protect" finds "protection".
    #expect(!panel.hits.isEmpty)
    #expect(state.screen[29].hasPrefix("/protect"))
    let grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "R1300 › considering b)"))
    let x = try #require(grid.column(of: "protection", row: y + 1))
    #expect(grid.cell(x: x, y: y + 1)?.role == .searchMatch)
    #expect(grid.cell(x: x - 2, y: y + 1)?.role != .searchMatch)
  }

  @Test func beforeTheIndexIsReadyTheListSaysIndexing() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    search("child", in: &state)
    #expect(state.screenText.contains("indexing…"))
    state.searchIndexReady(SearchIndex(corpus: state.corpus))
    #expect(!state.screenText.contains("indexing…"))
    #expect(state.screenText.contains("R1316 — title"))
  }

  @Test func enterOpensTheClauseWithTheMatchesHighlighted() throws {
    var state = ready()
    search("working group", in: &state)
    guard case .search(let panel) = state.overlay else { return }
    let index = try #require(panel.hits.firstIndex { $0.path == "resolves 1" })
    for _ in 0..<index { state.press(.down) }
    state.press(.enter)
    #expect(state.overlay == nil)
    #expect(state.document?.id == "R1300")
    #expect(state.currentClause == "resolves 1")
    #expect(state.screen[29].hasPrefix("R1300 › resolves 1 — result \(index + 1)/"))
    let grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "to establish a working group;"))
    let x = try #require(grid.column(of: "working", row: y))
    #expect(grid.cell(x: x, y: y)?.role == .searchMatch)
    #expect(grid.cell(x: x + 8, y: y)?.role == .searchMatch)
    #expect(grid.cell(x: x - 2, y: y)?.role != .searchMatch)
  }

  @Test func escapeFromASearchLeavesEverythingWhereItWas() {
    var state = ready()
    state.goTo("1316")
    state.press(.pageDown, .down)
    let before = (state.location, state.readerScroll, state.currentClause, state.focus)
    search("task", in: &state)
    state.press(.down, .down)
    state.press(.escape)
    #expect(state.overlay == nil)
    #expect(state.location == before.0)
    #expect(state.readerScroll == before.1)
    #expect(state.currentClause == before.2)
    #expect(state.focus == before.3)
    #expect(state.searchHighlight == nil)
  }

  @Test func typedLettersGoToThePromptNotTheKeyMap() {
    var state = ready()
    search("qjkn", in: &state)
    guard case .search(let panel) = state.overlay else {
      Issue.record("q closed the prompt or quit")
      return
    }
    #expect(panel.input == "qjkn")
    state.press(.backspace)
    if case .search(let panel) = state.overlay { #expect(panel.input == "qjk") }
  }

  @Test func nStepsThroughMatchesThenOnToTheNextResult() throws {
    var state = ready(columns: 100, rows: 12)
    search("task number", in: &state)
    state.press(.enter)
    #expect(state.document?.id == "R1316")
    let first = try #require(state.activeSearch?.matchLine)
    let clause = state.currentClause
    state.press(.character("n"))
    let second = try #require(state.activeSearch?.matchLine)
    #expect(second > first)
    #expect(state.currentClause != clause)
    #expect(state.screen[11].contains("match "))
    state.press(.character("N"))
    #expect(state.activeSearch?.matchLine == first)
    #expect(state.currentClause == clause)
    // Thirty matches in R1316 and no other document has the words: after
    // the last one n wraps round to the first.
    var wrapped = false
    for _ in 0..<31 {
      state.press(.character("n"))
      let line = try #require(state.activeSearch?.matchLine)
      #expect(line >= state.readerScroll && line < state.readerScroll + state.readerHeight)
      if state.statusMessage?.text.hasPrefix("Wrapped to the first match") == true {
        wrapped = true
        #expect(line == first)
        break
      }
    }
    #expect(wrapped)
  }

  /// n remembers the lines that match; a new highlight must not step
  /// through the lines the old one matched.
  @Test func nFollowsANewHighlightNotTheOldOnesLines() throws {
    var state = ready(columns: 100, rows: 12)
    search("task number", in: &state)
    state.press(.enter)
    state.press(.character("n"))
    let layout = try #require(state.readerLayout)
    let old = try #require(state.activeSearch?.matchLine)
    #expect(!layout.lines[old].text.contains("work done"))
    state.searchHighlight = SearchHighlight { text in
      text.range(of: "work done").map { [$0] } ?? []
    }
    for _ in 0..<3 {
      state.press(.character("n"))
      let line = try #require(state.activeSearch?.matchLine)
      #expect(layout.lines[line].text.contains("work done"), "\(layout.lines[line].text)")
    }
  }

  @Test func nGoesOnToResultsInOtherDocuments() {
    var state = ready()
    search("Resolution 9999", in: &state)
    state.press(.enter)
    let firstDocument = state.document?.id
    var visited: Set<String> = []
    for _ in 0..<6 {
      state.press(.character("n"))
      if let id = state.document?.id { visited.insert(id) }
    }
    #expect(visited.contains { $0 != firstDocument })
    #expect(visited.isSubset(of: ["R1316", "R1317"]))
  }

  @Test func backFromAResultReopensTheResultsWithTheSameSelection() {
    var state = ready()
    let start = state.location
    search("council", in: &state)
    state.press(.down, .down)
    state.press(.enter)
    let opened = state.location
    state.press(.backspace)
    guard case .search(let panel) = state.overlay else {
      Issue.record("back did not reopen the results")
      return
    }
    #expect(panel.input == "council")
    #expect(panel.selection == 2)
    #expect(state.location?.documentID == start?.documentID)
    state.press(.escape)
    state.press(.character("L"))
    #expect(state.location?.documentID == opened?.documentID)
    #expect(state.location?.clausePath == opened?.clausePath)
  }

  @Test func backslashClearsTheHighlight() {
    var state = ready()
    search("council", in: &state)
    state.press(.enter)
    #expect(state.searchHighlight != nil)
    state.press(.character("\\"))
    #expect(state.searchHighlight == nil)
    #expect(!Renderer.render(state).cells.contains { $0.role == .searchMatch })
    state.press(.character("n"))
    #expect(state.statusMessage?.text.hasPrefix("No search") == true)
  }

  @Test func resizingDuringASearchNeverCrashesAndKeepsTheResults() {
    var state = ready()
    search("council", in: &state)
    state.press(.down, .down, .down)
    for (columns, rows) in [(10, 3), (0, 0), (1, 1), (30, 6), (200, 60), (40, 2), (100, 30)] {
      state.resize(columns: columns, rows: rows)
      _ = Renderer.render(state)
      state.press(.down)
      state.press(.character("x"), .backspace)
    }
    guard case .search(let panel) = state.overlay else {
      Issue.record("the search closed")
      return
    }
    #expect(panel.input == "council")
    state.press(.enter)
    #expect(state.searchHighlight != nil)
    for (columns, rows) in [(5, 2), (100, 30)] {
      state.resize(columns: columns, rows: rows)
      state.press(.character("n"))
      _ = Renderer.render(state)
    }
  }

  @Test func aShortScreenStillShowsTheSelectedResult() {
    var state = ready(columns: 40, rows: 6)
    search("council", in: &state)
    state.press(.down)
    guard case .search(let panel) = state.overlay else { return }
    let label = Renderer.label(of: panel.hits[1])
    #expect(state.screenText.contains(String(label.prefix(8))), "\(state.screenText)")
  }

  @Test func clickOnAResultOpensIt() throws {
    var state = ready()
    search("follow", in: &state)
    let grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "R1317 — title"))
    state.handle(mouse: .click(x: 10, y: y))
    #expect(state.overlay == nil)
    #expect(state.document?.id == "R1317")
  }
}
