extension CitationParser {
  /// Completions for the `:` go-to prompt, best first.
  ///
  /// Once the text names a document and goes on (`1316 `, `R1316 res`),
  /// the suggestions are that document's clauses whose paths start with
  /// what follows. Otherwise they are documents: id equal, number equal,
  /// id prefix, number prefix, then titles whose words start with every
  /// word typed, in corpus order within each rank.
  public static func suggestions(
    for partial: String, in corpus: Corpus, limit: Int
  ) -> [CitationSuggestion] {
    guard limit > 0 else { return [] }
    let typed = partial.drop { $0.isWhitespace }
    guard !typed.isEmpty, typed.utf8.count <= 1000 else { return [] }
    let endsInSpace = typed.last?.isWhitespace == true

    let reading = CitationReading(String(typed), in: corpus)
    if let document = reading.documents.first, endsInSpace || !reading.pinpoint.isEmpty {
      let clauses = clauseSuggestions(
        in: document, after: reading.pinpoint, endsInSpace: endsInSpace, corpus: corpus,
        limit: limit)
      if !clauses.isEmpty { return clauses }
    }
    return documentSuggestions(for: typed.trimmingWhitespace, in: corpus, limit: limit)
  }

  private static func clauseSuggestions(
    in document: Document, after typed: ClauseKey, endsInSpace: Bool, corpus: Corpus, limit: Int
  ) -> [CitationSuggestion] {
    let prefix = typed.isEmpty ? "" : typed.joined + (endsInSpace ? " " : "")
    let bare = ClauseKey(parts: typed.withoutParagraphMarks.parts).joined + (endsInSpace ? " " : "")
    var result: [CitationSuggestion] = []
    for clause in document.allClauses {
      let key = ClauseKey(path: clause.path)
      guard key.joined.hasPrefix(prefix) || key.withoutParagraphMarks.joined.hasPrefix(bare) else {
        continue
      }
      let address = ClauseAddress(documentID: document.id, path: clause.path)
      result.append(
        CitationSuggestion(
          completion: document.id + " " + clause.path,
          label: (try? Citation.format(address, in: corpus, as: .short)) ?? clause.path,
          detail: Citation.printable(String(clause.text.prefix(200))), address: address))
      if result.count == limit { break }
    }
    return result
  }

  private static func documentSuggestions(
    for typed: String, in corpus: Corpus, limit: Int
  ) -> [CitationSuggestion] {
    let query = typed.lowercased()
    let words = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    let lookup = corpus.lookup
    let queryBytes = Array(query.utf8)
    var ranked: [(rank: Int, position: Int)] = []
    for position in lookup.lowercasedIDs.indices {
      let id = lookup.lowercasedIDs[position]
      let number = lookup.numbers[position] ?? ""
      let rank: Int
      if id == query {
        rank = 0
      } else if number == query {
        rank = 1
      } else if id.utf8.starts(with: queryBytes) {
        rank = 2
      } else if !number.isEmpty && number.utf8.starts(with: queryBytes) {
        rank = 3
      } else if !words.isEmpty, titleMatches(lookup.titleWords[position], words: words) {
        rank = 4
      } else {
        continue
      }
      ranked.append((rank, position))
    }
    ranked.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.position < $1.position }
    return ranked.prefix(limit).map { entry in
      let document = corpus.documents[entry.position]
      let address = ClauseAddress(documentID: document.id)
      return CitationSuggestion(
        completion: document.id,
        label: (try? Citation.format(address, in: corpus, as: .short)) ?? document.id,
        detail: Citation.printable(String((document.title ?? "").prefix(200))),
        address: address)
    }
  }

  /// Every typed word starts some word of the title.
  private static func titleMatches(_ titleWords: [String], words: [String]) -> Bool {
    words.allSatisfy { word in titleWords.contains { $0.hasPrefix(word) } }
  }
}

extension Substring {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
