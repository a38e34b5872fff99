import Testing

@testable import ResolutionKit

@Suite struct ParserClauseTests {
  func sections(_ body: String) throws -> [ResolutionKit.Section] {
    let parsed = parse("R 1 Title\n\nThe Council,\n\n" + body)
    return try #require(parsed.documents.first).sections
  }

  func paths(_ clauses: [Clause]) -> [String] { clauses.flatMap(\.flattened).map(\.path) }

  @Test func labelFormsAreNormalised() throws {
    let section = try #require(
      try sections("resolves\n1 one;\n2. two;\n3) three;\n4.1 four;\n- 5. five;\n6.\tsix;\n").first)
    #expect(section.clauses.map(\.label) == ["1", "2", "3", "4.1", "5", "6"])
    #expect(section.clauses.map(\.text) == ["one;", "two;", "three;", "four;", "five;", "six;"])
  }

  @Test func letterFormsAndNoSpaceAfterParenthesis() throws {
    let section = try #require(
      try sections("considering\na) first;\n(b) second;\nc. third;\nd)that fourth,\n").first)
    #expect(section.clauses.map(\.label) == ["a", "b", "c", "d"])
    #expect(
      section.clauses.map(\.path) == [
        "considering a)", "considering b)", "considering c)", "considering d)",
      ])
    #expect(section.clauses[3].text == "that fourth,")
  }

  @Test func numbersNestByTheirParts() throws {
    let section = try #require(
      try sections("resolves\n1. a:\n1.1 b;\n1.1.1 c;\n1.2 d;\n2. e.\n").first)
    #expect(
      paths(section.clauses) == [
        "resolves 1", "resolves 1.1", "resolves 1.1.1", "resolves 1.2", "resolves 2",
      ])
    #expect(section.clauses[0].children[0].children.map(\.label) == ["1.1.1"])
  }

  @Test func lettersNestUnderNumbersAndRomansUnderLetters() throws {
    let section = try #require(
      try sections("resolves\n1. a:\na) x;\ni) y;\nii) z;\nb) w;\n2. v.\n").first)
    #expect(
      paths(section.clauses) == [
        "resolves 1", "resolves 1 a)", "resolves 1 a) i)", "resolves 1 a) ii)", "resolves 1 b)",
        "resolves 2",
      ])
  }

  @Test func iAfterHIsALetter() throws {
    let letters = "abcdefgh".map { "\($0)) item;\n" }.joined()
    let section = try #require(
      try sections("considering\n" + letters + "i) ninth;\nj) tenth,\n").first)
    #expect(section.clauses.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
    #expect(section.clauses.allSatisfy { $0.children.isEmpty })
  }

  @Test func iAfterAIsRoman() throws {
    let section = try #require(
      try sections("considering\na) first:\ni) one;\nii) two;\nv) five;\nb) second,\n").first)
    #expect(
      paths(section.clauses) == [
        "considering a)", "considering a) i)", "considering a) ii)", "considering a) v)",
        "considering b)",
      ])
  }

  @Test func loneRomanWithoutLetterListIsRoman() throws {
    let section = try #require(try sections("considering\ni) one;\nii) two,\n").first)
    #expect(section.clauses.map(\.path) == ["considering i)", "considering ii)"])
  }

  @Test func unlabelledParagraphsAndBulletsGetOrdinals() throws {
    let all = try sections(
      "invites the Secretary-General\n\nto do one thing;\n\n• to do another;\n\n– and a third,\n\nresolves\n\n1. to set up:\n- a group;\n- a fund;\n2. to report.\n"
    )
    #expect(
      all[0].clauses.map(\.path) == [
        "invites the Secretary-General ¶1", "invites the Secretary-General ¶2",
        "invites the Secretary-General ¶3",
      ])
    #expect(all[0].clauses.allSatisfy { $0.label == nil })
    #expect(
      paths(all[1].clauses) == ["resolves 1", "resolves 1 ¶1", "resolves 1 ¶2", "resolves 2"])
  }

  @Test func numberingJumpIsDiagnosed() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\n1. a;\n2. b;\n4. c.\n")
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics.first?.message.contains("from 2 to 4") == true)
    #expect(parsed.diagnostics.first?.line == 6)
  }

  @Test func duplicateLabelsGetASuffixAndADiagnostic() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\n1. a;\n1. b.\n")
    let clauses = parsed.documents[0].sections[0].clauses
    #expect(clauses.map(\.path) == ["resolves 1", "resolves 1 (2)"])
    #expect(parsed.diagnostics.contains { $0.message.contains("duplicate clause path") })
  }

  @Test func clausesBeforeAnyHeadingGoUnderText() {
    let parsed = parse("R 1 T\nThe Council,\n1. to act;\n2. to report.\n")
    let section = parsed.documents[0].sections[0]
    #expect(section.heading == "text")
    #expect(section.role == .preambular)
    #expect(section.clauses.map(\.path) == ["text 1", "text 2"])
    #expect(parsed.diagnostics.count == 1)
    #expect(parsed.diagnostics[0].line == 3)
  }
}

