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

  /// Lines keep a place in their paragraph, not glyphs: what they draw
  /// must be what the wrap measured, links and markers where they stand.
  @Test func linesDrawWhatTheWrapMeasured() {
    let text =
      "to a\u{200B}b c\u{1B}[31m 日本語日本語 e\u{301}\tf 👩‍👩‍👧 supercalifragilistic"
      + " and Resolution 1300 of the Council, twice: Resolution 1300 of the Council."
    let citation = "Resolution 1300 of the Council"
    let starts = text.ranges(of: citation).map {
      text.utf8.distance(from: text.startIndex, to: $0.lowerBound)
    }
    let note = Footnote(
      mark: "1", text: "A note.", location: TestCorpus.at(4),
      anchor: text.utf8.count / 2)
    var document = Document(
      id: "R5", kind: .resolution, number: "5", location: TestCorpus.at(1),
      sections: [
        Section(
          heading: "resolves", role: .operative, location: TestCorpus.at(2),
          clauses: [
            Clause(
              label: "1", path: "resolves 1", text: text, location: TestCorpus.at(3),
              footnotes: [note])
          ])
      ])
    document.references = starts.map {
      Reference(
        kind: .resolution, text: citation, number: "1300", body: "Council", field: .clause,
        path: "resolves 1", span: $0..<($0 + citation.utf8.count))
    }
    for width in [1, 2, 5, 9, 16, 40, 200] {
      let layout = ReaderLayout(document: document, index: 0, width: width)
      for line in layout.lines {
        #expect(line.characters == String(line.glyphs.map(\.character)))
        // Narrower, a glyph wider than the room left still takes a line.
        if width >= 16 { #expect(line.indent + line.glyphs.reduce(0) { $0 + $1.width } <= width) }
        #expect(!line.glyphs.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
      }
      // Each link's fragments are glyphs of that link, where placed.
      for placement in layout.placements {
        let glyphs = layout.lines[placement.line].glyphs
        var column = layout.lines[placement.line].indent
        var covered = 0
        for glyph in glyphs {
          if column >= placement.column, column < placement.column + placement.width {
            #expect(glyph.reference == placement.reference)
            covered += glyph.width
          }
          column += glyph.width
        }
        #expect(covered == placement.width)
      }
      #expect(layout.linkOrder.map(\.reference) == [0, 1])
      #expect(layout.markerPlaces.count == 1)
      if width >= 5 { #expect(layout.markerPlaces[0] != nil) }
    }
    let wide = ReaderLayout(document: document, index: 0, width: 200)
    let body = wide.lines.map(\.text).joined(separator: "\n")
    #expect(body.contains("日本語日本語"))
    #expect(body.contains("[1]"))
    #expect(body.contains("[1] A note."))
  }

  /// A clause of a megabyte on one line: laid out in full, the last words
  /// on the last of its lines.
  @Test func aMegabyteClauseLaysOutInFull() {
    let text = String(repeating: "study the matter further, ", count: 40_000) + "the end."
    let document = Document(
      id: "R6", kind: .resolution, number: "6", location: TestCorpus.at(1),
      sections: [
        Section(
          heading: "resolves", role: .operative, location: TestCorpus.at(2),
          clauses: [Clause(label: "1", path: "resolves 1", text: text, location: TestCorpus.at(3))])
      ])
    let layout = ReaderLayout(document: document, index: 0, width: 80)
    let lines = layout.clauseLines["resolves 1"] ?? 0..<0
    // 76 columns after the label: 2 whole phrases (52) and "study the
    // matter" (16) fit; about 1,040,008 bytes over some 15,300 lines.
    #expect(lines.count > 13_000 && lines.count < 16_000)
    #expect(layout.lines[lines.upperBound - 1].text.hasSuffix("the end."))
    #expect(lines.allSatisfy { layout.lines[$0].characters.utf8.count <= 80 })
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
