import Foundation
import Testing

@testable import ResolutionKit

/// References in the seed excerpt and the embedded sample corpus, as the
/// real parser splits them into documents.
@Suite
struct ReferenceSampleCorpusTests {
  static func seed() throws -> Corpus {
    let url = try #require(
      Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return Corpus.build(from: [SourceText(name: "seed.txt", text: text)])
  }

  @Test func seedFragmentRefLineGivesItsDocuments() throws {
    let corpus = try Self.seed()
    let fragment = try #require(corpus.documents.first)
    #expect(fragment.kind == .fragment)
    let sources = fragment.references.filter { $0.field == .sources }
    #expect(sources.map(\.symbol) == ["C09/108(Rev.1)", "C09/120"])
    #expect(sources.map(\.kind) == [.document, .document])
    #expect(sources.map(\.text) == ["Documents C09/108 (Rev.1)", "C09/120"])
    #expect(sources.allSatisfy { $0.target == fragment.id && $0.path.isEmpty })
    let line = try #require(fragment.sourcesLine)
    for reference in sources {
      #expect(String(decoding: Array(line.utf8)[reference.span], as: UTF8.self) == reference.text)
    }
    // The operative part names the Tunis Commitment and no resolution:
    // `the 2010 Plenipotentiary Conference` is not a reference.
    let others = fragment.references.filter { $0.field != .sources }
    #expect(others.map(\.symbol) == ["Tunis Commitment"])
  }

  @Test func seedResolution1316CitesACouncilResolution() throws {
    let corpus = try Self.seed()
    let document = try #require(corpus.document(id: "R1316"))
    let reference = try #require(document.references.first)
    #expect(reference.text == "Resolution 1300 of the Council")
    #expect(reference.kind == .resolution)
    #expect(reference.number == "1300")
    #expect(reference.body == "Council")
    #expect(reference.field == .clause)
    // R1300 is not in the seed.
    #expect(reference.target == nil)
  }

  @Test func sampleResolution1316ResolvesToR1300AndBacklinks() throws {
    let corpus = Corpus.sample
    let reference = try #require(corpus.document(id: "R1316")?.references.first)
    #expect(reference.text == "Resolution 1300 of the Council")
    #expect(reference.target == "R1300")
    let citing = corpus.backlinks.citing(documentID: "R1300")
    let fromR1316 = try #require(citing.first { $0.source.documentID == "R1316" })
    #expect(fromR1316.source.path == reference.path)
    #expect(corpus.reference(of: fromR1316) == reference)
    // Its own Ref.: line is not a citation of R1300.
    #expect(!citing.contains { $0.source.documentID == "R1300" })
    #expect(Set(citing.map(\.source.documentID)) == ["R1316", "R1308", "R1396", "PP-R71"])
  }

  @Test func sampleBodiesAndPinpoints() throws {
    let corpus = Corpus.sample
    let r1396 = try #require(corpus.document(id: "R1396"))
    let dubai = try #require(r1396.references.first { $0.number == "71" })
    #expect(dubai.body == "Plenipotentiary Conference")
    #expect(dubai.revision == "Rev. Dubai, 2018")
    #expect(dubai.target == "PP-R71")
    #expect(r1396.references.first { $0.kind == .decision }?.target == "D482")

    let r1308 = try #require(corpus.document(id: "R1308"))
    let listed = try #require(r1308.references.first { $0.number == "1312" })
    #expect(listed.pinpoints == ["resolves 3", "resolves 4", "resolves 5"])
    #expect(listed.target == nil)
    #expect(r1308.references.contains { $0.number == "1306" && $0.pinpoint == "resolves 2" })

    let r1305 = try #require(corpus.document(id: "R1305"))
    let tunis = try #require(r1305.references.first { $0.kind == .other })
    #expect(tunis.symbol == "Tunis Commitment")
    #expect(tunis.pinpoint == "paragraph 24")

    let d482 = try #require(corpus.document(id: "D482"))
    #expect(d482.references.first?.symbol == "C20/57-E")
    #expect(d482.references.first?.target == "D482")
  }

  @Test func sampleHealthReport() {
    let health = CorpusHealth(corpus: Corpus.sample)
    #expect(health.ambiguous.isEmpty)
    #expect(health.duplicateIDs.isEmpty)
    #expect(health.duplicateNumbers.isEmpty)
    #expect(
      health.dangling.map(\.name) == ["Resolution 1306 (Council)", "Resolution 1312 (Council)"])
    // Named instruments (3 Tunis Commitment, Constitution, Convention) are
    // outside the corpus and never dangling; everything else resolves.
    let external = Corpus.sample.documents.flatMap(\.references).filter { $0.kind == .other }
    #expect(external.count == 5)
    #expect(health.resolvedCount + health.danglingCount + external.count == health.referenceCount)
  }
}
