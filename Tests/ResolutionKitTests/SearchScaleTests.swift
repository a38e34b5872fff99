import Foundation
import Testing

@testable import ResolutionKit

@Suite struct SearchScaleTests {
  /// About 1 MB of clause text: numbered words so every query has work.
  static func largeCorpus() -> Corpus {
    let location = SourceLocation(file: "large.txt", line: 1)
    let documents = (0..<200).map { number in
      let clauses = (0..<10).map { index in
        let words = (0..<100).map { "w\(($0 * 7 + index * 13 + number) % 997)" }
        return Clause(
          label: "\(index + 1)", path: "resolves \(index + 1)",
          text: words.joined(separator: " ") + " telecommunication union", location: location)
      }
      return Document(
        id: "R\(number)", kind: .resolution, body: "Council", number: "\(number)",
        title: "Resolution number \(number)", location: location,
        sections: [
          Section(heading: "resolves", role: .operative, location: location, clauses: clauses)
        ])
    }
    return Corpus(documents: documents)
  }

  @Test func oneMegabyteIndexesAndSearchesWithoutBlowUp() {
    let corpus = Self.largeCorpus()
    let bytes = corpus.documents.reduce(0) {
      $0 + $1.allClauses.reduce(0) { $0 + $1.text.utf8.count }
    }
    #expect(bytes > 1_000_000)
    let start = Date()
    let index = SearchIndex(corpus: corpus)
    for query in [
      "union", "w1 w8", "\"telecommunication union\"", "w1*", "in:resolves w5", "kind:decision",
      "-w1",
    ] {
      _ = index.search(query, limit: 50)
    }
    // Generous: only catches a super-linear blow-up, not a speed target.
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(index.search("union", limit: 5000).count == 2000)
    // Equal scores (same length, one match each) come in corpus order.
    let hits = index.search("telecommunication", limit: 3)
    #expect(hits.map(\.documentID) == ["R0", "R0", "R0"])
    #expect(hits.map(\.path) == ["resolves 1", "resolves 2", "resolves 3"])
  }

  @Test func buildsOnABackgroundTask() async {
    let corpus = SearchTestCorpus.corpus
    let index = await Task.detached { SearchIndex(corpus: corpus) }.value
    #expect(index.search("child online").first?.documentID == "R1306")
  }
}
