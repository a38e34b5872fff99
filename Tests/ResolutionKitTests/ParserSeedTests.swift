import Testing

@testable import ResolutionKit

/// The seed excerpt must parse perfectly: the whole tree is asserted.
@Suite struct ParserSeedTests {
  let parsed: ParsedFile

  init() throws { parsed = try ParserFixtures.parse("seed.txt") }

  @Test func seedHasAFragmentThenResolution1316AndNoDiagnostics() {
    #expect(parsed.documents.map(\.kind) == [.fragment, .resolution])
    #expect(parsed.diagnostics == [])
    #expect(parsed.file.removedLines == [])
    #expect(parsed.file.lineCount == 30)
  }

  @Test func fragmentHasFourOperativeSections() throws {
    let fragment = try #require(parsed.documents.first)
    #expect(fragment.id == "fragment-seed-1")
    #expect(fragment.location == SourceLocation(file: "seed.txt", line: 1))
    #expect(fragment.title == nil && fragment.number == nil && fragment.authority == nil)
    #expect(
      fragment.sections.map(\.heading) == [
        "resolves to instruct the Secretary-General", "invites the Secretary-General",
        "instructs the Secretary-General and the Director of the Telecommunication Development Bureau",
        "resolves",
      ])
    #expect(fragment.sections.allSatisfy { $0.role == .operative })
    #expect(fragment.sources == ["C09/108(Rev.1)", "C09/120"])
    #expect(fragment.sourcesLine == "Documents C09/108 (Rev.1) and C09/120.")
  }

  @Test func fragmentClausesHaveLabelsPathsAndTexts() throws {
    let sections = try #require(parsed.documents.first).sections
    let bullets = sections[0].clauses
    #expect(bullets.map(\.label) == [nil, nil])
    #expect(
      bullets.map(\.path) == [
        "resolves to instruct the Secretary-General ¶1",
        "resolves to instruct the Secretary-General ¶2",
      ])
    #expect(bullets[0].text.hasPrefix("to take the necessary steps for ITU"))
    #expect(bullets[0].text.hasSuffix("as instructed by the Tunis Commitment;"))
    #expect(bullets[1].text.contains("\"Child on line Protection Initiative\" (COP),"))
    #expect(bullets[1].location.line == 4)

    #expect(sections[1].clauses.map(\.path) == ["invites the Secretary-General ¶1"])
    #expect(sections[1].clauses[0].text.hasPrefix("to liaise with other United Nations agencies"))

    let instructs = sections[2].clauses
    #expect(instructs.map(\.label) == ["1", "2"])
    #expect(
      instructs.map(\.path) == [
        "instructs the Secretary-General and the Director of the Telecommunication Development Bureau 1",
        "instructs the Secretary-General and the Director of the Telecommunication Development Bureau 2",
      ])
    #expect(instructs[0].text.hasPrefix("to organize strategic dialogues"))
    #expect(instructs.allSatisfy { $0.children.isEmpty })

    let resolves = sections[3].clauses
    #expect(resolves.map(\.label) == ["1", "2"])
    #expect(resolves.map(\.path) == ["resolves 1", "resolves 2"])
    #expect(resolves[0].children.map(\.label) == ["1.1", "1.2"])
    #expect(resolves[0].children.map(\.path) == ["resolves 1.1", "resolves 1.2"])
    #expect(
      resolves[0].children[0].text
        == "to exchange views and promote and work on the subject matter,")
    #expect(
      resolves[0].children[1].text
        == "to report to the Council annually on the activities of the working group on child online protection (WG-CP);"
    )
    #expect(
      resolves[0].text
        == "to establish a Council working group on Child Online Protection (WG-CP) open to all Member States and Sector Members, with the following terms of reference:"
    )
    #expect(resolves[1].children.isEmpty)
    #expect(resolves[1].text.hasPrefix("to report to the 2010 Plenipotentiary Conference"))
  }

  @Test func resolution1316HeaderTitleAuthorityAndConsidering() throws {
    let resolution = parsed.documents[1]
    #expect(resolution.kind == .resolution)
    #expect(resolution.number == "1316")
    #expect(resolution.body == "Council")
    #expect(resolution.id == "R1316")
    #expect(resolution.location.line == 24)
    #expect(
      resolution.title
        == "Continuation of the work of the Council Working Group for the elaboration of the Draft Strategic Plan and the Draft Financial Plan, 2012-2015"
    )
    #expect(resolution.authority == "The Council")
    #expect(resolution.sections.count == 1)
    let considering = resolution.sections[0]
    #expect(considering.heading == "considering")
    #expect(considering.role == .preambular)
    #expect(considering.clauses.map(\.path) == ["considering ¶1"])
    #expect(
      considering.clauses[0].text
        == "Resolution 1300 of the Council to establish a Working Group for the Elaboration of the Draft Strategic Plan and the Draft Financial Plan for 2012-2015 (CWG SP-FP),"
    )
    #expect(resolution.sources == [] && resolution.sourcesLine == nil)
  }

  @Test func seedInTheSampleCorpusIsVerbatim() throws {
    let fixture = try ParserFixtures.text("seed.txt").text
    let embedded = EmbeddedSampleCorpus.files.first { $0.name == "000_aa3928e16e5cb9bf.txt" }
    #expect(embedded?.text == fixture)
  }
}
