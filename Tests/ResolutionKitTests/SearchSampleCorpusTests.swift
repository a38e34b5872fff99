import Testing

@testable import ResolutionKit

/// Search over the embedded sample corpus (the seed excerpt and friends).
/// Needs the real parser: with the placeholder one, documents have no clauses.
@Suite(.enabled(if: Corpus.sample.documents.contains { !$0.allClauses.isEmpty }))
struct SearchSampleCorpusTests {
  static let index = SearchIndex(corpus: Corpus.sample)

  @Test func childOnlineFindsASeedClauseWithBothWords() throws {
    let seedFile = "000_aa3928e16e5cb9bf.txt"
    let hits = Self.index.search("child online", limit: 50)
    let clauseHits = hits.filter { $0.field == .clause }
    let seedHit = try #require(
      clauseHits.first { hit in
        Corpus.sample.document(id: hit.documentID)?.location.file.hasSuffix(seedFile) == true
      })
    let path = try #require(seedHit.path)
    let clause = try #require(Corpus.sample.document(id: seedHit.documentID)?.clause(atPath: path))
    let words = Set(SearchTokenizer().termsOf(clause.text))
    #expect(words.contains("child") && words.contains("online"))
    #expect(highlightedWords(seedHit.snippet).map { $0.lowercased() }.contains("child"))
  }

  @Test func everyHitNamesARealClause() {
    for hit in Self.index.search("council", limit: 200) {
      let document = Corpus.sample.document(id: hit.documentID)
      #expect(document != nil)
      if let path = hit.path {
        #expect(document?.clause(atPath: path) != nil, "\(hit.documentID) \(path)")
      }
    }
  }

  @Test func documentSymbolOffersTheSeedResolution() {
    let hits = Self.index.search("C09/120")
    #expect(hits.first?.isDocumentMatch == true)
  }
}

extension SearchTokenizer {
  /// Non-mutating convenience for tests.
  func termsOf(_ text: String) -> [String] {
    var copy = self
    return copy.terms(of: text)
  }
}
