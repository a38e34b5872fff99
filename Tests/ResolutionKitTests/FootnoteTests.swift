import Foundation
import Testing

@testable import ResolutionKit

/// Footnote markers and lines (issue 11): each footnote goes to the clause
/// that carries its marker, and the marker leaves the clause text.
@Suite struct FootnoteTests {
  @Test func superscriptMarkerAndFootnoteLine() throws {
    let parsed = parse(
      """
      R 1 T
      The Council,
      considering
      a) Resolution 1282¹ of the Council;
      b) Document C09/42²;
      ¹ Modified in 2008.
      ² See also Document C09/43.
      """)
    let clauses = parsed.documents[0].sections[0].clauses
    #expect(clauses.map(\.text) == ["Resolution 1282 of the Council;", "Document C09/42;"])
    #expect(clauses[0].footnotes.map(\.mark) == ["¹"])
    #expect(clauses[0].footnotes.first?.text == "Modified in 2008.")
    #expect(clauses[0].footnotes.first?.location.line == 6)
    #expect(clauses[1].footnotes.map(\.text) == ["See also Document C09/43."])
    #expect(parsed.diagnostics == [])
  }

  @Test func starMarkerAndStarLine() {
    let parsed = parse(
      """
      R 1 T
      The Council,
      resolves
      1. to apply Resolution 1300* as amended;
      * Approved by correspondence.
      2. to report.
      """)
    let clauses = parsed.documents[0].sections[0].clauses
    #expect(clauses.map(\.text) == ["to apply Resolution 1300 as amended;", "to report."])
    #expect(clauses[0].footnotes.map(\.text) == ["Approved by correspondence."])
  }

  @Test func starBulletWithoutMarkerStaysABullet() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\n* to act;\n* to report.\n")
    #expect(parsed.documents[0].sections[0].clauses.map(\.text) == ["to act;", "to report."])
    #expect(parsed.documents[0].allClauses.allSatisfy { $0.footnotes.isEmpty })
  }

  @Test func plainNumbersAreNeverStripped() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\n1. that Resolution 1300 1 of the Council;\n")
    #expect(
      parsed.documents[0].sections[0].clauses.first?.text
        == "that Resolution 1300 1 of the Council;")
  }

  /// `pdftotext -layout`: the footnote sits at the foot of the page inside
  /// a clause that goes on after the page break.
  @Test func footnoteAtThePageFootInsideAClause() throws {
    let parsed = try ParserFixtures.parse("footnotes_pdftotext.txt")
    let document = try #require(parsed.documents.first { $0.number == "1400" })
    let clause = try #require(document.clause(atPath: "resolves 1"))
    #expect(
      clause.text
        == "to establish a Council Working Group on the implementation of Resolution 1282 (Mod. 2008) of the Council, open to all Member States, with the tasks set out in the annex to this resolution;"
    )
    #expect(clause.footnotes.map(\.mark) == ["¹"])
    #expect(
      clause.footnotes.first?.text
        == "Resolution 1282 was modified by the Council at its 2008 session; see Document C08/112.")
    #expect(document.clause(atPath: "resolves 2")?.text.hasPrefix("to report") == true)
    #expect(parsed.diagnostics == [])
  }

  @Test func fixtureHasAnAnnexAndAStarFootnote() throws {
    let parsed = try ParserFixtures.parse("footnotes_pdftotext.txt")
    let document = try #require(parsed.documents.first)
    let b = try #require(document.clause(atPath: "considering b)"))
    #expect(b.text.hasSuffix("review of that work,"))
    #expect(b.footnotes.map(\.text) == ["Resolution 71 (Rev. Dubai, 2018)."])
    let annex = try #require(document.annexes.first)
    #expect(annex.heading == "ANNEX TO RESOLUTION 1400 (C21)")
    #expect(annex.title == "Tasks of the working group")
    #expect(
      annex.clauses.flatMap(\.flattened).map(\.path) == [
        "Annex, 1", "Annex, 1.1", "Annex, 1.2", "Annex, 2", "Annex, 2.1",
      ])
    #expect(document.sources == ["C21/45", "C21/120"])
    #expect(parsed.file.removedLines.map(\.reason).contains("file footer"))
  }

  @Test(arguments: [
    ("ANNEX", "Annex"), ("ANNEX TO RESOLUTION 1306 (C09)", "Annex"), ("Annex 1", "Annex 1"),
    ("Annex A", "Annex A"), ("ATTACHMENT 1", "Attachment 1"), ("APPENDIX", "Appendix"),
  ])
  func annexHeadingForms(_ heading: String, _ prefix: String) throws {
    for titleOnNextLine in [true, false] {
      let title = titleOnNextLine ? "\nList of tasks" : ""
      let parsed = parse(
        "R 1 T\nThe Council,\nresolves\n1. to act.\n\(heading)\(title)\n1. First task;\n- 3 -\n1.1 Sub-task;\n"
          + "considering\na) that;\nRef.: Document C09/1.\n")
      let annex = try #require(parsed.documents.first?.annexes.first)
      #expect(annex.heading == heading)
      #expect(annex.title == (titleOnNextLine ? "List of tasks" : nil))
      let paths = annex.clauses.flatMap(\.flattened).map(\.path)
      #expect(
        paths == ["\(prefix), 1", "\(prefix), 1.1", "\(prefix), ¶1", "\(prefix), ¶1 a)"]
          || paths == ["\(prefix), 1", "\(prefix), 1.1", "\(prefix), ¶1", "\(prefix), a)"],
        "\(paths)")
      #expect(parsed.file.removedLines.map(\.text) == ["- 3 -"])
    }
  }

  /// `pdftotext -layout` text with a plain-digit marker after a number and
  /// its footnote at the foot of the page.
  static let plainDigitPage = """
    R 1401 Implementation of the decisions taken by the Council at its
    session
    The Council,
    resolves
    1.   to apply Resolution 1300 1 of the Council to all the working groups
          established by the Council at this session and at the next one, and
    1 Approved by the Council at its 2010 session by correspondence.

                                      7
    \u{0C}
          to review in resolves 1 the way those groups are established;
    2.   to report on the implementation of this resolution to the Council at
          its next session.
    """

  @Test func plainDigitMarkerWithAFootnoteAtThePageFoot() throws {
    let parsed = parse(Self.plainDigitPage)
    let document = try #require(parsed.documents.first)
    let clause = try #require(document.clause(atPath: "resolves 1"))
    #expect(
      clause.text
        == "to apply Resolution 1300 of the Council to all the working groups established by the Council at this session and at the next one, and to review in resolves 1 the way those groups are established;"
    )
    #expect(clause.footnotes.map(\.mark) == ["1"])
    #expect(
      clause.footnotes.first?.text
        == "Approved by the Council at its 2010 session by correspondence.")
    #expect(document.clause(atPath: "resolves 2") != nil)
    #expect(parsed.diagnostics == [])
  }

  @Test func plainDigitLineWithoutAMarkerStaysText() throws {
    let text = Self.plainDigitPage.replacingOccurrences(
      of: "Resolution 1300 1 of", with: "Resolution 1300 of")
    let parsed = parse(text)
    let document = try #require(parsed.documents.first)
    #expect(document.allClauses.allSatisfy { $0.footnotes.isEmpty })
    #expect(document.allClauses.contains { $0.text.contains("Approved by the Council") })
  }
}
