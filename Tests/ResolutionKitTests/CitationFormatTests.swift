import Testing

@testable import ResolutionKit

@Suite struct CitationFormatTests {
  let corpus = CitationTestCorpus.corpus

  func cite(_ id: String, _ path: String? = nil, _ format: CitationFormat) throws -> String {
    try Citation.format(ClauseAddress(documentID: id, path: path), in: corpus, as: format)
  }

  @Test func shortFormNamesSessionAndSection() throws {
    #expect(try cite("R1316", "resolves 1.1", .short) == "Res. 1316 (C09), resolves 1.1")
    #expect(
      try cite("R1316", "considering b) ii)", .short) == "Res. 1316 (C09), considering b) ii)")
    #expect(try cite("R1316", nil, .short) == "Res. 1316 (C09)")
    #expect(try cite("D482", "decides 1", .short) == "Dec. 482 (C20), decides 1")
    #expect(try cite("R1000", nil, .short) == "Res. 1000")
  }

  @Test func unlabelledParagraphsAndAnnexItems() throws {
    #expect(
      try cite("R1316", "invites the Secretary-General ¶2", .short)
        == "Res. 1316 (C09), invites the Secretary-General ¶2")
    #expect(try cite("R1316", "resolves 2 ¶1", .short) == "Res. 1316 (C09), resolves 2 ¶1")
    #expect(try cite("R1306", "Annex 1, 3.2", .short) == "Res. 1306 (C09), Annex 1, 3.2")
  }

  @Test func conferenceResolutionsCiteAsPrinted() throws {
    #expect(
      try cite("PP-R71", "resolves 2", .short) == "Resolution 71 (Rev. Dubai, 2018), resolves 2")
    #expect(
      try cite("PP-R71", "resolves 2", .full)
        == "ITU Plenipotentiary Conference Resolution 71 (Rev. Dubai, 2018), \"Strategic plan for the Union for 2020-2023\", resolves 2"
    )
  }

  @Test func fullFormCarriesBodyAndTitle() throws {
    #expect(
      try cite("R1316", "resolves 1.1", .full)
        == "ITU Council Resolution 1316 (C09), \"Continuation of the work of the Council Working Group for the elaboration of the Draft Strategic Plan\", resolves 1.1"
    )
    #expect(
      try cite("D482", nil, .full)
        == "ITU Council Decision 482 (C20), \"Implementation of cost recovery for satellite network filings\""
    )
  }

  @Test func quoteAndMarkdown() throws {
    #expect(
      try cite("R1316", "resolves 1.2", .quote)
        == "“to report to the Council;” Res. 1316 (C09), resolves 1.2")
    #expect(
      try cite("R1316", "considering a)", .markdown)
        == "[Res. 1316 (C09), considering a)](resbrowse://R1316/considering%20a%29)")
    #expect(
      try cite("PP-R71", nil, .markdown) == "[Resolution 71 (Rev. Dubai, 2018)](resbrowse://PP-R71)"
    )
  }

  @Test func fragmentsCiteByID() throws {
    #expect(try cite("fragment-notes-3", "resolves 1", .short) == "fragment-notes-3, resolves 1")
  }

  @Test func documentsThatPrintAlikeGetTheirID() throws {
    #expect(try cite("R1400", "decides 1", .short) == "Res. 1400 (C19) [R1400], decides 1")
    #expect(try cite("R1400-2", nil, .short) == "Res. 1400 (C19) [R1400-2]")
  }

  @Test func controlCharactersNeverReachTheOutput() throws {
    let quote = try cite("R1000", "noting a)", .quote)
    #expect(!quote.unicodeScalars.contains { $0.value == 0x1B })
    #expect(quote.hasPrefix("“something noted [31m,”"))
  }

  @Test func unknownDocumentOrClauseThrows() {
    #expect(throws: CitationError.unknownDocument("R9")) { try cite("R9", nil, .short) }
    #expect(throws: CitationError.unknownClause(documentID: "R1316", path: "resolves 9")) {
      try cite("R1316", "resolves 9", .short)
    }
  }

  @Test func templatesFillEveryPlaceholder() throws {
    let template = CitationFormat.template(
      name: "all",
      template:
        "{body}|{kind}|{number}|{revision}|{session}|{title}|{path}|{text}|{id}|{short}|{link}|{{x}}"
    )
    #expect(
      try cite("D482", "decides 1", template)
        == "Council|Decision|482|C01, last amended C20|C20|Implementation of cost recovery for satellite network filings|decides 1|that cost recovery applies;|D482|Dec. 482 (C20), decides 1|resbrowse://D482/decides%201|{x}"
    )
    #expect(
      try cite("R1000", nil, .template(name: "t", template: "{session}/{path}/{text}"))
        == "//A resolution of unknown session")
  }

  @Test func templateErrorsNameThePlaceholder() {
    #expect(throws: CitationError.unknownPlaceholder(template: "mine", placeholder: "year")) {
      try cite("R1316", nil, .template(name: "mine", template: "{short} ({year})"))
    }
    #expect(throws: CitationError.unterminatedPlaceholder(template: "open")) {
      try cite("R1316", nil, .template(name: "open", template: "{short"))
    }
    #expect(
      CitationTemplate.validate("{nope}", name: "x")
        == .unknownPlaceholder(template: "x", placeholder: "nope"))
    #expect(CitationTemplate.validate("{id}: {title}", name: "x") == nil)
  }

  @Test func formatsByName() {
    let templates = ["apa": "{short}", "short": "ignored"]
    #expect(CitationFormat.named("Markdown") == .markdown)
    #expect(
      CitationFormat.named("apa", templates: templates)
        == .template(name: "apa", template: "{short}"))
    #expect(CitationFormat.named("nope", templates: templates) == nil)
    #expect(
      CitationFormat.all(templates: templates).map(\.name) == [
        "short", "full", "quote", "markdown", "apa",
      ])
  }

  @Test func previewsListEveryFormat() {
    let previews = Citation.previews(
      of: ClauseAddress(documentID: "R1316", path: "resolves 1"), in: corpus,
      templates: ["bad": "{x}"])
    #expect(previews.map(\.format.name) == ["short", "full", "quote", "markdown", "bad"])
    #expect((try? previews[0].citation.get()) == "Res. 1316 (C09), resolves 1")
    #expect(throws: CitationError.self) { try previews[4].citation.get() }
  }

  @Test func linksRoundTripThroughPercentEncoding() {
    let address = ClauseAddress(documentID: "R1316", path: "invites the Secretary-General ¶2")
    let url = CitationLink.url(for: address)
    #expect(url == "resbrowse://R1316/invites%20the%20Secretary-General%20%C2%B62")
    #expect(CitationLink.address(in: "see <\(url)> here") == address)
    #expect(CitationLink.address(in: "RESBROWSE://D482") == ClauseAddress(documentID: "D482"))
    #expect(CitationLink.address(in: "resbrowse://R1/%ZZ") == nil)
    #expect(CitationLink.address(in: "no link") == nil)
  }
}
