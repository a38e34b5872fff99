import Foundation
import Testing

@testable import ResolutionKit

@Suite struct SearchIndexTests {
  let index = SearchTestCorpus.index

  func places(_ query: String, limit: Int = 50) -> [String] {
    index.search(query, limit: limit).map { "\($0.documentID)|\($0.path ?? $0.heading ?? "-")" }
  }

  // MARK: Ranking

  @Test func titleMatchRanksFirst() throws {
    let hits = index.search("child online")
    let first = try #require(hits.first)
    #expect(first.documentID == "R1306")
    #expect(first.field == .title)
    #expect(first.path == nil)
  }

  @Test func adjacentWordsRankAboveScatteredOnes() throws {
    let clauses = index.search("child online").filter { $0.field == .clause }
    let adjacent = try #require(
      clauses.firstIndex { $0.path == "instructs the Secretary-General 1" })
    let scattered = try #require(
      clauses.firstIndex { $0.documentID == "R1300" && $0.path == "resolves 1" })
    #expect(adjacent < scattered)
  }

  @Test func headingRanksAboveMention() throws {
    let hits = index.search("instructs")
    let first = try #require(hits.first)
    #expect(first.field == .heading)
    #expect(first.heading == "instructs the Secretary-General")
  }

  @Test func equalScoresFollowCorpusOrder() {
    let hits = index.search("identical tiebreak")
    #expect(hits.map(\.documentID) == ["R1400", "R1401"])
    #expect(hits.count == 2 && hits[0].score == hits[1].score)
  }

  @Test func scoresDescend() {
    let scores = index.search("union").map(\.score)
    #expect(scores.count > 3)
    #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
  }

  @Test func limitIsHonoured() {
    #expect(index.search("union", limit: 2).count == 2)
    #expect(index.search("union", limit: 0).isEmpty)
  }

  // MARK: Query forms

  @Test func allWordsMustMatch() {
    #expect(places("child budget").isEmpty)
    #expect(places("report annually") == ["R1306|resolves 1.1"])
  }

  @Test func exactPhrase() {
    #expect(places("\"online matters\"") == ["R1300|resolves 1"])
    #expect(places("\"matters online\"").isEmpty)
    let reversed = places("\"general secretary\"")
    #expect(reversed.isEmpty)
  }

  @Test func prefixMatchesWordStarts() {
    let found = places("protect*")
    #expect(found.contains("R1306|-"))  // the title "Child online protection"
    #expect(found.contains("R1306|Annex, 1"))  // "protect children"
    #expect(places("protectionism*").isEmpty)
    #expect(places("strateg*").count == 2)
  }

  @Test func exclusion() {
    let withOnline = places("child")
    let withoutOnline = places("child -online")
    #expect(withOnline.contains("R1306|instructs the Secretary-General 1"))
    #expect(!withoutOnline.contains("R1306|instructs the Secretary-General 1"))
    #expect(withoutOnline.contains("R1306|Annex, 1") == false)  // "children" is another word
    #expect(places("union -\"online matters\"").contains("R1300|resolves 1") == false)
    #expect(places("union -\"matters online\"").contains("R1300|resolves 1"))
    #expect(places("-online").isEmpty)
  }

  // MARK: Filters

  @Test func sectionFilter() {
    let hits = index.search("report in:resolves")
    #expect(hits.map(\.documentID) == ["R1306", "PP-R71"])
    #expect(hits.allSatisfy { $0.heading?.hasPrefix("resolves") == true })
    let instructs = places("report in:\"instructs the secretary-general\"")
    #expect(instructs == ["R1306|instructs the Secretary-General 1"])
    #expect(places("report in:considering").isEmpty)
    #expect(places("terms in:annex") == ["R1306|Annex"])
  }

  @Test func documentFilter() {
    #expect(places("union doc:1306") == ["R1306|instructs the Secretary-General 1"])
    #expect(places("union doc:r1306") == places("union doc:1306"))
    #expect(places("union doc:9999").isEmpty)
  }

  @Test func kindFilter() {
    #expect(Set(index.search("union kind:decision").map(\.documentID)) == ["D482"])
    #expect(!index.search("union kind:res").contains { $0.documentID == "D482" })
    #expect(index.search("union kind:treaty").isEmpty)
  }

  @Test func bodyFilter() {
    #expect(
      Set(index.search("strategic body:\"plenipotentiary conference\"").map(\.documentID)) == [
        "PP-R71"
      ])
    #expect(Set(index.search("strategic body:council").map(\.documentID)) == ["R1300"])
  }

  @Test func filtersAloneListWhatTheySelect() {
    let decisions = index.search("kind:decision")
    #expect(decisions.map(\.documentID) == ["D482"])
    #expect(decisions.allSatisfy { $0.isDocumentMatch && $0.path == nil })
    let headings = index.search("in:decides")
    #expect(headings.map(\.documentID) == ["D482", "R1400", "R1401"])
    #expect(headings.allSatisfy { $0.field == .heading })
  }

  @Test func unknownFilterIsSearchedAsText() {
    let query = SearchQuery(parsing: "foo:bar child")
    #expect(query.unknownFilters == ["foo:bar"])
    #expect(query.required.contains(.phrase(["foo", "bar"])))
    #expect(index.search(query).isEmpty)
    #expect(places("tunis:commitment") == ["R1300|considering b)"])
  }

  // MARK: Words

  @Test func foldsCaseAndDiacritics() {
    #expect(places("resolution").contains("R1300|considering a)"))
    #expect(places("RÉSOLUTION") == places("resolution"))
    #expect(places("Resolution").contains("D482|decides 1.1"))
  }

  @Test func hyphenatedWordsByPartsAndWhole() {
    let heading = "R1306|instructs the Secretary-General"
    for form in [
      "secretary", "general", "secretary-general", "secretary general", "\"secretary general\"",
      "Secretary–General",
    ] {
      #expect(places(form).contains(heading), "\(form)")
    }
    // The spaced form in R1300 is found by the hyphenated query too.
    #expect(places("secretary-general").contains("R1300|considering b)"))
  }

  @Test func numbersAndSymbols() throws {
    let hits = index.search("1300")
    let first = try #require(hits.first)
    #expect(first.documentID == "R1300" && first.isDocumentMatch && first.path == nil)
    #expect(hits.dropFirst().contains { $0.documentID == "D482" && $0.path == "decides 1.1" })
    #expect(hits.dropFirst().allSatisfy { !$0.isDocumentMatch })

    let symbol = index.search("C09/120")
    #expect(symbol.first?.documentID == "R1306" && symbol.first?.isDocumentMatch == true)
    let revised = index.search("C09/108")
    #expect(revised.first?.documentID == "R1306" && revised.first?.isDocumentMatch == true)
    #expect(revised.contains { $0.documentID == "D482" && $0.path == "decides 1" })

    #expect(places("2012").contains("R1300|-"))
    #expect(places("2012-2015").contains("D482|decides 1"))
    #expect(places("2015").contains("D482|decides 1"))
    #expect(places("WG-CP") == ["R1306|resolves 1"])
  }

  @Test func footnotesAreSearched() {
    let hits = index.search("tunis commitment")
    #expect(hits.map(\.field) == [.footnote])
    #expect(hits.first?.path == "considering b)")
  }

  // MARK: Edge cases

  @Test(arguments: ["", "   ", "\"\"", "-", "*", "-\"\"", "in:", "\u{0}\u{1B}[31m"])
  func emptyQueriesFindNothing(_ text: String) {
    #expect(index.search(text).isEmpty)
  }

  @Test func stopWordsAndPunctuationFindNothing() {
    #expect(index.search("the of and to").isEmpty)
    #expect(index.search("!!! ... ,,, ;;; — …").isEmpty)
    #expect(!index.search("\"of the union\"").isEmpty)
  }

  @Test func longQueryIsHandled() {
    let repeated = String(repeating: "child online ", count: 800)
    #expect(repeated.utf8.count >= 10_000)
    #expect(places(repeated) == places("child online"))
    var noise = ""
    for index in 0..<2_000 { noise += "w\(index)* -x\(index) \"" }
    #expect(noise.utf8.count >= 10_000)
    _ = index.search(noise)
  }

  @Test func regexCharactersAreLiteral() {
    #expect(places("a.b*c+d?[x](y){z}|^$\\") == ["PP-R71|resolves 2"])
    #expect(index.search(".*").isEmpty)
    #expect(index.search("[(|)]").isEmpty)
    #expect(index.search("^$").isEmpty)
  }

  @Test func emptyCorpus() {
    let empty = SearchIndex(corpus: Corpus(documents: []))
    #expect(empty.search("anything").isEmpty)
    #expect(empty.search("1300").isEmpty)
    #expect(empty.search("kind:decision").isEmpty)
  }
}
