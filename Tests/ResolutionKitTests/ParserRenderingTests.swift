import Testing

@testable import ResolutionKit

/// The same resolutions as blank-line separated text (like the seed),
/// hard-wrapped `pdftotext -layout` output (page heads and numbers, form
/// feeds, hyphenation, indentation, no blank lines) and Word "save as text"
/// (BOM, CRLF, tabs after labels, NBSP, bullets): one tree.
@Suite struct ParserRenderingTests {
  static let renderings = [
    "renderings_blank_lines.txt", "renderings_pdftotext.txt", "renderings_word.txt",
  ]

  func outlines(_ name: String) throws -> [String] {
    let parsed = try ParserFixtures.parse(name)
    var documents = parsed.documents
    DocumentIdentifier.assignUniqueIDs(to: &documents)
    // Fragment ids carry the file name and line: compare without them.
    return documents.flatMap(outline).map {
      $0.hasPrefix("fragment-") ? String($0.drop { $0 != " " }) : $0
    }
  }

  @Test(arguments: renderings.dropFirst())
  func renderingParsesLikeTheBlankLineText(_ name: String) throws {
    let expected = try outlines(Self.renderings[0])
    let actual = try outlines(name)
    for (index, line) in expected.enumerated() where index < actual.count {
      #expect(actual[index] == line, "\(name) line \(index)")
      if actual[index] != line { break }
    }
    #expect(actual.count == expected.count)
  }

  @Test(arguments: ["seed_pdftotext.txt", "seed_word.txt"])
  func seedRenderingParsesLikeTheSeed(_ name: String) throws {
    let expected = try outlines("seed.txt")
    #expect(try outlines(name) == expected)
    #expect(try ParserFixtures.parse(name).diagnostics == [])
  }

  @Test(arguments: renderings)
  func renderingHasNoDiagnostics(_ name: String) throws {
    let parsed = try ParserFixtures.parse(name)
    #expect(parsed.diagnostics == [])
    #expect(parsed.documents.count == 7)
    #expect(parsed.documents.first?.kind == .fragment)
  }

  @Test func pageNoiseIsRecordedWithReasons() throws {
    let parsed = try ParserFixtures.parse("renderings_pdftotext.txt")
    let reasons = Set(parsed.file.removedLines.map(\.reason))
    #expect(
      reasons.isSuperset(of: [
        "page number", "running head", "form feed", "file footer", "page counter",
      ]))
    #expect(parsed.file.removedLines.contains { $0.text == "– 96 – (3.2 – Council)" })
    #expect(parsed.file.removedLines.contains { $0.text == "Res. 2 / 21" })
  }
}

@Suite struct ParserPdftotextTests {
  @Test func wrappedTextIsRejoined() throws {
    let parsed = try ParserFixtures.parse("renderings_pdftotext.txt")
    let fragment = try #require(parsed.documents.first)
    #expect(
      fragment.sections.map(\.heading) == [
        "instructs the Secretary-General", "invites Member States",
        "instructs the Secretary-General and the Director of the Telecommunication Development Bureau",
      ])
    #expect(
      fragment.sections[1].clauses.first?.text
        == "to designate new focal points for child online protection in 2012-2015, and to share with the secretariat their national experience in the implementation of the guidelines,"
    )
    let r71 = try #require(parsed.documents.first { $0.number == "71" })
    #expect(
      r71.authority
        == "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018)"
    )
    let texts = parsed.documents.flatMap(\.allClauses).map(\.text)
    // `Secretary-` / `General` keeps its hyphen; `finan-` / `cial` loses it.
    #expect(texts.contains { $0.contains("a report by the Secretary-General,") })
    #expect(texts.contains { $0.contains("on the presentation of the financial plan,") })
    #expect(!texts.contains { $0.contains("- ") && $0.contains("finan") && $0.contains("finan- ") })
  }
}
