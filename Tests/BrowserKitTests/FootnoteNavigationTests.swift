import ResolutionKit
import Testing

@testable import BrowserKit

/// Footnote markers drawn where they stood, Tab stopping at them, and `f`
/// (or Enter) going from a marker to its footnote and back (issue 11).
@Suite struct FootnoteNavigationTests {
  static let text = """
    R 1300 Strategic plan
    The Council,
    resolves
    1. to plan.

    R 1400 Working Group on the Plan*
    * Established by correspondence.
    The Council,
    considering
    a) that Resolution 1300 of the Council applies;
    resolves
    1. to apply Resolution 1282¹ (Mod. 2008) of the Council to all groups;
    ¹ Modified by the Council in 2008; see Document C08/112.
    2. to report.
    """

  static let corpus = Corpus.build(from: [SourceText(name: "notes.txt", text: text)])

  /// R1400 open in the reader.
  func atR1400(rows: Int = 30) -> BrowserState {
    var state = BrowserState(corpus: Self.corpus, columns: 100, rows: rows)
    state.goTo("R1400")
    return state
  }

  @Test func markersAreDrawnWhereTheyStoodInTheirOwnRole() throws {
    let state = atR1400()
    let grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "Resolution 1282[1] (Mod. 2008)"))
    let x = try #require(grid.column(of: "[1] (Mod", row: y))
    #expect(grid.cell(x: x, y: y)?.role == .footnoteMark)
    #expect(grid.cell(x: x + 2, y: y)?.role == .footnoteMark)
    #expect(grid.cell(x: x + 4, y: y)?.role != .footnoteMark)
    let noteRow = try #require(grid.rowIndex(containing: "[1] Modified by the Council in 2008"))
    let noteX = try #require(grid.column(of: "[1] Modified", row: noteRow))
    #expect(grid.cell(x: noteX, y: noteRow)?.role == .footnoteMark)
    #expect(noteRow > y)
    // The title's marker and its footnote under the title.
    #expect(grid.rowIndex(containing: "Working Group on the Plan[*]") != nil)
    #expect(grid.rowIndex(containing: "[*] Established by correspondence.") != nil)
  }

  @Test func tabStopsAtMarkersAmongLinksAndEnterShowsTheFootnote() throws {
    var state = atR1400()
    let layout = try #require(state.readerLayout)
    #expect(layout.footnotes.count == 2)
    // Title marker, the link in considering a), the link the marker
    // stands in (`Resolution 1282¹ (Mod. 2008) of the Council`), then the
    // marker.
    state.press(.tab)
    #expect(state.selectedFootnote?.footnote == FootnoteID(clausePath: nil, index: 0))
    state.press(.tab)
    #expect(state.selectedReference == 0)
    #expect(state.selectedFootnote == nil)
    state.press(.tab)
    #expect(state.selectedReference == 1)
    state.press(.tab)
    let marker = FootnoteSelection(
      footnote: FootnoteID(clausePath: "resolves 1", index: 0), atNote: false)
    #expect(state.selectedFootnote == marker)
    #expect(state.selectedReference == nil)
    #expect(state.statusMessage?.text.hasPrefix("Footnote [1]: Modified by the Council") == true)
    var grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "Resolution 1282[1]"))
    let x = try #require(grid.column(of: "[1] (Mod", row: y))
    #expect(grid.cell(x: x, y: y)?.role == .treeFocused)

    state.press(.enter)
    #expect(state.selectedFootnote == FootnoteSelection(footnote: marker.footnote, atNote: true))
    #expect(state.currentClause == "resolves 1")
    grid = Renderer.render(state)
    let noteRow = try #require(grid.rowIndex(containing: "[1] Modified by the Council"))
    let noteX = try #require(grid.column(of: "[1] Modified", row: noteRow))
    #expect(grid.cell(x: noteX, y: noteRow)?.role == .treeFocused)
    #expect(grid.cell(x: x, y: y)?.role == .footnoteMark)

    // f goes back to the marker; Back (history) does too.
    state.press(.character("f"))
    #expect(state.selectedFootnote == marker)
    state.press(.character("f"))
    #expect(state.selectedFootnote?.atNote == true)
    state.press(.backspace)
    #expect(state.selectedFootnote == marker)
    state.press(.backTab)
    #expect(state.selectedReference == 1)
  }

  @Test func fOnAClauseGoesToItsFootnoteEvenOffScreen() throws {
    // A short reader: the footnote sits below the screen's end.
    var state = atR1400(rows: 8)
    state.goTo("R1400 resolves 1")
    #expect(state.currentClause == "resolves 1")
    state.press(.character("f"))
    let note = try #require(state.selectedFootnote)
    #expect(note.atNote)
    #expect(note.footnote == FootnoteID(clausePath: "resolves 1", index: 0))
    #expect(state.screenText.contains("[1] Modified by the Council"))
    state.press(.character("f"))
    #expect(state.selectedFootnote?.atNote == false)
    #expect(state.screenText.contains("Resolution 1282[1]"))
  }

  @Test func fOnASelectedLinkGoesToTheFootnoteMarkedInIt() {
    var state = atR1400()
    state.press(.tab, .tab, .tab)
    #expect(state.selectedReference == 1)
    state.press(.character("f"))
    #expect(
      state.selectedFootnote
        == FootnoteSelection(
          footnote: FootnoteID(clausePath: "resolves 1", index: 0), atNote: true))
    #expect(state.selectedReference == nil)
  }

  @Test func fWithoutFootnotesSaysSo() {
    var state = BrowserState(corpus: Self.corpus, columns: 100, rows: 30)
    state.goTo("R1300")
    state.press(.character("f"))
    #expect(state.selectedFootnote == nil)
    #expect(state.statusMessage?.text == "No footnotes in this document")
  }

  @Test func scrollingAwayDropsTheSelection() {
    var state = atR1400(rows: 8)
    state.press(.tab)
    #expect(state.selectedFootnote != nil)
    state.press(.character("G"))
    #expect(state.selectedFootnote == nil)
  }

  @Test func clickOnAMarkerShowsItsFootnote() throws {
    var state = atR1400()
    let grid = Renderer.render(state)
    let y = try #require(grid.rowIndex(containing: "Resolution 1282[1]"))
    let x = try #require(grid.column(of: "[1] (Mod", row: y))
    state.handle(mouse: .click(x: x + 1, y: y))
    #expect(state.selectedFootnote?.atNote == true)
    #expect(state.selectedFootnote?.footnote.clausePath == "resolves 1")
  }

  @Test func markerAtTheTextsEndAndUnanchoredFootnotesAreSafe() {
    let note = Footnote(
      mark: "²", text: "Far.", location: SourceLocation(file: "x", line: 1), anchor: 10_000)
    let lost = Footnote(mark: "3", text: "Lost.", location: SourceLocation(file: "x", line: 1))
    let document = Document(
      id: "R1", kind: .resolution, number: "1", location: SourceLocation(file: "x", line: 1),
      sections: [
        Section(
          heading: "resolves", role: .operative, location: SourceLocation(file: "x", line: 2),
          clauses: [
            Clause(
              label: "1", path: "resolves 1", text: "to act.",
              location: SourceLocation(file: "x", line: 3), footnotes: [note, lost])
          ])
      ])
    for width in [1, 3, 10, 80] {
      let layout = ReaderLayout(document: document, index: 0, width: width)
      #expect(layout.footnotes.count == 2)
      #expect(layout.markerPlaces[1] == nil)
      #expect(layout.stops.count == 1)
    }
    let wide = ReaderLayout(document: document, index: 0, width: 80)
    #expect(wide.lines.contains { $0.text.contains("to act.[2]") })
    #expect(wide.lines.contains { $0.text.contains("[3] Lost.") })
  }
}
