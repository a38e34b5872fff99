import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct TextDrawingTests {
  @Test func wideCharactersTakeTwoCells() {
    var grid = CellGrid(width: 6, height: 1)
    let end = grid.write("a中b", x: 0, y: 0, role: .bodyText)
    #expect(end == 4)
    #expect(grid.cell(x: 1, y: 0)?.text == "中")
    #expect(grid.cell(x: 1, y: 0)?.width == 2)
    #expect(grid.cell(x: 2, y: 0)?.width == 0)
    #expect(grid.cell(x: 3, y: 0)?.text == "b")
    // A wide character that does not fit in the last column is not split.
    var edge = CellGrid(width: 3, height: 1)
    edge.write("ab中", x: 0, y: 0, role: .bodyText)
    #expect(edge.text(ofRow: 0) == "ab ")
    // Overwriting half of a wide character blanks the other half.
    grid.write("x", x: 2, y: 0, role: .bodyText)
    #expect(grid.text(ofRow: 0) == "a xb  ")
  }

  @Test func cjkTitlesKeepColumnsAligned() {
    let title = "中文标题 about ＡＢＣ"
    let document = Document(
      id: "R1", kind: .resolution, number: "1", title: title, location: TestCorpus.at(1),
      sections: [
        Section(heading: "resolves", role: .operative, location: TestCorpus.at(2), clauses: [])
      ])
    let state = BrowserState(corpus: Corpus(documents: [document]), columns: 100, rows: 10)
    let grid = Renderer.render(state)
    // Tree: "▸ R1  " is 6 columns, then 4 wide characters = 8 columns.
    #expect(grid.column(of: "about", row: 0) == 6 + 8 + 1)
    #expect(grid.cell(x: 6, y: 0)?.text == "中")
    #expect(grid.cell(x: 7, y: 0)?.width == 0)
    // The separator stays in its column on every row.
    for y in 0..<9 { #expect(grid.cell(x: 35, y: y)?.text == "│") }
    // Reader: row 0 names the document, row 1 is the title.
    let readerRow = 1
    #expect(
      grid.text(ofRow: 1).hasSuffix("中文标题 about ＡＢＣ" + String(repeating: " ", count: 100 - 37 - 21))
    )
    #expect(grid.cell(x: 37, y: readerRow)?.text == "中")
    #expect(grid.cell(x: 38, y: readerRow)?.width == 0)
  }

  @Test func controlCharactersNeverReachTheGrid() {
    let text = "evil \u{1B}[2J\u{07} text with \u{202E}override\u{9B} end"
    let document = Document(
      id: "R2", kind: .resolution, number: "2", title: "Title \u{1B}]52;c;Zm9v\u{07}",
      location: TestCorpus.at(1),
      sections: [
        Section(
          heading: "resolves\u{0}", role: .operative, location: TestCorpus.at(2),
          clauses: [
            Clause(label: "1\u{1B}", path: "resolves 1", text: text, location: TestCorpus.at(3))
          ])
      ])
    var state = BrowserState(corpus: Corpus(documents: [document]), columns: 100, rows: 20)
    state.press(.character("l"), .character("j"), .character("l"))
    let grid = Renderer.render(state)
    for cell in grid.cells {
      for scalar in cell.text.unicodeScalars {
        #expect(!scalar.isTerminalUnsafe, "U+\(String(scalar.value, radix: 16)) reached the grid")
      }
    }
    #expect(state.screenText.contains("evil ␛[2J␇ text"))
    #expect(state.screenText.contains("Title ␛]52;c;Zm9v␇"))
  }

  @Test func truncationEndsInAnEllipsis() {
    #expect(TextFitting.truncate("Council Working Group", toWidth: 10) == "Council W…")
    #expect(TextFitting.truncate("short", toWidth: 10) == "short")
    #expect(TextFitting.truncate("中文中文中文", toWidth: 5) == "中文…")
    #expect(TextFitting.truncate("anything", toWidth: 0) == "")
    #expect(TextFitting.truncate("exactly10!", toWidth: 10) == "exactly10!")
    #expect(
      TextFitting.truncate("a\u{1B}[31mb", toWidth: 20).unicodeScalars.allSatisfy { $0 != "\u{1B}" }
    )
    // A whole clause in a tree row: only the start is shown.
    let long = String(repeating: "word ", count: 20_000)
    let cut = TextFitting.truncate(long, toWidth: 12)
    #expect(cut == "word word w…")
    #expect(DisplayWidth.of(cut) == 12)
  }

  @Test func readerWrapsWithHangingLabels() {
    let corpus = TestCorpus.make()
    guard let document = corpus.document(id: "R1316") else { return }
    let layout = ReaderLayout(document: document, index: 1, width: 30)
    #expect(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 30 })
    guard let range = layout.clauseLines["recalling a)"] else {
      Issue.record("clause not laid out")
      return
    }
    #expect(range.count > 3)
    #expect(layout.lines[range.lowerBound].text.hasPrefix("a)  Resolution 1300 of the"))
    for line in range.dropFirst() { #expect(layout.lines[line].text.hasPrefix("    ")) }
    // Every word of the clause survives wrapping.
    let joined = range.map { layout.lines[$0].text.dropFirst(4) }.joined(separator: " ")
    #expect(joined.split(separator: " ") == TestCorpus.citingText.split(separator: " "))
    // Both references are placed, the first one wrapping over two lines.
    #expect(layout.linkOrder.map(\.reference) == [0, 1])
  }

  @Test func badSpansAreIgnored() {
    var document = Document(
      id: "R3", kind: .resolution, location: TestCorpus.at(1),
      sections: [
        Section(
          heading: "resolves", role: .operative, location: TestCorpus.at(2),
          clauses: [
            Clause(label: "1", path: "resolves 1", text: "short é", location: TestCorpus.at(3))
          ])
      ])
    document.references = [
      Reference(kind: .resolution, text: "x", field: .clause, path: "resolves 1", span: 500..<600),
      Reference(kind: .resolution, text: "x", field: .clause, path: "resolves 1", span: 5..<3000),
    ]
    let layout = ReaderLayout(document: document, index: 0, width: 40)
    #expect(layout.linkOrder.map(\.reference) == [1])
  }
}

@Suite struct SearchHighlightTests {
  @Test func matchesArePaintedInTheSearchRole() {
    var state = BrowserState(corpus: TestCorpus.make(), columns: 100, rows: 30)
    state.searchHighlight = SearchHighlight { text in
      var ranges: [Range<String.Index>] = []
      var start = text.startIndex
      while let range = text.range(of: "Working", range: start..<text.endIndex) {
        ranges.append(range)
        start = range.upperBound
      }
      return ranges
    }
    let grid = Renderer.render(state)
    let y = grid.rowIndex(containing: "Council Working Group on child") ?? -1
    // The reader's title row, not the tree's.
    let row =
      (0..<grid.height).first { grid.text(ofRow: $0).contains("│ Council Working Group") } ?? -1
    #expect(y >= 0 && row >= 0)
    let x = 36 + 1 + "Council ".count
    #expect(grid.cell(x: x, y: row)?.role == .searchMatch)
    #expect(grid.cell(x: x + 6, y: row)?.role == .searchMatch)
    #expect(grid.cell(x: x + 7, y: row)?.role == .documentTitle)
    #expect(grid.cell(x: x - 1, y: row)?.role == .documentTitle)
    state.searchHighlight = nil
    #expect(Renderer.render(state).cell(x: x, y: row)?.role == .documentTitle)
  }
}
