import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct ScreenEdgeTests {
  @Test(arguments: [(20, 5), (10, 3), (1, 1), (3, 2), (0, 0), (80, 2), (200, 1)])
  func tinyTerminalsDrawSomethingSaneForEveryAction(columns: Int, rows: Int) {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.resize(columns: columns, rows: rows)
    for action in Action.allCases where action != .quit && action != .suspend {
      for opener in [nil, Action.help, .showHistory, .showCitedBy, .goTo] {
        if let opener { _ = state.handle(opener) }
        _ = state.handle(action)
        _ = state.handle(key: .tab)
        let grid = Renderer.render(state)
        #expect(grid.width == columns && grid.height == rows)
        _ = state.handle(.closeOverlay)
      }
    }
    state.handle(mouse: .click(x: 1, y: 1))
    state.handle(mouse: .wheelDown(x: 1, y: 1))
    _ = Renderer.render(state)
  }

  @Test func twentyByFiveShowsTheTreeAndAStatusLine() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.resize(columns: 20, rows: 5)
    let screen = state.screen
    #expect(screen.count == 5)
    #expect(screen[0].hasPrefix("▸ R1300  Council Wo…"))
    #expect(screen[4].hasPrefix("[tree] R1300"))
    state.press(.character("w"))
    #expect(state.screen[0].contains("Resolution"))
  }

  @Test func tenByThreeStillNamesTheDocument() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 10, rows: 3)
    #expect(state.screen[0].hasPrefix("▸ R1300"))
    state.press(.character("?"))
    #expect(state.screen.count == 3)
    #expect(state.screen.allSatisfy { $0.count <= 10 })
  }

  @Test func resizingRewrapsAndKeepsTheClauseInView() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goTo("R1316 instructs the Secretary-General 20")
    #expect(state.currentClause == "instructs the Secretary-General 20")
    let wideLines = state.readerLayout?.lines.count ?? 0
    state.resize(columns: 120, rows: 12)
    #expect(state.readerLayout?.width == 120 - 42 - 1 - 2)
    #expect(state.screenText.contains("task number 20"))
    state.resize(columns: 50, rows: 10)
    #expect((state.readerLayout?.lines.count ?? 0) > wideLines)
    #expect(state.screenText.contains("task number 20"))
    #expect(state.screen.allSatisfy { DisplayWidth.of($0) <= 50 })
  }

  @Test func narrowTerminalsShowOnePaneAtATime() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 60, rows: 20)
    #expect(state.layout.isSinglePane)
    #expect(state.screen[0].hasPrefix("▸ R1300"))
    #expect(!state.screen[0].contains("│"))
    state.press(.control("w"))
    #expect(state.screen[0].hasPrefix(" Resolution 1300 (C08)"))
    #expect(state.screen[19].hasPrefix("[reader] R1300"))
    state.press(.character("w"))
    #expect(state.screen[19].hasPrefix("[tree] R1300"))
  }

  @Test func helpListsEveryActionFromTheKeyTable() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 140, rows: 60)
    #expect(Action.allCases.allSatisfy { !KeyMap.standard.keys(for: $0).isEmpty })
    state.press(.character("?"))
    let text = state.screenText
    for entry in KeyMap.standard.helpEntries {
      #expect(text.contains(entry.action.summary), "\(entry.action)")
      #expect(text.contains(entry.keys), "\(entry.keys)")
    }
    #expect(text.contains("Backspace, Ctrl-O, H"))
    state.press(.character("?"))
    #expect(state.overlay == nil)
  }

  @Test func helpScrollsWhenTheScreenIsShort() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 12)
    state.press(.character("?"))
    #expect(!state.screenText.contains(Action.quit.summary))
    state.press(.character("G"))
    #expect(state.screenText.contains(Action.quit.summary))
  }

  @Test func unboundKeysSayHowToGetHelp() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character("Z"))
    #expect(state.screen[29].hasPrefix("Z is not bound — ? for help"))
  }

  @Test func onlyThemeCyclingIsLeftToTheHost() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    #expect(state.handle(.cycleTheme) == .unhandled(.cycleTheme))
    for action in Action.allCases where action != .cycleTheme {
      var copy = state
      if case .unhandled = copy.handle(action) { Issue.record("\(action) left unhandled") }
    }
    #expect(state.handle(key: .control("c")) == .quit)
    #expect(state.handle(key: .character("q")) == .quit)
    #expect(state.handle(key: .control("z")) == .suspend)
  }
}
