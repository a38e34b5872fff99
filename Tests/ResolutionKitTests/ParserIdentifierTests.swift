import Testing

@testable import ResolutionKit

@Suite struct ParserIdentifierTests {
  @Test func idsByKindAndBody() {
    let corpus = Corpus.build(from: [
      SourceText(
        name: "folder/compilation.txt",
        text: """
          note before the first header,

          R 1316 A

          D 482 B

          RESOLUTION 71 (REV. DUBAI, 2018)
          C

          The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

          RESOLUTION 67 (REV. KIGALI, 2022)
          D

          The World Telecommunication Development Conference (Kigali, 2022),

          RESOLUTION 28 (REV. WRC-15)
          E

          The World Radiocommunication Conference (Geneva, 2015),
          """)
    ])
    #expect(
      corpus.documents.map(\.id) == [
        "fragment-compilation-1", "R1316", "D482", "PP-R71", "WTDC-R67", "WRC-R28",
      ])
  }

  @Test func duplicatesGetSuffixesAndDiagnostics() {
    let corpus = Corpus.build(from: [
      SourceText(name: "a.txt", text: "R 1316 First\n"),
      SourceText(name: "b.txt", text: "R 1316 Second\n\nR 1316 Third\n"),
    ])
    #expect(corpus.documents.map(\.id) == ["R1316", "R1316~2", "R1316~3"])
    #expect(corpus.documents.map(\.title) == ["First", "Second", "Third"])
    let messages = corpus.diagnostics.map(\.message)
    #expect(messages.count == 2)
    #expect(messages.allSatisfy { $0.contains("duplicate document id R1316") })
    #expect(corpus.diagnostics.first?.file == "b.txt")
    #expect(corpus.document(id: "R1316~2")?.title == "Second")
  }

  /// A suffix skips ids already given, whether as another document's own
  /// id or as a suffixed one; the diagnostic names where the first stood.
  @Test func suffixesSkipIdsAlreadyGiven() {
    func document(_ number: String, line: Int) -> Document {
      Document(
        id: "", kind: .resolution, number: number,
        location: SourceLocation(file: "c.txt", line: line))
    }
    var documents = [
      document("1", line: 1), document("1~2", line: 2), document("1", line: 3),
      document("1", line: 4), document("1~3", line: 5),
    ]
    let diagnostics = DocumentIdentifier.assignUniqueIDs(to: &documents)
    #expect(documents.map(\.id) == ["R1", "R1~2", "R1~3", "R1~4", "R1~3"])
    #expect(diagnostics.map(\.line) == [3, 4])
    #expect(diagnostics.first?.message.contains("(first at c.txt:1); this one is R1~3") == true)
  }

  @Test func fragmentStemDropsFolderAndExtension() {
    #expect(DocumentIdentifier.stem(of: "a/b/council 2009.txt") == "council_2009")
    #expect(DocumentIdentifier.stem(of: ".hidden") == ".hidden")
    #expect(DocumentIdentifier.stem(of: "x.tar.txt") == "x.tar")
  }
}
