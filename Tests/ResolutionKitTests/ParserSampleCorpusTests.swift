import Testing

@testable import ResolutionKit

@Suite struct ParserSampleCorpusTests {
  @Test func dump() {
    for file in EmbeddedSampleCorpus.files {
      let parsed = DocumentParser.parse(SourceText(name: file.name, text: file.text))
      print(parsed.documents.flatMap(outline).joined(separator: "\n"))
      print(parsed.diagnostics)
    }
  }
}
