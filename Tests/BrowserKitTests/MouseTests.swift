import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct MouseTests {
  @Test func clickSelectsATreeNodeAndAgainExpandsIt() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.handle(mouse: .click(x: 3, y: 1))
    #expect(state.selectedTreeRow?.id == .document(1))
    #expect(state.document?.id == "R1316")
    state.handle(mouse: .click(x: 3, y: 1))
    #expect(state.selectedTreeRow?.isExpanded == true)
  }

  @Test func clickOnALinkFollowsIt() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.handle(mouse: .click(x: 3, y: 1))
    let grid = Renderer.render(state)
    let y = grid.rowIndex(containing: "Resolution 1300 of the") ?? -1
    let x = grid.column(of: "1300 of", row: y) ?? -1
    state.handle(mouse: .click(x: x, y: y))
    #expect(state.document?.id == "R1300")
    #expect(state.currentClause == "resolves 2")
  }

  @Test func wheelScrollsBothWays() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.handle(mouse: .click(x: 3, y: 1))
    state.handle(mouse: .wheelDown(x: 60, y: 10))
    #expect(state.readerScroll == 3)
    state.handle(mouse: .wheelDown(x: 60, y: 10))
    state.handle(mouse: .wheelUp(x: 60, y: 10))
    #expect(state.readerScroll == 3)
  }
}
