import Testing

@testable import ResolutionKit

@Suite struct ReferenceResolverTests {
  typealias F = ReferenceFixtures

  static func citing(_ texts: [String], id: String = "R9000", body: String? = "Council") -> Document
  {
    F.document(
      id, body: body, number: String(id.drop { !$0.isNumber }),
      sections: [
        F.section(
          "resolves",
          texts.enumerated().map { F.clause("resolves \($0.offset + 1)", $0.element) })
      ])
  }

  @Test func resolvesByBodyAndNumber() throws {
    let corpus = F.corpus([
      F.document("R71", number: "71"),
      F.document("PP-R71", body: "Plenipotentiary Conference", number: "71"),
      Self.citing(["Resolution 71", "Resolution 71 (Rev. Guadalajara, 2010)"]),
    ])
    let references = try #require(corpus.document(id: "R9000")?.references)
    #expect(references.map(\.target) == ["R71", "PP-R71"])
    #expect(references.allSatisfy { $0.candidates.isEmpty })
  }

  @Test func unknownBodyWithSeveralNumbersStaysAmbiguous() throws {
    let corpus = F.corpus([
      F.document("R71", number: "71"),
      F.document("PP-R71", body: "Plenipotentiary Conference", number: "71"),
      Self.citing(["Resolution 71"], id: "fragment-a-1", body: nil),
    ])
    let reference = try #require(corpus.document(id: "fragment-a-1")?.references.first)
    #expect(reference.target == nil)
    #expect(reference.candidates == ["R71", "PP-R71"])
  }

  @Test func unknownBodyWithOneDocumentResolves() throws {
    let corpus = F.corpus([
      F.document("R1300", number: "1300"),
      Self.citing(["Resolution 1300"], id: "fragment-a-1", body: nil),
    ])
    #expect(corpus.document(id: "fragment-a-1")?.references.first?.target == "R1300")
  }

  @Test func duplicateNumbersWithTheSameBodyAreAmbiguous() throws {
    let corpus = F.corpus([
      F.document("R1300", number: "1300"),
      F.document("R1300-2", number: "1300"),
      Self.citing(["Resolution 1300"]),
    ])
    let reference = try #require(corpus.document(id: "R9000")?.references.first)
    #expect(reference.target == nil)
    #expect(reference.candidates == ["R1300", "R1300-2"])
  }

  @Test func otherBodyOnlyIsDangling() throws {
    let corpus = F.corpus([
      F.document("PP-R71", body: "Plenipotentiary Conference", number: "71"),
      Self.citing(["Resolution 71 of the Council", "Resolution 4242", "Decision 71"]),
    ])
    let references = try #require(corpus.document(id: "R9000")?.references)
    #expect(references.map(\.target) == [nil, nil, nil])
    #expect(references.allSatisfy { $0.candidates.isEmpty })
  }

  @Test func documentBodyUnknownStandsIn() throws {
    let corpus = F.corpus([
      F.document("R1300", body: nil, number: "1300"),
      Self.citing(["Resolution 1300"]),
    ])
    #expect(corpus.document(id: "R9000")?.references.first?.target == "R1300")
  }

  @Test func decisionsAndResolutionsAreSeparateSeries() throws {
    let corpus = F.corpus([
      F.document("R482", number: "482"),
      F.document("D482", kind: .decision, number: "482"),
      Self.citing(["Decision 482 and Resolution 482"]),
    ])
    let references = try #require(corpus.document(id: "R9000")?.references)
    #expect(references.map(\.target) == ["D482", "R482"])
  }

  @Test func documentSymbolsResolveThroughSources() throws {
    let corpus = F.corpus([
      F.document(
        "R1306", number: "1306", sources: ["C09/108(Rev.1)", "C09/120"],
        sourcesLine: "Documents C09/108 (Rev.1) and C09/120."),
      F.document("R1307", number: "1307", sources: ["C09/120"], sourcesLine: "Document C09/120"),
      Self.citing(["see Document C09/108(Rev.1)", "see C09/120-E", "see C09/999"]),
    ])
    let own = try #require(corpus.document(id: "R1306")?.references)
    // A Ref.: line names its own document, even for a shared source.
    #expect(own.map(\.target) == ["R1306", "R1306"])
    let other = try #require(corpus.document(id: "R9000")?.references)
    #expect(other.map(\.target) == ["R1306", nil, nil])
    #expect(other[1].candidates == ["R1306", "R1307"])
    #expect(other[2].candidates.isEmpty)
  }

  @Test func selfCitationAndCyclesAreKept() throws {
    let corpus = F.corpus([
      Self.citing(["Resolution 1 and Resolution 2"], id: "R1"),
      Self.citing(["Resolution 1"], id: "R2"),
    ])
    #expect(corpus.document(id: "R1")?.references.map(\.target) == ["R1", "R2"])
    #expect(corpus.document(id: "R2")?.references.map(\.target) == ["R1"])
    #expect(corpus.backlinks.citing(documentID: "R1").map(\.source.documentID) == ["R1", "R2"])
  }

  @Test func instrumentsAreNeverResolved() throws {
    let corpus = F.corpus([Self.citing(["the Constitution"])])
    let reference = try #require(corpus.document(id: "R9000")?.references.first)
    #expect(reference.kind == .other)
    #expect(reference.target == nil)
  }

  @Test func symbolKeyDropsSpacesCaseAndLanguage() {
    #expect(ReferenceResolver.symbolKey("C09/108 (Rev.1)") == "C09/108(REV.1)")
    #expect(ReferenceResolver.symbolKey("C20/57-E") == "C20/57")
    // Lower case, tabs and line breaks; the language suffix after upper-casing.
    #expect(ReferenceResolver.symbolKey(" c20/57\t-\r\ne ") == "C20/57")
    #expect(ReferenceResolver.symbolKey("C20/57-1") == "C20/57-1")
    // Non-ASCII takes the Unicode path: ß upper-cases to SS; é to É, a suffix.
    #expect(ReferenceResolver.symbolKey("straße") == "STRASSE")
    #expect(ReferenceResolver.symbolKey("C20/57-é") == "C20/57")
  }
}
