import Foundation
import Testing

@testable import ResolutionKit

/// Where each footnote's marker stood (`Footnote.anchor`), notes a reader
/// put inline (`[footnote 1: …]`), and markers in a document's title.
@Suite struct FootnoteAnchorTests {
  /// The clause text up to the anchor: what stood before the marker.
  private func before(_ footnote: Footnote?, in text: String) -> String? {
    guard let anchor = footnote?.anchor, anchor <= text.utf8.count else { return nil }
    return String(decoding: text.utf8.prefix(anchor), as: UTF8.self)
  }

  @Test func superscriptAndStarMarkersKeepTheirPlace() throws {
    let parsed = parse(
      """
      R 1 T
      The Council,
      considering
      a) that Resolution 1282¹ (Mod. 2008) and Resolution 1300²³ apply;
      b) that the review* continues;
      ¹ Modified in 2008.
      ²³ See Document C09/43.
      * By correspondence.
      """)
    let clauses = parsed.documents[0].sections[0].clauses
    let a = clauses[0]
    #expect(a.text == "that Resolution 1282 (Mod. 2008) and Resolution 1300 apply;")
    #expect(a.footnotes.map(\.mark) == ["¹", "²³"])
    #expect(before(a.footnotes.first, in: a.text) == "that Resolution 1282")
    #expect(
      before(a.footnotes.last, in: a.text) == "that Resolution 1282 (Mod. 2008) and Resolution 1300"
    )
    let b = clauses[1]
    #expect(b.text == "that the review continues;")
    #expect(before(b.footnotes.first, in: b.text) == "that the review")
  }

  @Test func plainDigitMarkerKeepsItsPlace() throws {
    let parsed = parse(FootnoteTests.plainDigitPage)
    let clause = try #require(parsed.documents.first?.clause(atPath: "resolves 1"))
    #expect(before(clause.footnotes.first, in: clause.text) == "to apply Resolution 1300")
  }

  @Test func footnoteAtThePageFootKeepsItsMarkersPlace() throws {
    let parsed = try ParserFixtures.parse("footnotes_pdftotext.txt")
    let clause = try #require(parsed.documents.first?.clause(atPath: "resolves 1"))
    #expect(
      before(clause.footnotes.first, in: clause.text)
        == "to establish a Council Working Group on the implementation of Resolution 1282")
  }

  @Test func inlineNotesAreLiftedIntoFootnotes() throws {
    let parsed = parse(
      """
      R 1 T
      The Council,
      resolves
      1. to apply Resolution 1282 [footnote 1: Modified in 2008 [see C08/112].] as amended, [endnote i: An endnote.]
      2. to keep [footnote 2] when its note is missing;
      """)
    let clauses = parsed.documents[0].sections[0].clauses
    #expect(clauses[0].text == "to apply Resolution 1282 as amended,")
    #expect(clauses[0].footnotes.map(\.mark) == ["1", "i"])
    #expect(
      clauses[0].footnotes.map(\.text) == ["Modified in 2008 [see C08/112].", "An endnote."])
    #expect(before(clauses[0].footnotes.first, in: clauses[0].text) == "to apply Resolution 1282")
    #expect(before(clauses[0].footnotes.last, in: clauses[0].text) == clauses[0].text)
    #expect(clauses[1].text == "to keep [footnote 2] when its note is missing;")
    #expect(clauses[1].footnotes.isEmpty)
    #expect(parsed.diagnostics == [])
  }

  @Test func inlineNoteAndMarkerInOneClause() throws {
    let parsed = parse(
      "R 1 T\nThe Council,\nresolves\n1. Resolution 1300* and [footnote 1: A note.] more;\n* Star note.\n"
    )
    let clause = parsed.documents[0].sections[0].clauses[0]
    #expect(clause.text == "Resolution 1300 and more;")
    #expect(clause.footnotes.map(\.mark) == ["1", "*"])
    #expect(before(clause.footnotes[0], in: clause.text) == "Resolution 1300 and")
    #expect(before(clause.footnotes[1], in: clause.text) == "Resolution 1300")
  }

  @Test func markerInTheTitleGoesToTheDocument() throws {
    let parsed = parse(
      """
      R 1282 Working Group on the Strategic Plan¹
      ¹ Established by Resolution 1300 of the Council.
      The Council,
      resolves
      1. to act.
      """)
    let document = try #require(parsed.documents.first)
    #expect(document.title == "Working Group on the Strategic Plan")
    #expect(document.titleFootnotes.map(\.mark) == ["¹"])
    #expect(document.titleFootnotes.first?.text == "Established by Resolution 1300 of the Council.")
    #expect(document.titleFootnotes.first?.anchor == document.title?.utf8.count)
    #expect(document.sections.map(\.heading) == ["resolves"])
    #expect(document.allClauses.allSatisfy { $0.footnotes.isEmpty })
    #expect(parsed.diagnostics == [])
  }

  @Test func inlineNoteInTheTitleGoesToTheDocument() throws {
    let parsed = parse(
      "RESOLUTION 1282 (C09)\nWorking Group [footnote 1: Set up in 2009.] on the Plan\nThe Council,\nresolves\n1. to act.\n"
    )
    let document = try #require(parsed.documents.first)
    #expect(document.title == "Working Group on the Plan")
    #expect(document.titleFootnotes.map(\.text) == ["Set up in 2009."])
    #expect(document.titleFootnotes.first?.anchor == "Working Group".utf8.count)
  }

  @Test func markerAfterTheHeadersBracket() throws {
    let parsed = parse(
      "RESOLUTION 1282 (C09)¹\nWorking Group on the Plan\n¹ Modified in 2010.\nThe Council,\nresolves\n1. to act.\n"
    )
    let document = try #require(parsed.documents.first)
    #expect(document.number == "1282")
    #expect(document.title == "Working Group on the Plan")
    #expect(document.allClauses.map(\.text) == ["to act."])
    #expect(document.titleFootnotes.map(\.text) == ["Modified in 2010."])
  }

  @Test func titleFootnoteIsSearchedAndItsReferencesFound() throws {
    let corpus = Corpus.build(from: [
      SourceText(
        name: "t.txt",
        text: """
          R 1300 Strategic plan
          The Council,
          resolves
          1. to plan.

          R 1282 Working Group on the Plan*
          * Established under Resolution 1300 of the Council.
          The Council,
          resolves
          1. to act.
          """)
    ])
    let document = try #require(corpus.document(id: "R1282"))
    #expect(document.title == "Working Group on the Plan")
    let reference = try #require(document.references.first { $0.field == .footnote })
    #expect(reference.path == "")
    #expect(reference.target == "R1300")
    #expect(document.fieldText(of: reference) == document.titleFootnotes.first?.text)
    let hits = SearchIndex(corpus: corpus).search("established")
    #expect(hits.contains { $0.documentID == "R1282" && $0.field == .footnote })
    let rendered = PlainTextRenderer.render(document, width: 80)
    #expect(rendered.contains("[*] Established under Resolution 1300 of the Council."))
  }

  @Test func liftingIsSafeOnBrokenInlineNotes() {
    for text in [
      "[footnote ", "[footnote 1:", "[footnote 1: unclosed", "a [endnote : x]", "[footnote 1: ]",
      "[[footnote 1: x]]", "x [footnote 1: a [b] c] y [footnote 2: d]",
    ] {
      let lifted = FootnoteMarks.liftInlineNotes(text)
      for note in lifted.notes { #expect(note.offset <= lifted.text.utf8.count) }
    }
    let nested = FootnoteMarks.liftInlineNotes("x [footnote 1: a [b] c] y [footnote 2: d]")
    #expect(nested.text == "x y")
    #expect(nested.notes.map(\.offset) == [1, 3])
  }
}
