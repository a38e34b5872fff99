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
    let query = DocumentQuery(
      typed: typed, lookup: corpus.lookup, prefixes: corpus.documentPrefixes)
    // ASCII text (nearly all) is looked up in the prefix indexes; other
    // text compares every document, as Unicode equivalence may hold where
    // the bytes differ.
    let ranked =
      query.bytes.allSatisfy({ $0 < 0x80 })
      ? query.rankedFromIndexes(limit: limit) : query.rankedByScan()
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

  /// What is typed at the prompt when it names no clause yet: documents
  /// ranked id equal (0), number equal (1), id prefix (2), number prefix
  /// (3), then titles whose words start with every word typed (4), in
  /// corpus order within each rank.
  struct DocumentQuery {
    let text: String
    let bytes: [UInt8]
    let words: [String]
    let lookup: CorpusLookup
    let prefixes: DocumentPrefixes

    init(typed: String, lookup: CorpusLookup, prefixes: DocumentPrefixes) {
      text = typed.lowercased()
      bytes = Array(text.utf8)
      words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
      self.lookup = lookup
      self.prefixes = prefixes
    }

    func rank(of position: Int, withTitles: Bool) -> Int? {
      let id = lookup.lowercasedIDs[position]
      let number = lookup.numbers[position] ?? ""
      if id == text { return 0 }
      if number == text { return 1 }
      if id.utf8.starts(with: bytes) { return 2 }
      if !number.isEmpty && number.utf8.starts(with: bytes) { return 3 }
      if withTitles, !words.isEmpty, titleMatches(lookup.titleWords[position], words: words) {
        return 4
      }
      return nil
    }

    /// Every document, in rank order.
    func rankedByScan() -> [(rank: Int, position: Int)] {
      var ranked: [(rank: Int, position: Int)] = []
      for position in lookup.lowercasedIDs.indices {
        if let rank = rank(of: position, withTitles: true) { ranked.append((rank, position)) }
      }
      return ranked.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.position < $1.position }
    }

    /// The first `limit` (at least) in rank order, touching only documents
    /// whose id, number or title words start with what is typed.
    func rankedFromIndexes(limit: Int) -> [(rank: Int, position: Int)] {
      var ranked: [(rank: Int, position: Int)] = []
      var taken = Set<Int>()
      func consider(_ position: Int) {
        guard taken.insert(position).inserted, let rank = rank(of: position, withTitles: false)
        else { return }
        ranked.append((rank, position))
      }
      prefixes.ids.forEachPosition(withPrefix: bytes, consider)
      prefixes.numbers.forEachPosition(withPrefix: bytes, consider)
      ranked.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.position < $1.position }
      guard ranked.count < limit, !words.isEmpty else { return ranked }
      // Titles: documents with a title word starting with each typed word
      // (a superset, as bytes), then checked as before, in corpus order.
      let wordCount = (lookup.lowercasedIDs.count + 63) / 64
      var candidates = [UInt64](repeating: ~0, count: wordCount)
      for word in words {
        var bits = [UInt64](repeating: 0, count: wordCount)
        prefixes.titleWords.forEachPosition(withPrefix: Array(word.utf8)) {
          bits[$0 >> 6] |= 1 << UInt64($0 & 63)
        }
        for index in candidates.indices { candidates[index] &= bits[index] }
      }
      for (index, var bits) in candidates.enumerated() where bits != 0 {
        while bits != 0 {
          let position = index << 6 + bits.trailingZeroBitCount
          bits &= bits - 1
          guard !taken.contains(position),
            titleMatches(lookup.titleWords[position], words: words)
          else { continue }
          ranked.append((4, position))
          if ranked.count == limit { return ranked }
        }
      }
      return ranked
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
