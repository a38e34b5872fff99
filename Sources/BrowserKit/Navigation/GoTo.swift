import ResolutionKit

/// One match for what was typed at the `:` prompt.
public struct GoToSuggestion: Hashable, Sendable {
  /// What Tab puts in the prompt.
  public var completion: String
  /// What the list shows.
  public var label: String
  public var address: ClauseAddress

  public init(completion: String, label: String, address: ClauseAddress) {
    self.completion = completion
    self.label = label
    self.address = address
  }
}

/// How the `:` prompt turns text into a place. The browser calls only
/// these two functions, so the citation parser can replace the simple
/// matcher below by assigning another service.
public struct GoToService: Sendable {
  public var resolve: @Sendable (_ input: String, _ corpus: Corpus) -> ClauseAddress?
  public var suggestions:
    @Sendable (_ input: String, _ corpus: Corpus, _ limit: Int) -> [GoToSuggestion]

  public init(
    resolve: @escaping @Sendable (String, Corpus) -> ClauseAddress?,
    suggestions: @escaping @Sendable (String, Corpus, Int) -> [GoToSuggestion]
  ) {
    self.resolve = resolve
    self.suggestions = suggestions
  }

  /// Ids, numbers (`1300`, `Resolution 1300`) and document symbols
  /// (`C09/120`), optionally followed by a clause path (`1316 resolves 2`).
  public static let simple = GoToService(
    resolve: { SimpleGoTo.matches(for: $0, in: $1, limit: 1, exactOnly: true).first?.address },
    suggestions: { SimpleGoTo.matches(for: $0, in: $1, limit: $2, exactOnly: false) }
  )
}

extension GoToService {
  /// The citation parser: everything a pasted citation may say
  /// (`Res. 1316 (C09), resolves 2`), with clause completion.
  public static let citations = GoToService(
    resolve: { CitationParser.resolve($0, in: $1)?.address },
    suggestions: { input, corpus, limit in
      CitationParser.suggestions(for: input, in: corpus, limit: limit).map {
        GoToSuggestion(
          completion: $0.completion,
          label: $0.detail.isEmpty ? $0.label : "\($0.label)  \($0.detail)",
          address: $0.address)
      }
    }
  )
}

/// The browser's own matcher until the citation parser takes over.
public enum SimpleGoTo {
  public static func matches(for input: String, in corpus: Corpus, limit: Int, exactOnly: Bool)
    -> [GoToSuggestion]
  {
    var words = input.split(whereSeparator: \.isWhitespace).map(String.init)
    guard !words.isEmpty, limit > 0 else { return [] }
    var preferredKind: DocumentKind?
    if let first = words.first?.lowercased(), words.count > 1 {
      if ["resolution", "res.", "res", "r"].contains(first) {
        preferredKind = .resolution
        words.removeFirst()
      } else if ["decision", "dec.", "dec", "d"].contains(first) {
        preferredKind = .decision
        words.removeFirst()
      } else if ["document", "doc.", "doc"].contains(first) {
        words.removeFirst()
      }
    }
    guard let target = words.first else { return [] }
    let key = normalized(target)
    let pinpoint = words.dropFirst().joined(separator: " ")

    // Per-document names come precomputed: a keystroke compares bytes only.
    let lookup = corpus.lookup
    let keyBytes = Array(key.utf8)
    let sourceKey = Array((key + "(").utf8)
    let searchesTitles = key.count >= 3
    var scored: [(score: Int, position: Int)] = []
    for position in 0..<lookup.packedIDs.count {
      var score = 0
      let sources = lookup.sourceRanges[position]
      let hasNumber = lookup.hasNumber[position]
      if lookup.packedIDs.equals(position, keyBytes) { score = 100 }
      if hasNumber, lookup.packedNumbers.equals(position, keyBytes) {
        score = max(score, lookup.kinds[position] == (preferredKind ?? .resolution) ? 90 : 80)
      }
      if sources.contains(where: {
        lookup.packedSources.equals($0, keyBytes) || lookup.packedSources.hasPrefix($0, sourceKey)
      }) {
        score = max(score, 70)
      }
      if !exactOnly && score == 0 {
        if lookup.packedIDs.hasPrefix(position, keyBytes) { score = 40 }
        if score == 0, hasNumber, lookup.packedNumbers.hasPrefix(position, keyBytes) {
          score = 35
        }
        if score == 0, sources.contains(where: { lookup.packedSources.hasPrefix($0, keyBytes) }) {
          score = 30
        }
      }
      if score > 0 { scored.append((score, position)) }
    }
    // Title matches rank below every other match: search every title (a
    // linear substring scan, 13 ms at 100,000) only when the other matches
    // leave room in the list.
    if !exactOnly, searchesTitles, scored.count < limit {
      var matched = Set(scored.map(\.position))
      for position in 0..<lookup.packedTitles.count where !matched.contains(position) {
        if lookup.packedTitles.contains(position, keyBytes) {
          scored.append((10, position))
          matched.insert(position)
        }
      }
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
    return scored.prefix(limit).map { match in
      let document = corpus.documents[match.position]
      var path: String?
      if !pinpoint.isEmpty {
        let wanted = pinpoint.lowercased()
        path = document.allClauses.first { $0.path.lowercased() == wanted }?.path
      }
      let completion = path.map { "\(document.id) \($0)" } ?? document.id
      return GoToSuggestion(
        completion: completion,
        label: TreeOutline.documentTitle(document) + (path.map { " › \($0)" } ?? ""),
        address: ClauseAddress(documentID: document.id, path: path))
    }
  }

  private static func normalized(_ text: String) -> String {
    CorpusLookup.normalized(text)
  }
}
