import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct TreeNavigationTests {
  @Test func startsOnTheFirstDocumentWithTheTreeFocused() {
    let state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    let grid = Renderer.render(state)
    #expect(grid.text(ofRow: 0).hasPrefix("▸ R1300  Council Working Group"))
    #expect(grid.cell(x: 0, y: 0)?.role == .treeFocused)
    #expect(grid.cell(x: 0, y: 1)?.role == .tree)
    #expect(state.screenText.contains("Resolution 1300 (C08)"))
    #expect(grid.text(ofRow: 29).contains("R1300"))
  }

  @Test func movingExpandingAndCollapsing() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character("j"))
    #expect(state.selectedTreeRow?.id == .document(1))
    #expect(state.document?.id == "R1316")
    #expect(state.screenText.contains("Resolution 1316 (C09)"))

    state.press(.character("l"))
    #expect(
      state.treeRows.map(\.title).prefix(5) == [
        "R1300  Council Working Group on child online protection", "R1316  Child online protection",
        "recalling", "instructs the Secretary-General", "R1317  Follow-up",
      ])
    #expect(state.screen[1].hasPrefix("▾ R1316"))
    #expect(state.screen[2].hasPrefix("  ▸ recalling"))

    state.press(.down, .right, .down)
    #expect(state.selectedTreeRow?.id == .clause(document: 1, path: "recalling a)"))
    #expect(state.currentClause == "recalling a)")
    #expect(state.screen[3].hasPrefix("      a) Resolution 1300"))

    // h on a leaf goes to the parent, then collapses it.
    state.press(.character("h"))
    #expect(state.selectedTreeRow?.id == .section(document: 1, index: 0))
    state.press(.left)
    #expect(state.selectedTreeRow?.isExpanded == false)
    #expect(!state.screenText.contains("a) Resolution 1300 of"))

    state.press(.character("G"))
    #expect(state.selectedTreeRow?.id == .document(2))
    state.press(.character("g"))
    #expect(state.treeSelection == 0)
  }

  @Test func chaptersGroupDocuments() {
    var state = BrowserState(corpus: TestCorpus.make(chapters: true), columns: 100, rows: 30)
    #expect(state.screen[0].hasPrefix("▸ 3.2 Council"))
    #expect(state.screen[1].hasPrefix("▸ 4 General Secretariat"))
    state.press(.character("l"))
    #expect(state.screen[1].hasPrefix("  ▸ R1300"))
    #expect(state.screen[2].hasPrefix("  ▸ R1316"))
    // A jump into a closed chapter opens it and selects the document.
    state.goTo("R1317")
    #expect(state.selectedTreeRow?.id == .document(2))
    #expect(state.treeRows.contains { $0.id == .chapter("4 General Secretariat") && $0.isExpanded })
  }

  @Test func siblingDocumentsWithBrackets() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character("]"))
    #expect(state.document?.id == "R1316")
    #expect(state.focus == .tree)
    state.press(.character("]"), .character("]"))
    #expect(state.document?.id == "R1317")
    #expect(state.statusMessage?.text == "This is the last document")
    state.press(.character("["))
    #expect(state.document?.id == "R1316")
  }

  @Test func readerScrollsAndReportsPosition() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character("j"), .character("w"))
    #expect(state.focus == .reader)
    #expect(state.screen[29].contains("line 1/"))
    state.press(.pageDown)
    #expect(state.readerScroll == 28)
    #expect(state.screen[29].contains("line 29/"))
    // The current clause follows what is on screen.
    #expect(state.currentClause?.hasPrefix("instructs the Secretary-General") == true)
    state.press(.character("G"))
    #expect(state.screen[29].hasSuffix("100%"))
    state.press(.home)
    #expect(state.readerScroll == 0)
  }
}
