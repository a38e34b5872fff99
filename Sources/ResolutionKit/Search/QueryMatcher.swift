/// Finds where a query's required words, prefixes and phrases stand in a
/// text, by tokenising it the way the index does. Compares UTF-8 bytes: no
/// String is made per token of the text.
struct QueryMatcher {
  /// The distinct words of the query's plain words and phrases.
  private var vocabulary: [[UInt8]] = []
  /// Per vocabulary word, whether it is a plain word (marked on its own).
  private var isPlainWord: [Bool] = []
  private var prefixes: [[UInt8]] = []
  /// Phrases as vocabulary indices.
  private var phrases: [[Int]] = []

  init(_ query: SearchQuery) {
    for term in query.required {
      switch term {
      case .word(let word): isPlainWord[vocabularyIndex(word)] = true
      case .prefix(let prefix): prefixes.append(Array(prefix.utf8))
      case .phrase(let phrase): phrases.append(phrase.map { vocabularyIndex($0) })
      }
    }
  }

  private mutating func vocabularyIndex(_ word: String) -> Int {
    let bytes = Array(word.utf8)
    if let index = vocabulary.firstIndex(of: bytes) { return index }
    vocabulary.append(bytes)
    isPlainWord.append(false)
    return vocabulary.count - 1
  }

  var isEmpty: Bool { vocabulary.isEmpty && prefixes.isEmpty }

  /// Byte equality, lengths first: most tokens of a text are not query
  /// words, and this runs for each of them.
  @inline(__always)
  private static func bytes(_ word: [UInt8], equal term: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count == term.count else { return false }
    for index in 0..<word.count where word[index] != term[index] { return false }
    return true
  }

  /// Matched UTF-8 byte ranges of `text`, sorted, overlaps merged. A phrase
  /// match is one range from its first word to its last.
  func byteRanges(in text: String, tokenizer: inout SearchTokenizer) -> [Range<Int>] {
    guard !isEmpty else { return [] }
    // Per token: its vocabulary index (-1 when none) and range; kept only
    // when there are phrases to find.
    var tokens: [(word: Int, range: Range<Int>)] = []
    let keepsTokens = !phrases.isEmpty
    var ranges: [Range<Int>] = []
    tokenizer.forEachTermBytes(in: text) { term, range in
      let word = vocabulary.firstIndex { Self.bytes($0, equal: term) } ?? -1
      if (word >= 0 && isPlainWord[word])
        || prefixes.contains(where: {
          $0.count <= term.count
            && Self.bytes($0, equal: UnsafeBufferPointer(rebasing: term[..<$0.count]))
        })
      {
        ranges.append(range)
      }
      if keepsTokens { tokens.append((word, range)) }
    }
    if !phrases.isEmpty {
      for index in tokens.indices where tokens[index].word >= 0 {
        for phrase in phrases where index + phrase.count <= tokens.count {
          if zip(phrase, tokens[index..<index + phrase.count]).allSatisfy({ $0 == $1.word }) {
            ranges.append(
              tokens[index].range.lowerBound..<tokens[index + phrase.count - 1].range.upperBound)
          }
        }
      }
    }
    // Words come in text order: only phrase ranges need sorting in.
    if !phrases.isEmpty { ranges.sort { $0.lowerBound < $1.lowerBound } }
    // Overlaps merged in place (by index: iterating the array itself would
    // hold its buffer and make the first write copy it).
    var count = 0
    for index in ranges.indices {
      let range = ranges[index]
      if count > 0, range.lowerBound < ranges[count - 1].upperBound {
        let last = ranges[count - 1]
        ranges[count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        ranges[count] = range
        count += 1
      }
    }
    ranges.removeLast(ranges.count - count)
    return ranges
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
