import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct BrowserCitationTests {
  /// R1316 with `recalling b)` current (chosen in the tree).
  func atRecallingB() -> BrowserState {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goToService = .citations
    state.goTo("R1316 recalling b)")
    return state
  }

  func copied(_ effect: BrowserEffect) -> CopyRequest? {
    if case .copy(let request) = effect { return request }
    return nil
  }

  @Test func yCopiesTheShortCitationOfTheCurrentClause() {
    var state = atRecallingB()
    #expect(state.currentClause == "recalling b)")
    let request = copied(state.handle(key: .character("y")))
    #expect(request?.text == "Res. 1316 (C09), recalling b)")
    #expect(request?.description == "short citation of R1316 › recalling b)")
  }

  @Test func yUsesTheConfiguredDefaultFormat() {
    var state = atRecallingB()
    state.defaultCitationFormat = .full
    let request = copied(state.handle(key: .character("y")))
    #expect(request?.text.hasPrefix("ITU Council Resolution 1316 (C09)") == true)
    #expect(request?.text.hasSuffix("recalling b)") == true)
  }

  @Test func capitalYCopiesTheTextWithItsCitation() {
    var state = atRecallingB()
    let request = copied(state.handle(key: .character("Y")))
    #expect(request?.text == "“the work done so far;” Res. 1316 (C09), recalling b)")
  }

  @Test func withoutAClauseTheDocumentIsCited() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goTo("1317")
    #expect(state.currentClause == nil)
    #expect(copied(state.handle(key: .character("y")))?.text == "Res. 1317 (C10)")
  }

  @Test func theFormatPickerShowsPreviewsAndCopiesTheChosenOne() {
    var state = atRecallingB()
    state.citationTemplates = ["mine": "{id}/{path}", "broken": "{nope}"]
    state.press(.character("F"))
    guard case .citationFormats(let picker) = state.overlay else {
      Issue.record("no picker")
      return
    }
    #expect(
      picker.entries.map(\.format.name) == ["short", "full", "quote", "markdown", "broken", "mine"])
    let text = state.screenText
    #expect(text.contains("Res. 1316 (C09), recalling b)"))
    #expect(text.contains("R1316/recalling b)"))
    #expect(text.contains("cannot write"))
    // The broken template: an error, nothing copied, the picker stays.
    state.press(.end, .up)
    #expect(copied(state.handle(key: .enter)) == nil)
    #expect(state.statusMessage?.isError == true)
    state.press(.end)
    let request = copied(state.handle(key: .enter))
    #expect(request?.text == "R1316/recalling b)")
    #expect(state.overlay == nil)
  }

  @Test func aPastedShortCitationLandsOnItsClause() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.goToService = .citations
    var source = atRecallingB()
    let citation = copied(source.handle(key: .character("y")))?.text ?? ""
    #expect(citation == "Res. 1316 (C09), recalling b)")
    state.goTo(citation)
    #expect(state.document?.id == "R1316")
    #expect(state.currentClause == "recalling b)")
    #expect(state.screen[29].hasPrefix("R1316 › recalling b)"))
  }
}
