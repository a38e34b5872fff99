import Testing

@testable import ResolutionKit

/// A big file is parsed in pieces on all cores; the result must be exactly
/// that of a sequential parse: documents (chapters included), diagnostics,
/// removed lines and line count.
@Suite struct ParserPiecesTests {
  /// Many documents in the shapes that carry state across documents:
  /// chapters before headers (with and without blank lines, behind page
  /// noise), chapters right after a `Ref.:` line, documents without a
  /// chapter line, a fragment at the start, numbering jumps, text after a
  /// `Ref.:` line, page noise and form feeds.
  static func text() throws -> String {
    var text = "Loose text before any header;\n\n"
    for number in 1...60 {
      switch number % 6 {
      case 0: text += "\(number % 7 + 1) Finance\n\n"
      case 1: text += "\(number % 7 + 1) Staff matters\n\n- 7 -\n\n1.2 Other matters\n\n"
      case 2: text += "3.2 Council\n"
      case 3: text += "\u{0C}\n"
      default: break
      }
      text += "R \(1000 + number) Title of resolution \(number)\n\nThe Council,\n\nconsidering\n\n"
      text += "a)\tthat one;\n\nc)\tthat two;\n\n12\n\nresolves\n\n1\tto act;\n\n3\tto report,\n\n"
      text += "Ref.:\tDocuments C09/\(number) and C09/120.\n\n"
      if number % 9 == 0 { text += "Text after the reference line.\n\n" }
      // A form feed inside a line: the line is rewritten (a piece's
      // patches, counted after its own bytes).
      if number % 5 == 0 { text += "R \(3000 + number) Fed\n\nresolves\n\n1\tto\u{0C} act;\n\n" }
    }
    text += try ParserFixtures.text("renderings_pdftotext.txt").text
    text += "\n\n" + (try ParserFixtures.text("renderings_word.txt").text)
    text += "\n\n" + (try ParserFixtures.text("footnotes_pdftotext.txt").text)
    text += "\n\n" + FootnoteTests.plainDigitPage
    return text
  }

  @Test(arguments: [3, 5, 8, 40])
  func piecesParseLikeOneText(_ pieces: Int) throws {
    let source = SourceText(name: "pieces.txt", text: try Self.text())
    let prepared = PreparedText(source.text)
    #expect(PieceBoundaries.ranges(of: prepared, count: pieces).count > 1)
    let whole = DocumentParser.parse(source, pieces: 1)
    let cut = DocumentParser.parse(source, pieces: pieces)
    #expect(whole.documents.count > 60)
    #expect(whole.documents.contains { $0.chapter == "3.2 Council" })
    #expect(
      whole.documents.contains {
        $0.allClauses.contains { $0.text == "to act;" } && $0.number == "3055"
      })
    #expect(whole.documents.contains { $0.allClauses.contains { !$0.footnotes.isEmpty } })
    #expect(!whole.diagnostics.isEmpty)
    #expect(!whole.file.removedLines.isEmpty)
    #expect(cut.documents.count == whole.documents.count)
    for (left, right) in zip(cut.documents, whole.documents) {
      #expect(left == right, "\(left.id)")
    }
    #expect(cut.diagnostics == whole.diagnostics)
    #expect(cut.file == whole.file)
  }

  @Test func piecesStartAtHeadersAfterABlankLine() throws {
    let prepared = PreparedText(try Self.text())
    let ranges = PieceBoundaries.ranges(of: prepared, count: 40)
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == prepared.rawLines.count)
    for (left, right) in zip(ranges, ranges.dropFirst()) {
      #expect(left.upperBound == right.lowerBound)
      #expect(PieceBoundaries.isSafeStart(right.lowerBound, prepared))
    }
  }

  /// Pieces shrink from first to last (the last one parsed is what the
  /// other cores wait for): of four, the first holds about 4/10 of the
  /// text and the last about 1/10.
  @Test func piecesShrinkFromFirstToLast() throws {
    // Documents of one size, each a safe place to cut.
    let prepared = PreparedText(
      (1...200).map { "R \(1000 + $0) Title \($0)\n\nThe Council,\n\nresolves\n\n1\tto act;\n\n" }
        .joined())
    let lines = prepared.rawLines
    let ranges = PieceBoundaries.ranges(of: prepared, count: 4)
    try #require(ranges.count == 4)
    func bytes(_ range: Range<Int>) -> Int {
      (range.upperBound < lines.count ? lines[range.upperBound].start : prepared.text.utf8.count)
        - lines[range.lowerBound].start
    }
    let total = prepared.text.utf8.count
    #expect(bytes(ranges[0]) > total * 3 / 10)
    #expect(bytes(ranges[3]) < total * 2 / 10)
    #expect(bytes(ranges[0]) > bytes(ranges[3]))
  }
}