@Suite struct ParserHeadingTests {
  func headings(_ body: String) -> [(String, SectionRole)] {
    parse("R 1 T\n\nThe Council,\n\n" + body).documents.first?.sections.map {
      ($0.heading, $0.role)
    } ?? []
  }

  @Test(arguments: [
    "considering", "considering further", "considering also", "noting", "noting also",
    "noting further",
    "noting with satisfaction", "noting with appreciation", "noting with concern", "recalling",
    "recalling further", "recalling also", "recognizing", "recognizing further", "bearing in mind",
    "having regard to", "having examined", "having considered", "taking into account",
    "taking note of",
    "aware", "convinced", "emphasizing", "welcoming", "acknowledging", "observing", "reaffirming",
    "mindful",
  ])
  func preambularPhrases(_ phrase: String) {
    let found = headings(phrase + "\n\nthat x,\n")
    #expect(found.map(\.0) == [phrase])
    #expect(found.map(\.1) == [.preambular])
  }

  @Test(arguments: [
    "resolves", "resolves further", "further resolves", "decides", "instructs", "invites",
    "requests",
    "encourages", "urges", "calls upon", "appeals to", "authorizes", "charges", "recommends",
    "approves",
    "endorses",
    "instructs the Secretary-General and the Director of the Telecommunication Development Bureau",
    "resolves to instruct the Radio Regulations Board", "invites Member States and Sector Members",
    "requests the Council", "appeals to all Member States", "calls upon Member States",
    "encourages administrations", "urges the Director of the Radiocommunication Bureau",
  ])
  func operativePhrases(_ phrase: String) {
    let found = headings(phrase + "\n\nto act.\n")
    #expect(found.map(\.0) == [phrase])
    #expect(found.map(\.1) == [.operative])
  }

  @Test func headingsKeepNoTrailingCommaOrColon() {
    #expect(
      headings("considering,\n\nthat x,\n\nresolves:\n\nto act.\n").map(\.0) == [
        "considering", "resolves",
      ])
  }

  @Test func clausesStartingWithAVerbAreNotHeadings() {
    let parsed = parse(
      "R 1 T\nThe Council,\nresolves\nto instruct the Secretary-General to act;\ninvites Member States to take part;\nrequests that the Council report.\n"
    )
    let section = parsed.documents[0].sections
    #expect(section.map(\.heading) == ["resolves"])
    #expect(section[0].clauses.count == 3)
  }
}

@Suite struct ParserBulletTests {
  @Test func everyBulletFormIsAnUnlabelledItem() {
    let parsed = parse(
      "R 1 T\nThe Council,\ninvites Member States\n- one;\n• two;\n– three;\n— four;\n* five;\no\tsix;\n· seven.\n"
    )
    let clauses = parsed.documents[0].sections[0].clauses
    #expect(clauses.map(\.text) == ["one;", "two;", "three;", "four;", "five;", "six;", "seven."])
    #expect(clauses.allSatisfy { $0.label == nil })
    #expect(clauses.last?.path == "invites Member States ¶7")
  }

  @Test func wordsThatLookLikeBulletsAreText() {
    let parsed = parse(
      "R 1 T\nThe Council,\nnoting\no the letter o starts this line,\n-dash without space,\n")
    #expect(
      parsed.documents[0].sections[0].clauses.map(\.text) == [
        "o the letter o starts this line,", "-dash without space,",
      ])
  }

  @Test func appendixIsAnAnnex() {
    let parsed = parse("R 1 T\nThe Council,\nresolves\nto act.\nAPPENDIX\n1. An item.\n")
    #expect(parsed.documents[0].annexes.map(\.heading) == ["APPENDIX"])
    #expect(parsed.documents[0].annexes[0].clauses.map(\.path) == ["Appendix, 1"])
  }
}
