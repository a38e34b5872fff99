import Foundation
import Testing

@testable import ResolutionKit

/// Every format of the fixture parses to the tree its text version parses
/// to (source lines and file names aside).
@Suite(
  .enabled(
    if: FormatTrees.parserBuildsTrees,
    "the text parser on this branch does not build resolution trees yet"))
struct FormatSameTreeTests {
  @Test func fixtureTextHasTheExpectedShape() throws {
    let documents = FormatTrees.tree(of: FormatFixtures.text)
    let resolution = try #require(documents.first { $0.number == "1316" })
    #expect(
      resolution.sections.map(\.heading) == [
        "considering", "resolves", "instructs the Secretary-General",
      ])
    #expect(resolution.clause(atPath: "resolves 1.2") != nil)
    #expect(documents.first?.kind == .fragment)
  }

  @Test func wordParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    #expect(
      try FormatTrees.tree(ofFormat: DocxFixtureWriter.fixture(), name: "fixture.docx") == expected)
  }

  @Test func htmlParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    #expect(
      try FormatTrees.tree(ofFormat: HTMLFixtureWriter.fixture(), name: "fixture.html") == expected)
  }

  @Test(
    .enabled(
      if: ExternalTool.find("pdftotext") != nil,
      "pdftotext is not installed: apt-get install poppler-utils"))
  func pdfParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    let pdf = FixturePDFWriter.pdf(
      lines: FixturePDFWriter.layout(FormatFixtures.lines(numberSeparator: " ")))
    #expect(try FormatTrees.tree(ofFormat: pdf, name: "fixture.pdf") == expected)
  }

  @Test(
    .enabled(
      if: ExternalTool.find("pdftotext") != nil,
      "pdftotext is not installed: apt-get install poppler-utils"))
  func pagedPDFWithRunningHeadsAndPageNumbersParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    let lines = FixturePDFWriter.layout(FormatFixtures.lines(numberSeparator: " "))
    let pdf = FixturePDFWriter.pdf(
      lines: lines, linesPerPage: 17, header: { "- \($0 + 95) - (3.2 - Council)" },
      footer: { "\($0)/484" })
    #expect(try FormatTrees.tree(ofFormat: pdf, name: "fixture.pdf") == expected)
  }

  @Test(
    .enabled(
      if: ExternalTool.find("pdftotext") != nil,
      "pdftotext is not installed: apt-get install poppler-utils"))
  func pdfWithHangingIndentsParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    let lines = FixturePDFWriter.layout(
      FormatFixtures.lines(numberSeparator: " "), width: 90, hangingIndent: true)
    #expect(
      try FormatTrees.tree(ofFormat: FixturePDFWriter.pdf(lines: lines), name: "fixture.pdf")
        == expected)
  }

  @Test(
    .enabled(
      if: ExternalTool.find("pdftotext") != nil,
      "pdftotext is not installed: apt-get install poppler-utils"))
  func proportionalFontPDFParsesLikeText() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    let lines = FixturePDFWriter.layout(FormatFixtures.lines(numberSeparator: " "), width: 85)
    let pdf = FixturePDFWriter.pdf(lines: lines, font: "Helvetica")
    #expect(try FormatTrees.tree(ofFormat: pdf, name: "fixture.pdf") == expected)
  }

  /// What the text parser does not yet undo in `pdftotext -layout` output
  /// (found with these fixtures; see the formats report). Each is a known
  /// issue: when the parser learns it, the test says so and can become an
  /// ordinary expectation.
  @Test(
    .enabled(
      if: ExternalTool.find("pdftotext") != nil,
      "pdftotext is not installed: apt-get install poppler-utils"))
  func pdfLayoutsTheParserDoesNotUndoYet() throws {
    let expected = FormatTrees.tree(of: FormatFixtures.text)
    let paragraphs = FormatFixtures.lines(numberSeparator: " ")
    func tree(_ lines: [String]) throws -> [Document] {
      try FormatTrees.tree(ofFormat: FixturePDFWriter.pdf(lines: lines), name: "fixture.pdf")
    }
    // Continuation lines over 100 columns with their indent.
    let wide = FixturePDFWriter.layout(paragraphs, width: 100, hangingIndent: true)
    let wideTree = try tree(wide)
    withKnownIssue("wrapped lines longer than 100 columns are taken as paragraphs") {
      #expect(wideTree == expected)
    }
    // A heading whose addressee wraps onto a second line, among clauses
    // with hanging indents (which widen the measured right margin).
    let wrappedHeading = FixturePDFWriter.layout(paragraphs, width: 70, hangingIndent: true)
    let wrappedHeadingTree = try tree(wrappedHeading)
    withKnownIssue("a wrapped heading among indented clauses keeps only its first line") {
      #expect(wrappedHeadingTree == expected)
    }
    // A narrow column: most lines end at a word that would not fit the next.
    let narrow = FixturePDFWriter.layout(paragraphs, width: 40)
    let narrowTree = try tree(narrow)
    withKnownIssue("narrow columns (40) are not recognised as hard-wrapped") {
      #expect(narrowTree == expected)
    }
    // "Secretary-" / "General" split at a line end inside a heading.
    var split: [String] = []
    for line in FixturePDFWriter.layout(paragraphs, width: 80) {
      if line.hasPrefix("instructs the Secretary-General") {
        split += [
          "instructs the Secretary-", String(line.dropFirst("instructs the Secretary-".count)),
        ]
      } else {
        split.append(line)
      }
    }
    let splitTree = try tree(split)
    withKnownIssue("a heading hyphenated at a line end is not rejoined") {
      #expect(splitTree == expected)
    }
  }
}

enum FormatTrees {
  static var parserBuildsTrees: Bool {
    let corpus = Corpus.build(from: [SourceText(name: "fixture.txt", text: FormatFixtures.text)])
    return corpus.documents.contains { $0.number == "1316" && !$0.sections.isEmpty }
  }

  /// Documents with locations and fragment ids blanked out.
  static func tree(of text: String) -> [Document] {
    Corpus.build(from: [SourceText(name: "fixture", text: text)]).documents.map(normalized)
  }

  static func tree(ofFormat data: Data, name: String) throws -> [Document] {
    tree(of: try SourceReader.text(from: data, name: name).get().text)
  }

  private static func normalized(_ document: Document) -> Document {
    let nowhere = SourceLocation(file: "", line: 0)
    func clean(_ clause: Clause) -> Clause {
      var clause = clause
      clause.location = nowhere
      clause.children = clause.children.map(clean)
      clause.footnotes = clause.footnotes.map {
        var footnote = $0
        footnote.location = nowhere
        return footnote
      }
      return clause
    }
    // Fragment ids carry a line number, which differs between layouts.
    func plainID(_ id: String) -> String { id.hasPrefix("fragment-") ? "fragment" : id }
    var document = document
    if document.kind == .fragment { document.id = "fragment" }
    document.references = document.references.map {
      var reference = $0
      reference.target = reference.target.map(plainID)
      reference.candidates = reference.candidates.map(plainID)
      return reference
    }
    document.location = nowhere
    document.sections = document.sections.map {
      var section = $0
      section.location = nowhere
      section.clauses = section.clauses.map(clean)
      return section
    }
    document.annexes = document.annexes.map {
      var annex = $0
      annex.location = nowhere
      annex.clauses = annex.clauses.map(clean)
      return annex
    }
    return document
  }
}
