import Foundation
import Testing

@testable import ResolutionKit

/// The go-to prompt's document suggestions come from prefix indexes for
/// ASCII text; they must rank exactly as comparing every document does.
@Suite struct CitationSuggestionIndexTests {
  /// Every prefix of every id, number and title word of the corpus, some
  /// several-word queries and misses.
  static func queries(for corpus: Corpus) -> [String] {
    var queries: Set<String> = ["x", "zzz", "1", "r1", "d", "budget plan", "c09", "-", "r 13"]
    for document in corpus.documents {
      var strings = [document.id.lowercased()]
      if let number = document.number { strings.append(number) }
      strings += CorpusLookup.words(of: (document.title ?? "").lowercased()).prefix(4)
      for string in strings {
        var prefix = ""
        for character in string.prefix(6) {
          prefix.append(character)
          queries.insert(prefix)
        }
      }
      let words = CorpusLookup.words(of: (document.title ?? "").lowercased())
      if words.count >= 3 { queries.insert("\(words[0].prefix(3)) \(words[2].prefix(2))") }
    }
    return queries.sorted()
  }

  static let corpora: [(String, Corpus)] = [
    ("sample", Corpus.sample), ("citation test", CitationTestCorpus.corpus),
  ]

  @Test(arguments: corpora.indices)
  func indexesRankAsTheFullScan(_ which: Int) {
    let corpus = Self.corpora[which].1
    let queries = Self.queries(for: corpus)
    #expect(queries.count > 50)
    var compared = 0
    for text in queries {
      let query = CitationParser.DocumentQuery(
        typed: text, lookup: corpus.lookup, prefixes: corpus.documentPrefixes)
      let all = query.rankedByScan()
      for limit in [1, 3, 8, 50] {
        let indexed = query.rankedFromIndexes(limit: limit).prefix(limit)
        #expect(
          indexed.map(\.position) == all.prefix(limit).map(\.position)
            && indexed.map(\.rank) == all.prefix(limit).map(\.rank),
          "\(text) limit \(limit)")
        compared += 1
      }
    }
    #expect(compared == queries.count * 4)
  }

  @Test func prefixIndexListsEachPositionOncePerKeyInOrder() {
    let index = PrefixIndex([
      ("plan", 3), ("plan", 1), ("planning", 2), ("plan", 3), ("pla", 7), ("budget", 1),
      ("é", 4),
    ])
    func positions(_ prefix: String) -> [Int] {
      var found: [Int] = []
      index.forEachPosition(withPrefix: Array(prefix.utf8)) { found.append($0) }
      return found
    }
    #expect(positions("plan") == [1, 3, 2])
    #expect(positions("pla") == [7, 1, 3, 2])
    #expect(positions("b") == [1])
    #expect(positions("") == [1, 7, 1, 3, 2, 4])
    #expect(positions("q").isEmpty)
    #expect(positions("é") == [4])
    #expect(positions("planningx").isEmpty)
  }
}
