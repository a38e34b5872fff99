import Testing

@testable import ResolutionKit

@Suite struct ParserHeaderTests {
  func firstDocument(_ text: String) throws -> Document {
    try #require(parse(text).documents.first)
  }

  @Test func shortResolutionHeaderWithTitle() throws {
    let document = try firstDocument(
      "R 1316 Continuation of the work\n\nThe Council,\n\nresolves\n\n1. to act.\n")
    #expect(document.kind == .resolution)
    #expect(document.number == "1316")
    #expect(document.title == "Continuation of the work")
    #expect(document.body == "Council")
    #expect(document.revision == nil)
    #expect(document.authority == "The Council")
  }

  @Test func shortDecisionHeader() throws {
    let document = try firstDocument("D 563 Cost recovery\nThe Council,\ndecides\nto act.\n")
    #expect(document.kind == .decision)
    #expect(document.number == "563")
    #expect(document.title == "Cost recovery")
    #expect(document.sections.map(\.heading) == ["decides"])
  }

  @Test func longHeaderWithTitleOnTheNextLines() throws {
    let document = try firstDocument(
      "RESOLUTION 1396 (C19)\nWorking methods of the Council\n  and of its   working groups\n\nThe Council,\n\nresolves\n\nto act.\n"
    )
    #expect(document.number == "1396")
    #expect(document.revision == "C19")
    #expect(document.session == "C19")
    #expect(document.title == "Working methods of the Council and of its working groups")
  }

  @Test func lastAmendedHeaders() throws {
    let resolution = try firstDocument(
      "RESOLUTION 925 (C-1985, last amended C19)\nTitle\nThe Council,\n")
    #expect(resolution.revision == "C-1985, last amended C19")
    #expect(resolution.session == "C-1985")
    #expect(resolution.body == "Council")
    let decision = try firstDocument("DECISION 482 (C01, last amended C20)\nTitle\nThe Council,\n")
    #expect(decision.kind == .decision)
    #expect(decision.revision == "C01, last amended C20")
    #expect(decision.session == "C01")
  }

  @Test func mixedCaseHeaderWithModification() throws {
    let document = try firstDocument(
      "Resolution 1305 (modified 2011)\nA title\n\nThe Council,\n\nresolves\n\nto act.\n\nRef.:\tDocuments C11/34 and C11/87.\n"
    )
    #expect(document.kind == .resolution)
    #expect(document.number == "1305")
    #expect(document.revision == "modified 2011")
    #expect(document.title == "A title")
    // No session code in the header: taken from the Ref.: symbols.
    #expect(document.session == "C11")
  }

  @Test func sessionFromRefLineOnlyWhenAllSymbolsAgree() throws {
    let agree = try firstDocument(
      "R 1 T\nThe Council,\nresolves\nto act.\nRef.: Documents C09/108 (Rev.1) and C09/120.\n")
    #expect(agree.session == "C09")
    let disagree = try firstDocument(
      "R 1 T\nThe Council,\nresolves\nto act.\nRef.: Documents C09/108 and C10/1.\n")
    #expect(disagree.session == nil)
  }

  @Test func plenipotentiaryHeaderAndEnactingLine() throws {
    let document = try firstDocument(
      """
      RESOLUTION 71 (REV. DUBAI, 2018)
      Strategic plan for the Union for 2020-2023

      The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

      considering

      a) that planning matters;

      """)
    #expect(document.revision == "Rev. Dubai, 2018")
    #expect(document.session == "2018")
    #expect(document.body == "Plenipotentiary Conference")
    #expect(
      document.authority
        == "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018)"
    )
    #expect(document.title == "Strategic plan for the Union for 2020-2023")
    #expect(document.sections.first?.clauses.first?.path == "considering a)")
  }

  @Test func plenipotentiaryHeaderWithoutEnactingLineDefaultsToPlenipotentiary() throws {
    let document = try firstDocument(
      "RESOLUTION 71 (REV. DUBAI, 2018)\nTitle\n\nresolves\n\nto act.\n")
    #expect(document.body == "Plenipotentiary Conference")
    var documents = [document]
    DocumentIdentifier.assignUniqueIDs(to: &documents)
    #expect(documents[0].id == "PP-R71")
  }

  @Test func enactingLineNamesTheBody() throws {
    let document = try firstDocument(
      "RESOLUTION 75 (REV. HAMMAMET, 2016)\nTitle\n\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),\n\nresolves\n\nto act.\n"
    )
    #expect(document.body == "World Telecommunication Standardization Assembly")
    var documents = [document]
    DocumentIdentifier.assignUniqueIDs(to: &documents)
    #expect(documents[0].id == "WTSA-R75")
  }

  @Test func titleWrappedOverSeveralLinesStopsAtTheFirstHeading() throws {
    let document = try firstDocument(
      "R 12 First part\nsecond part\n\nthird part\nconsidering\nthat x,\n")
    #expect(document.title == "First part second part third part")
    #expect(document.authority == nil)
    #expect(document.sections.map(\.heading) == ["considering"])
  }

  @Test func clauseStartingWithResolutionIsNotAHeader() throws {
    let parsed = parse(
      "R 1 Title\nThe Council,\nconsidering\nResolution 1300 of the Council to establish a group,\n"
    )
    #expect(parsed.documents.count == 1)
    #expect(
      parsed.documents[0].sections[0].clauses[0].text.hasPrefix("Resolution 1300 of the Council"))
  }
}

@Suite struct ParserMixedCaseHeaderTests {
  @Test func mixedCaseHeaderAfterASentenceEndInWordText() {
    let parsed = parse(
      "R 1 T\r\nThe Council,\r\nresolves\r\n1.\tto act.\r\nResolution 1305 (modified 2011)\r\nTitle\r\nThe Council,\r\n"
    )
    #expect(parsed.documents.map(\.number) == ["1", "1305"])
    #expect(parsed.documents.last?.title == "Title")
  }

  @Test func mixedCaseLineInsideAParagraphIsText() {
    let parsed = parse(
      "R 1 T\nThe Council,\nnoting\nthe work done under\nResolution 1305 (modified 2011)\n")
    #expect(parsed.documents.count == 1)
  }
}

@Suite struct ParserOlderHeaderTests {
  @Test func shortDecisionWithSessionBracketAndTitleOnTheNextLine() throws {
    let parsed = parse(
      "D 8 (C-1950, last amended C-1958)\nAdmission of observers\n\nThe Council,\n\nR 1208\nMeetings of the Council\n"
    )
    #expect(parsed.documents.map(\.number) == ["8", "1208"])
    #expect(parsed.documents[0].revision == "C-1950, last amended C-1958")
    #expect(parsed.documents[0].session == "C-1950")
    #expect(parsed.documents[0].title == "Admission of observers")
    #expect(parsed.documents[1].title == "Meetings of the Council")
  }
}
