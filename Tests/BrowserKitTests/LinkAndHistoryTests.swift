import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct LinkAndHistoryTests {
  /// R1316 open in the reader.
  func atR1316() -> BrowserState {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goTo("1316")
    return state
  }

  @Test func linksAreDrawnByResolution() {
    let state = atR1316()
    let grid = Renderer.render(state)
    let y = grid.rowIndex(containing: "Resolution 1300 of the") ?? -1
    let x = grid.column(of: "Resolution 1300", row: y) ?? -1
    #expect(grid.cell(x: x, y: y)?.role == .link)
    #expect(grid.cell(x: x - 4, y: y)?.role == .clauseLabel)
    let y2 = grid.rowIndex(containing: "9999") ?? -1
    let x2 = grid.column(of: "9999", row: y2) ?? -1
    #expect(grid.cell(x: x2, y: y2)?.role == .unresolvedLink)
  }

  @Test func tabStepsThroughVisibleReferences() {
    var state = atR1316()
    state.press(.tab)
    #expect(state.selectedReference == 0)
    #expect(state.focus == .reader)
    #expect(state.screen[29].hasPrefix("Resolution 1300 of the Council → R1300 › resolves 2"))
    var grid = Renderer.render(state)
    let y = grid.rowIndex(containing: "Resolution 1300 of the") ?? -1
    let x = grid.column(of: "Resolution 1300", row: y) ?? -1
    #expect(grid.cell(x: x, y: y)?.role == .treeFocused)
    state.press(.tab)
    #expect(state.selectedReference == 1)
    #expect(state.statusMessage?.text == "Resolution 9999 of the Council — not in the corpus")
    grid = Renderer.render(state)
    #expect(grid.cell(x: x, y: y)?.role == .link)
    state.press(.tab)
    #expect(state.selectedReference == 0)
    #expect(
      state.statusMessage?.text
        == "Wrapped to the first reference: Resolution 1300 of the Council → R1300 › resolves 2")
    state.press(.backTab)
    #expect(state.selectedReference == 1)
  }

  @Test func followingAResolvedReferenceOpensThePinpointAndBackRestores() {
    var state = atR1316()
    state.press(.tab)
    let before = state.location
    state.press(.enter)
    #expect(state.document?.id == "R1300")
    #expect(state.currentClause == "resolves 2")
    let grid = Renderer.render(state)
    let y = grid.rowIndex(containing: "that the group reports") ?? -1
    let x = grid.column(of: "that the group", row: y) ?? -1
    #expect(grid.cell(x: x, y: y)?.role == .currentClause)
    #expect(state.backStack.last == before)

    state.press(.backspace)
    #expect(state.location == before)
    #expect(state.forwardStack.count == 1)
    state.press(.character("L"))
    #expect(state.document?.id == "R1300")
    state.press(.control("o"))
    #expect(state.document?.id == "R1316")
    #expect(state.currentClause == "recalling a)")

    // A new jump clears the forward stack.
    #expect(!state.forwardStack.isEmpty)
    state.press(.character("]"))
    #expect(state.document?.id == "R1317")
    #expect(state.forwardStack.isEmpty)
    state.press(.character("L"))
    #expect(state.statusMessage?.text == "Nothing to go forward to")
  }

  @Test func historyListShowsVisitedPlaces() {
    var state = atR1316()
    state.press(.tab, .enter, .character("v"))
    guard case .list(let panel) = state.overlay else {
      Issue.record("no history panel")
      return
    }
    #expect(panel.kind == .history)
    #expect(state.screenText.contains("• R1300 › resolves 2"))
    #expect(state.screenText.contains("R1316 › recalling a)"))
    state.press(.up, .enter)
    #expect(state.document?.id == "R1316")
    #expect(state.overlay == nil)
  }

  @Test func unresolvedReferenceExplainsAndListsOtherCitations() {
    var state = atR1316()
    state.press(.tab, .tab, .enter)
    guard case .list(let panel) = state.overlay else {
      Issue.record("no panel")
      return
    }
    #expect(panel.kind == .unresolved)
    let text = state.screenText
    #expect(text.contains("Not in the corpus"))
    #expect(text.contains("is not in this corpus"))
    #expect(text.contains("R1317 › noting a): Resolution 9999 of the Council"))
    #expect(state.document?.id == "R1316")
    state.press(.enter)
    #expect(state.document?.id == "R1317")
    #expect(state.selectedReference == 1)
    #expect(state.overlay == nil)
  }

  @Test func escapeClosesAnyOverlay() {
    var state = atR1316()
    for opener in [Key.character("?"), .character("v"), .character(":"), .character("b")] {
      state.press(opener)
      #expect(state.overlay != nil)
      state.press(.escape)
      #expect(state.overlay == nil)
    }
  }

  @Test func citedByListsPinpointedCitersOfTheClause() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goTo("R1300 resolves 2")
    #expect(state.currentClause == "resolves 2")
    state.press(.character("b"))
    let text = state.screenText
    #expect(text.contains("Cited by — R1300 › resolves 2 (1)"))
    #expect(text.contains("R1316 › recalling a): Resolution 1300 of the Council (resolves 2)"))
    state.press(.enter)
    #expect(state.document?.id == "R1316")
    #expect(state.selectedReference == 0)

    // A document nobody cites: a message, no panel.
    state.press(.character("]"), .character("b"))
    #expect(state.overlay == nil)
    #expect(
      state.statusMessage?.text == "Nothing in the corpus cites R1317 › noting a)"
        || state.statusMessage?.text == "Nothing in the corpus cites R1317")
  }

  @Test func citedByFallsBackToTheDocument() {
    var state = atR1316()
    state.press(.character("b"))
    #expect(state.screenText.contains("Cited by — R1316 (1)"))
  }
}
