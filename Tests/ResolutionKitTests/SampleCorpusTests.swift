import Testing
@testable import ResolutionKit

@Test func sampleCorpusIsEmbedded() {
  #expect(EmbeddedSampleCorpus.files.contains { $0.name == "000_aa3928e16e5cb9bf.txt" })
}
