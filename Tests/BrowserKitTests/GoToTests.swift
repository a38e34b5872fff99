import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct GoToTests {
  @Test func goesToIdNumberAndSymbol() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    for (input, id) in [
      ("1316", "R1316"), ("r1317", "R1317"), ("C08/100", "R1300"), ("Resolution 1316", "R1316"),
    ] {
      state.press(.character(":"))
      state.type(input)
      #expect(state.screen[29].hasPrefix("Go to: \(input)"))
      state.press(.enter)
      #expect(state.document?.id == id, "\(input)")
      #expect(state.overlay == nil)
    }
  }

  @Test func unknownInputLeavesAMessageAndDoesNotJump() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goTo("4242")
    #expect(state.document?.id == "R1300")
    #expect(state.backStack.isEmpty)
    #expect(state.statusMessage?.isError == true)
    #expect(state.screen[29].contains("Nothing in the corpus matches “4242”"))
  }

  @Test func tabCompletesToTheBestMatch() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character(":"))
    state.type("R131")
    guard case .prompt(let prompt) = state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.suggestions.map(\.address.documentID) == ["R1316", "R1317"])
    #expect(state.screen[27].contains("R1316  Child online protection"))
    state.press(.tab)
    guard case .prompt(let completed) = state.overlay else { return }
    #expect(completed.input == "R1316")
    // Down picks the second suggestion; Enter goes there.
    state.press(.backspace)
    state.type("7")
    state.press(.enter)
    #expect(state.document?.id == "R1317")
  }

  @Test func promptTakesLettersThatAreAlsoKeys() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.press(.character(":"))
    state.type("qjk?")
    guard case .prompt(let prompt) = state.overlay else {
      Issue.record("prompt closed by a letter")
      return
    }
    #expect(prompt.input == "qjk?")
  }
}

@Suite struct CitationGoToTests {
  @Test func theCitationParserServiceResolvesAndSuggests() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goToService = .citations
    state.press(.character(":"))
    state.type("1316")
    guard case .prompt(let prompt) = state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.suggestions.first?.address.documentID == "R1316")
    state.press(.enter)
    #expect(state.document?.id == "R1316")
    state.goTo("Resolution 1300 of the Council, resolves 2")
    #expect(state.document?.id == "R1300")
    #expect(state.currentClause == "resolves 2")
    state.goTo("no such thing 77777")
    #expect(state.document?.id == "R1300")
    #expect(state.statusMessage?.isError == true)
  }
}
