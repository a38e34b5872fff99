import Testing

@testable import ResolutionKit

@Suite struct ParserSampleCorpusTests {
  @Test func sampleCorpusParsesWithoutDiagnostics() {
    #expect(Corpus.sample.diagnostics == [])
    #expect(Corpus.sample.files.allSatisfy { $0.removedLines.isEmpty })
  }

  @Test func sampleCorpusHoldsTheDocumentsOthersRelyOn() throws {
    let corpus = Corpus.sample
    let ids = corpus.documents.map(\.id)
    for id in [
      "fragment-000_aa3928e16e5cb9bf-1", "R1300", "R1316", "R1396", "R1305", "D482", "PP-R71",
    ] {
      #expect(ids.contains(id), "\(id)")
    }
    #expect(Set(ids).count == ids.count)
    #expect(EmbeddedSampleCorpus.files.contains { $0.name.contains("illustrative") })

    let r1300 = try #require(corpus.document(id: "R1300"))
    #expect(
      r1300.title?.contains("Draft Strategic Plan and the Draft Financial Plan 2012-2015") == true)
    #expect(r1300.chapter == "1 Finance")
    #expect(r1300.clause(atPath: "considering b) ii)") != nil)
    #expect(r1300.clause(atPath: "resolves 1 ¶2") != nil)
    #expect(r1300.clause(atPath: "resolves 2.1") != nil)

    let r1396 = try #require(corpus.document(id: "R1396"))
    #expect(r1396.clause(atPath: "recalling i)")?.label == "i")
    #expect(
      r1396.title
        == "Working methods of the Council and of its working groups: electronic meetings and documents"
    )

    let d482 = try #require(corpus.document(id: "D482"))
    #expect(d482.kind == .decision)
    #expect(
      d482.annexes.first?.clauses.flatMap(\.flattened).map(\.path).contains("Annex, 2.2") == true)

    let r71 = try #require(corpus.document(id: "PP-R71"))
    #expect(r71.body == "Plenipotentiary Conference")
    #expect(r71.revision == "Rev. Dubai, 2018")

    let allText = corpus.documents.flatMap(\.allClauses).map(\.text).joined(separator: "\n")
    for phrase in [
      "child online protection", "strategic plan", "Resolution 1306 (C09 Modified C15)",
      "Resolution 1316",
      "Decision 482", "Document C20/57-E", "Resolution 71 (Rev. Dubai, 2018)",
      "resolves 2 of Resolution 1306",
      "Resolution 1312", "resolves 3, 4 and 5", "Tunis Commitment",
      "Resolution 1300 of the Council",
    ] {
      #expect(allText.contains(phrase), "\(phrase)")
    }
  }
}
