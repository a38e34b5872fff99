/// Finds where a query's required words, prefixes and phrases stand in a
/// text, by tokenising it the way the index does.
struct QueryMatcher {
  private var words: Set<String> = []
  private var prefixes: [String] = []
  private var phrases: [[String]] = []

  init(_ query: SearchQuery) {
    for term in query.required {
      switch term {
      case .word(let word): words.insert(word)
      case .prefix(let prefix): prefixes.append(prefix)
      case .phrase(let phrase): phrases.append(phrase)
      }
    }
  }

  var isEmpty: Bool { words.isEmpty && prefixes.isEmpty && phrases.isEmpty }

  /// Matched UTF-8 byte ranges of `text`, sorted, overlaps merged. A phrase
  /// match is one range from its first word to its last.
  func byteRanges(in text: String, tokenizer: inout SearchTokenizer) -> [Range<Int>] {
    guard !isEmpty else { return [] }
    var tokens: [(term: String, range: Range<Int>)] = []
    tokenizer.forEachToken(in: text) { tokens.append(($0, $1)) }
    var ranges: [Range<Int>] = []
    for (index, token) in tokens.enumerated() {
      if words.contains(token.term)
        || prefixes.contains(where: { token.term.utf8.starts(with: $0.utf8) })
      {
        ranges.append(token.range)
      }
      for phrase in phrases where index + phrase.count <= tokens.count {
        if zip(phrase, tokens[index..<index + phrase.count]).allSatisfy({ $0 == $1.term }) {
          ranges.append(token.range.lowerBound..<tokens[index + phrase.count - 1].range.upperBound)
        }
      }
    }
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for range in ranges {
      if let last = merged.last, range.lowerBound < last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }
}

extension SearchIndex {
  /// Where the query's words, prefixes and phrases stand in `text` (for
  /// highlighting a clause in the reader): sorted, not overlapping.
  /// Excluded terms and filters are not marked.
  public static func matchRanges(of query: SearchQuery, in text: String) -> [Range<String.Index>] {
    var tokenizer = SearchTokenizer()
    let utf8 = text.utf8
    return QueryMatcher(query).byteRanges(in: text, tokenizer: &tokenizer).map {
      utf8.index(
        utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(
          utf8.startIndex, offsetBy: $0.upperBound)
    }
  }

  /// Same as the static form; here for call sites holding an index.
  public func matchRanges(of query: SearchQuery, in text: String) -> [Range<String.Index>] {
    Self.matchRanges(of: query, in: text)
  }
}
