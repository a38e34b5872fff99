import ResolutionKit
import Testing

@testable import BrowserKit

/// Titles are searched only when other matches leave room in the list:
/// the list must be the one a search of every title gives.
@Suite struct GoToTitleSearchTests {
  @Test(arguments: ["online", "130", "131", "council", "protection", "c09", "r13", "work"])
  func shortListIsThePrefixOfTheLongOne(input: String) {
    for corpus in [Corpus.sample, TestCorpus.make()] {
      let long = SimpleGoTo.matches(for: input, in: corpus, limit: 500, exactOnly: false)
      for limit in [1, 2, 3, 8] {
        let short = SimpleGoTo.matches(for: input, in: corpus, limit: limit, exactOnly: false)
        #expect(short == Array(long.prefix(limit)), "\(input) limit \(limit)")
      }
    }
  }

  @Test func titlesAreFoundWhenNothingElseMatches() {
    let found = SimpleGoTo.matches(
      for: "online", in: TestCorpus.make(), limit: 8, exactOnly: false)
    #expect(found.map(\.address.documentID).contains("R1300"))
    #expect(found.map(\.address.documentID).contains("R1316"))
  }
}
