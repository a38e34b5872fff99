import Testing

@testable import ResolutionKit

@Suite struct CorpusLookupTests {
  private func document(_ id: String, number: String?, title: String?, sources: [String] = [])
    -> Document
  {
    Document(
      id: id, kind: number == nil ? .fragment : .resolution, number: number, title: title,
      location: SourceLocation(file: "t.txt", line: 1), sources: sources)
  }

  @Test func tablesFollowDocumentOrder() {
    let corpus = Corpus(documents: [
      document("R1316", number: "1316", title: "Child Online Protection", sources: ["C09/118"]),
      document("fragment-a-1", number: nil, title: nil),
      document("PP-R71", number: "71", title: "Strategic plan, 2020–2023"),
      document("R71", number: "71", title: nil),
    ])
    let lookup = corpus.lookup
    #expect(lookup.positionByLowercasedID["pp-r71"] == 2)
    #expect(lookup.positionsByNumber["71"] == [2, 3])
    #expect(lookup.titleWords[0] == ["child", "online", "protection"])
    #expect(lookup.titleWords[2] == ["strategic", "plan", "2020", "2023"])
    #expect(lookup.hasNumber == [true, false, true, true])
    #expect(lookup.packedSources.equals(lookup.sourceRanges[0].lowerBound, Array("c09/118".utf8)))
    #expect(lookup.sourceRanges[1].isEmpty)
  }

  @Test func packedStringsCompareBytes() {
    let packed = PackedStrings(["r1316", "", "council resolution"])
    #expect(packed.count == 3)
    #expect(packed.equals(0, Array("r1316".utf8)))
    #expect(!packed.equals(0, Array("r131".utf8)))
    #expect(packed.hasPrefix(0, Array("r13".utf8)))
    #expect(!packed.hasPrefix(1, Array("r".utf8)))
    #expect(packed.isEmpty(1))
    #expect(packed.contains(2, Array("resol".utf8)))
    #expect(packed.contains(2, Array("tion".utf8)))
    #expect(!packed.contains(2, Array("tions".utf8)))
    #expect(packed.contains(1, []))
  }

  @Test func nonASCIITitlesSplitIntoWords() {
    #expect(CorpusLookup.words(of: "télécom, l’ue 5g") == ["télécom", "l", "ue", "5g"])
  }
}
