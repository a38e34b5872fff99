import Testing

@testable import ResolutionKit

/// Document-level structure: Ref.: lines, chapters, fragments, annexes.
@Suite struct ParserDocumentTests {
  @Test func refLineGivesSourcesAndSourcesLine() throws {
    let parsed = parse(
      "R 1 T\nThe Council,\nresolves\nto act.\n\nRef.:\tDocuments C09/108 (Rev.1) and C09/120.\t\n")
    let document = try #require(parsed.documents.first)
    #expect(document.sourcesLine == "Documents C09/108 (Rev.1) and C09/120.")
    #expect(document.sources == ["C09/108(Rev.1)", "C09/120"])
  }

  @Test func refLineSymbolForms() {
    #expect(
      SourcesLine.symbols(in: "Documents C2001/49(Rev.1), C20/57-E and C19/3 (Add.1).") == [
        "C2001/49(Rev.1)", "C20/57-E", "C19/3(Add.1)",
      ])
    #expect(SourcesLine.session(of: ["C2001/49(Rev.1)"]) == "C01")
  }

  @Test func refLineMayWrap() throws {
    let parsed = parse(
      "R 1 T\n\nThe Council,\n\nresolves\n\nto act.\n\nRef.:\tDocuments C09/108 (Rev.1), C09/110\nand C09/120.\n\nR 2 U\n"
    )
    let document = try #require(parsed.documents.first)
    #expect(document.sources == ["C09/108(Rev.1)", "C09/110", "C09/120"])
    #expect(document.sourcesLine == "Documents C09/108 (Rev.1), C09/110 and C09/120.")
    #expect(parsed.documents.count == 2)
  }

  @Test func chaptersApplyToTheFollowingDocuments() {
    let parsed = parse(
      """
      1 Finance

      R 1 First

      The Council,

      resolves

      1 to establish a fund;

      2 to report.

      Ref.:\tDocument C09/1.

      3.2 Council

      R 2 Second

      The Council,

      decides

      to act.

      2 Staff matters

      D 3 Third
      """)
    #expect(parsed.documents.map(\.chapter) == ["1 Finance", "3.2 Council", "2 Staff matters"])
    #expect(parsed.documents[0].sections[0].clauses.map(\.label) == ["1", "2"])
    #expect(parsed.diagnostics == [])
  }

  @Test func chapterLikeClauseInsideADocumentStaysAClause() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\n1 Member States\n2 Sector Members\n")
    #expect(parsed.documents[0].chapter == nil)
    #expect(
      parsed.documents[0].sections[0].clauses.map(\.text) == ["Member States", "Sector Members"])
  }

  @Test func textBeforeTheFirstHeaderIsAFragment() {
    let parsed = parse(
      "invites Member States\n\nto act,\n\nRef.: Document C09/1.\n\nR 5 Title\n",
      name: "dir/compilation.txt")
    #expect(parsed.documents.map(\.kind) == [.fragment, .resolution])
    #expect(parsed.documents[0].id == "fragment-compilation-1")
    #expect(parsed.documents[0].sections[0].clauses[0].path == "invites Member States ¶1")
    #expect(parsed.documents[0].sources == ["C09/1"])
  }

  @Test func fragmentWithoutHeadingUsesTheTextSection() {
    let parsed = parse("to take the necessary steps;\nto report,\n")
    #expect(parsed.documents.count == 1)
    #expect(parsed.documents[0].sections.map(\.heading) == ["text"])
    #expect(parsed.diagnostics.count == 1)
  }

  @Test func annexesHoldTheirOwnClauses() throws {
    let parsed = parse(
      """
      R 1306 Title

      The Council,

      resolves

      1. to act;
      2. to report.

      ANNEX TO RESOLUTION 1306 (C09)

      Terms of reference

      1. The group shall meet.
      2. It shall:
      a) report;
      3. It ends.

      Annex 1

      1. First.
      3.2 Second.

      ATTACHMENT 2

      Plain paragraph.

      Ref.:\tDocument C09/1.
      """)
    let document = try #require(parsed.documents.first)
    #expect(document.sections[0].clauses.map(\.path) == ["resolves 1", "resolves 2"])
    #expect(
      document.annexes.map(\.heading) == [
        "ANNEX TO RESOLUTION 1306 (C09)", "Annex 1", "ATTACHMENT 2",
      ])
    #expect(document.annexes[0].title == "Terms of reference")
    #expect(
      document.annexes[0].clauses.flatMap(\.flattened).map(\.path) == [
        "Annex, 1", "Annex, 2", "Annex, 2 a)", "Annex, 3",
      ])
    #expect(document.annexes[1].clauses.map(\.path) == ["Annex 1, 1", "Annex 1, 3.2"])
    #expect(document.annexes[2].title == nil)
    #expect(document.annexes[2].clauses.map(\.path) == ["Attachment 2, ¶1"])
    #expect(document.sources == ["C09/1"])
    #expect(document.clause(atPath: "Annex 1, 3.2")?.text == "Second.")
  }

  @Test func everythingEndsUpSomewhere() {
    let parsed = parse("garbage ))) (((\n\n\n;;;\nR\nD x\nRESOLUTION\n- \n•\n1.\n(\n")
    #expect(parsed.documents.count == 1)
    let texts = parsed.documents.flatMap(\.allClauses).map(\.text)
    #expect(texts.first == "garbage ))) (((")
  }
}

@Suite struct ParserChapterRunTests {
  @Test func chapterAndSubChapterBeforeAHeaderWithoutRefLine() {
    let parsed = parse(
      "R 1 T\n\nThe Council,\n\nresolves\n\nto act.\n\n3 Conferences and meetings\n\n3.2 Council\n\nR 2 U\n"
    )
    #expect(parsed.documents.map(\.chapter) == [nil, "3.2 Council"])
    #expect(parsed.documents[0].allClauses.map(\.text) == ["to act."])
  }
}
