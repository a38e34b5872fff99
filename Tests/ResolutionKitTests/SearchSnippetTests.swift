import Foundation
import Testing

@testable import ResolutionKit

@Suite struct SearchSnippetTests {
  let index = SearchTestCorpus.index

  @Test func snippetMarksMatchedWords() throws {
    let hit = try #require(
      index.search("child online").first { $0.path == "instructs the Secretary-General 1" })
    #expect(hit.snippet.text == "to report on child online issues to the Union")
    #expect(highlightedWords(hit.snippet) == ["child", "online"])
  }

  @Test func snippetMarksPhraseAndFoldedForms() throws {
    let phrase = try #require(
      index.search("secretary-general").first { $0.path == "considering b)" })
    #expect(highlightedWords(phrase.snippet) == ["Secretary General"])
    let folded = try #require(index.search("resolution").first { $0.path == "considering a)" })
    #expect(highlightedWords(folded.snippet) == ["Résolution"])
    let prefix = try #require(index.search("protect*").first { $0.path == "Annex, 1" })
    #expect(highlightedWords(prefix.snippet) == ["protect"])
  }

  @Test func longTextIsCutAroundTheMatchAtWordBoundaries() {
    let words = (0..<200).map { "word\($0)" }
    var text = words.joined(separator: " ")
    text += " the needle é stands here " + words.joined(separator: " ")
    let query = SearchQuery(parsing: "needle")
    let snippet = SnippetMaker.snippet(
      of: text, matches: byteRanges(SearchIndex.matchRanges(of: query, in: text), in: text))
    #expect(snippet.text.hasPrefix("…") && snippet.text.hasSuffix("…"))
    #expect(snippet.text.count <= SnippetMaker.length + 2)
    #expect(highlightedWords(snippet) == ["needle"])
    // Cut at spaces: every word in the excerpt is a whole word of the text.
    let inner = snippet.text.dropFirst().dropLast().split(separator: " ")
    #expect(inner.allSatisfy { text.split(separator: " ").contains($0) })
  }

  @Test func asciiExcerptAfterAnEllipsisMarksTheRightWords() {
    let text = (0..<100).map { "w\($0)" }.joined(separator: " ") + " child online w1 w2 w3"
    let query = SearchQuery(parsing: "child online")
    let snippet = SnippetMaker.snippet(
      of: text, matches: byteRanges(SearchIndex.matchRanges(of: query, in: text), in: text))
    #expect(snippet.text.hasPrefix("…"))
    #expect(highlightedWords(snippet) == ["child", "online"])
  }

  @Test func snippetOffsetsCountCharacters() {
    let text = "🇺🇳 Résolution e\u{301}tendue on child protection"
    let query = SearchQuery(parsing: "child")
    let snippet = SnippetMaker.snippet(
      of: text, matches: byteRanges(SearchIndex.matchRanges(of: query, in: text), in: text))
    #expect(highlightedWords(snippet) == ["child"])
  }

  @Test func matchRangesInFullText() {
    let text = "The Secretary-General and the secretary general, not the General Secretary."
    let ranges = SearchIndex.matchRanges(of: SearchQuery(parsing: "secretary-general"), in: text)
    #expect(ranges.map { String(text[$0]) } == ["Secretary-General", "secretary general"])
    let words = SearchIndex.matchRanges(of: SearchQuery(parsing: "general -secretary"), in: text)
    #expect(words.map { String(text[$0]) } == ["General", "general", "General"])
    #expect(SearchIndex.matchRanges(of: SearchQuery(parsing: ""), in: text).isEmpty)
  }

  @Test func documentMatchSnippetIsTheTitle() throws {
    let hit = try #require(index.search("1306").first)
    #expect(hit.isDocumentMatch)
    #expect(hit.snippet.text == "Child online protection")
  }

  private func byteRanges(_ ranges: [Range<String.Index>], in text: String) -> [Range<Int>] {
    ranges.map {
      text.utf8.distance(
        from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(
          from: text.startIndex, to: $0.upperBound)
    }
  }
}

@Suite struct SearchQueryTests {
  @Test func parsesTheQueryLanguage() {
    let query = SearchQuery(
      parsing:
        #"Child "online protection" protect* -excluded -"bad phrase" in:"instructs the Secretary-General" doc:1316 kind:decision body:Council"#
    )
    #expect(
      query.required == [.word("child"), .phrase(["online", "protection"]), .prefix("protect")])
    #expect(query.excluded == [.word("excluded"), .phrase(["bad", "phrase"])])
    #expect(query.headings == [["instructs", "the", "secretary", "general"]])
    #expect(query.documents == ["1316"])
    #expect(query.kinds == [.decision])
    #expect(query.bodies == [["council"]])
    #expect(query.documentLookup == nil)
  }

  @Test func dropsLoneStopWordsButKeepsThemInPhrases() {
    #expect(SearchQuery(parsing: "the union").required == [.word("union")])
    #expect(SearchQuery(parsing: "\"of the union\"").required == [.phrase(["of", "the", "union"])])
    #expect(SearchQuery(parsing: "the of").isEmpty)
  }

  @Test func numbersAndSymbolsOfferDocuments() {
    #expect(SearchQuery(parsing: "1300").documentLookup == "1300")
    #expect(SearchQuery(parsing: " C09/120 ").documentLookup == "C09/120")
    #expect(SearchQuery(parsing: "PP-R71").documentLookup == "PP-R71")
    #expect(SearchQuery(parsing: "resolution 1300").documentLookup == nil)
    #expect(SearchQuery(parsing: "\"1300\"").documentLookup == nil)
  }

  @Test func searchAsYouTypeTreatsTheLastWordAsPrefix() {
    #expect(
      SearchQuery(parsing: "child onl", lastWordIsPrefix: true).required == [
        .word("child"), .prefix("onl"),
      ])
    #expect(
      SearchQuery(parsing: "child onl ", lastWordIsPrefix: true).required == [
        .word("child"), .word("onl"),
      ])
    #expect(
      SearchQuery(parsing: "\"child onl\"", lastWordIsPrefix: true).required == [
        .phrase(["child", "onl"])
      ])
    #expect(SearchQuery(parsing: "130", lastWordIsPrefix: true).documentLookup == "130")
    #expect(
      !SearchTestCorpus.index.search(SearchQuery(parsing: "child onl", lastWordIsPrefix: true))
        .isEmpty)
  }

  @Test func unclosedQuoteRunsToTheEnd() {
    #expect(SearchQuery(parsing: "\"child online").required == [.phrase(["child", "online"])])
  }

  @Test func duplicatesCollapseAndTermsAreCapped() {
    #expect(SearchQuery(parsing: "child child CHILD").required == [.word("child")])
    let many = (0..<500).map { "w\($0)" }.joined(separator: " ")
    #expect(SearchQuery(parsing: many).required.count == SearchQuery.maximumTerms)
  }

  @Test func invalidFilterValuesAreReported() {
    let query = SearchQuery(parsing: "union kind:treaty")
    #expect(query.invalidFilters == ["kind:treaty"])
  }
}
