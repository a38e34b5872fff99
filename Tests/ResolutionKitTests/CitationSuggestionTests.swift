import Testing

@testable import ResolutionKit

@Suite struct CitationSuggestionTests {
  let corpus = CitationTestCorpus.corpus

  func completions(_ text: String, limit: Int = 10) -> [String] {
    CitationParser.suggestions(for: text, in: corpus, limit: limit).map(\.completion)
  }

  @Test func numbersAndIDsByPrefix() {
    #expect(completions("13") == ["R1316", "R1306"])
    #expect(completions("1316") == ["R1316"])
    #expect(completions("pp") == ["PP-R71"])
    #expect(completions("71") == ["PP-R71", "R71"])
    #expect(completions("D4") == ["D482"])
  }

  @Test func exactIDComesFirst() {
    #expect(completions("R1400").first == "R1400")
  }

  @Test func titleWords() {
    #expect(completions("child prot") == ["R1306"])
    #expect(completions("strategic").contains("PP-R71"))
  }

  @Test func clausesOnceTheDocumentIsNamed() {
    #expect(
      completions("1316 resolves 1") == [
        "R1316 resolves 1", "R1316 resolves 1.1", "R1316 resolves 1.2", "R1316 resolves 1 a)",
      ])
    #expect(
      completions("Res. 1306 ann") == ["R1306 Annex 1, 3", "R1306 Annex 1, 3.2", "R1306 Annex, 3"])
    #expect(
      completions("R1316 ", limit: 3) == [
        "R1316 considering a)", "R1316 considering b)", "R1316 considering b) i)",
      ])
    #expect(
      completions("R1316 invites") == [
        "R1316 invites the Secretary-General ¶1", "R1316 invites the Secretary-General ¶2",
      ])
  }

  @Test func everySuggestionReadsBack() {
    for text in ["13", "1316 ", "R1316 res", "Res. 1306 ann", "71", "dec"] {
      for suggestion in CitationParser.suggestions(for: text, in: corpus, limit: 20) {
        let match = CitationParser.resolve(suggestion.completion, in: corpus)
        #expect(match?.address == suggestion.address, "\(suggestion.completion)")
        #expect(!suggestion.label.isEmpty)
      }
    }
  }

  @Test func nothingForJunkOrZeroLimit() {
    #expect(completions("zzzz") == [])
    #expect(completions("") == [])
    #expect(completions("13", limit: 0) == [])
  }
}
