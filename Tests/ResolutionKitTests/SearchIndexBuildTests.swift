import Testing

@testable import ResolutionKit

@Suite struct SearchIndexBuildTests {
  /// Read back from the postings, every unit's terms in position order
  /// are its text's terms: pass 2 wrote every token and posting slot (the
  /// arrays start uninitialised), and each in its place.
  @Test(arguments: [Corpus.sample, SearchScaleTests.largeCorpus()])
  func postingsGiveBackEveryUnitsTerms(corpus: Corpus) {
    let index = SearchIndex(corpus: corpus)
    var found = [[(position: Int, term: String)]](repeating: [], count: index.unitCount)
    for term in 0..<index.termCount {
      for posting in Int(index.termPostingStart[term])..<Int(index.termPostingStart[term + 1]) {
        let unit = Int(index.postingUnits[posting])
        let start = Int(index.postingPositionStart[posting])
        let end = Int(index.postingPositionStart[posting + 1])
        #expect(start < end)
        for slot in start..<end {
          found[unit].append((Int(index.positions[slot]), index.terms[term]))
        }
      }
    }
    #expect(index.unitCount > 100)
    var tokenizer = SearchTokenizer()
    for unit in 0..<index.unitCount {
      let expected = tokenizer.terms(of: index.text(of: index.units[unit]))
      let read = found[unit].sorted { $0.position < $1.position }
      #expect(read.map(\.position) == Array(expected.indices), "unit \(unit)")
      #expect(read.map(\.term) == expected, "unit \(unit)")
    }
  }

  @Test func asciiNamesNormaliseAsByScalars() {
    var names = ["C09/108 (Rev.1)", "PP-R71", "R 1316", "Res.\t1\u{0B}2\u{0C}3\r\n", "Zz@[`{"]
    names.append(String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self))
    for name in names {
      #expect(SearchIndex.normalizedName(name) == SearchIndex.normalizedNameByScalars(name))
    }
    #expect(SearchIndex.normalizedName("C09/108 (Rev.1)") == "c09/108(rev.1)")
    #expect(SearchIndex.normalizedName("Résolution\u{A0}71") == "résolution71")
  }
}
