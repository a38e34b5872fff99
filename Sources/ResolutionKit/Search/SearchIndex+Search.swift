import Foundation

extension SearchIndex {
  /// BM25 saturation and length normalisation.
  static let k1 = 1.2
  static let b = 0.75

  /// How much a match counts by where it stands: a title or heading match
  /// ranks above a passing mention in a clause.
  static func boost(_ field: SearchField) -> Double {
    switch field {
    case .document: 1
    case .title: 2.5
    case .heading: 1.8
    case .clause: 1
    case .footnote: 0.7
    }
  }

  /// Parses `text` and searches it.
  public func search(_ text: String, limit: Int = 50) -> [SearchHit] {
    search(SearchQuery(parsing: text), limit: limit)
  }

  /// The best `limit` hits for `query`, best first; equal scores in corpus
  /// order (document order, then clause order). Documents named by a lone
  /// number or symbol come first, flagged `isDocumentMatch`.
  public func search(_ query: SearchQuery, limit: Int = 50) -> [SearchHit] {
    guard limit > 0, !query.isEmpty, query.invalidFilters.isEmpty else { return [] }
    let allowedDocuments = documentFilter(for: query)
    if let allowed = allowedDocuments, !allowed.contains(true) { return [] }
    let allowedHeadings = headingFilter(for: query)
    if let headings = allowedHeadings, headings.isEmpty { return [] }
    var filter = UnitFilter(documents: allowedDocuments, headings: allowedHeadings)

    var ranked: [(unit: Int32, score: Double)] = []
    if !query.required.isEmpty {
      ranked = rankUnits(
        query, limit: limit,
        allowedRanges: allowedUnitRanges(documents: allowedDocuments, headings: allowedHeadings))
    } else if let headings = allowedHeadings {
      // Filters only, with `in:`: the headings they select.
      for heading in headings where ranked.count < limit {
        let unit = units[Int(heading)]
        // A heading stands under itself.
        if filter.allows(document: unit.document, headingUnit: heading) {
          ranked.append((heading, 1.0))
        }
      }
    }

    var hits: [SearchHit] = []
    var tokenizer = SearchTokenizer()
    let matcher = QueryMatcher(query)
    let topScore = ranked.first?.score ?? 0
    for document in offeredDocuments(for: query, allowedDocuments: allowedDocuments).prefix(limit) {
      hits.append(documentHit(document, score: topScore + 1))
    }
    for (unitIndex, score) in ranked.prefix(limit - hits.count) {
      let unit = units[Int(unitIndex)]
      let place = describe(unit)
      let ranges = matcher.byteRanges(in: place.text, tokenizer: &tokenizer)
      hits.append(
        SearchHit(
          documentID: place.documentID, path: place.path, heading: place.heading,
          field: field(ofUnit: Int(unitIndex)), score: score,
          snippet: SnippetMaker.snippet(of: place.text, matches: ranges)))
    }
    return hits
  }

  // MARK: - Filters

  /// The units that the document and `in:` filters leave, as ascending
  /// disjoint ranges; nil when neither is set. Ranking jumps between them
  /// instead of looking each candidate's unit up.
  private func allowedUnitRanges(documents: [Bool]?, headings: [Int32]?) -> [Range<Int32>]? {
    let byDocument = documents.map { unitRanges(ofDocuments: $0) }
    guard let headings else { return byDocument }
    let byHeading = unitRanges(underHeadings: headings)
    guard let byDocument else { return byHeading }
    return Self.intersection(byDocument, byHeading)
  }

  /// The units standing under the heading units `headings` (ascending):
  /// each heading and what follows it up to the next heading or the next
  /// document, whose title and its footnotes come first.
  func unitRanges(underHeadings headings: [Int32]) -> [Range<Int32>] {
    var ranges: [Range<Int32>] = []
    ranges.reserveCapacity(headings.count)
    var document = 0
    for heading in headings where heading >= 0 && Int(heading) < units.count {
      // Documents ascend with their units: a moving cursor finds the end.
      while document + 1 < documentUnitStart.count, documentUnitStart[document + 1] <= heading {
        document += 1
      }
      let documentEnd = Int(documentUnitStart[min(document + 1, documentUnitStart.count - 1)])
      let end = nextHeadingUnit(after: Int(heading), before: documentEnd)
      let range = heading..<Int32(end)
      if let last = ranges.last, last.upperBound >= range.lowerBound {
        ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        ranges.append(range)
      }
    }
    return ranges
  }

  /// The first heading unit after `unit` and below `limit`, else `limit`.
  private func nextHeadingUnit(after unit: Int, before limit: Int) -> Int {
    var word = (unit + 1) >> 6
    guard word < headingUnitBits.count else { return limit }
    var bits = headingUnitBits[word] & (~0 << UInt64((unit + 1) & 63))
    while bits == 0 {
      word += 1
      guard word < headingUnitBits.count, word << 6 < limit else { return limit }
      bits = headingUnitBits[word]
    }
    return min(limit, word << 6 + bits.trailingZeroBitCount)
  }

  /// The units in both `a` and `b` (each ascending and disjoint).
  static func intersection(_ a: [Range<Int32>], _ b: [Range<Int32>]) -> [Range<Int32>] {
    var result: [Range<Int32>] = []
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      let lower = max(a[i].lowerBound, b[j].lowerBound)
      let upper = min(a[i].upperBound, b[j].upperBound)
      if lower < upper { result.append(lower..<upper) }
      if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
    }
    return result
  }

  /// Which documents `doc:`, `kind:` and `body:` allow; nil when unfiltered.
  private func documentFilter(for query: SearchQuery) -> [Bool]? {
    let count = corpus.documents.count
    var allowed: [Bool]?
    func restrict(to selected: [Bool]) {
      allowed = allowed.map { zip($0, selected).map { $0 && $1 } } ?? selected
    }
    for name in query.documents {
      var selected = [Bool](repeating: false, count: count)
      for index in documentNames[Self.normalizedName(name)] ?? [] { selected[Int(index)] = true }
      restrict(to: selected)
    }
    if !query.kinds.isEmpty {
      restrict(to: documentKinds.map { query.kinds.contains($0) })
    }
    if !query.bodies.isEmpty {
      var tokenizer = SearchTokenizer()
      for words in query.bodies {
        var selected = [Bool](repeating: false, count: count)
        for (body, documents) in documentsByBody
        where Self.containsSequence(words, in: tokenizer.terms(of: body)) {
          for index in documents { selected[Int(index)] = true }
        }
        restrict(to: selected)
      }
    }
    return allowed
  }

  /// Heading units (ascending) whose text contains every `in:` word
  /// sequence; nil when there is no `in:` filter.
  private func headingFilter(for query: SearchQuery) -> [Int32]? {
    guard !query.headings.isEmpty else { return nil }
    var result: [Int32]?
    for words in query.headings {
      var ids: [Int32] = []
      for word in words {
        guard let id = termID(word) else { return [] }
        ids.append(id)
      }
      let matched = headingUnits(containing: ids)
      result =
        result.map { previous in
          let matchedSet = Set(matched)
          return previous.filter(matchedSet.contains)
        } ?? matched
    }
    return result
  }

  /// Heading units containing the words adjacent and in order.
  private func headingUnits(containing ids: [Int32]) -> [Int32] {
    guard let rarest = ids.min(by: { documentFrequency($0) < documentFrequency($1) }) else {
      return []
    }
    // The heading bitmap is small enough to stay in cache; the packed
    // field codes are not.
    var headings: [Int32] = []
    for posting in postingRange(of: rarest) {
      let unit = Int(postingUnits[posting])
      if unit >> 6 < headingUnitBits.count,
        headingUnitBits[unit >> 6] & (1 << UInt64(unit & 63)) != 0
      {
        headings.append(Int32(unit))
      }
    }
    guard ids.count > 1 else { return headings }
    return positions.withUnsafeBufferPointer { positions in
      let evaluator = AtomEvaluator(
        index: self, atoms: [.phrase(ids)], postingUnits: postingUnits.view,
        positions: UnsafeRawPointer(positions.baseAddress))
      defer { evaluator.deallocate() }
      // Per distinct heading text: 0 not checked yet, 1 has the words, 2 not.
      var verdicts = [UInt8](repeating: 0, count: headingTextCount)
      return headings.filter { unit in
        guard let text = headingTextID(of: unit), text < verdicts.count else {
          return evaluator.match(0, unit)
        }
        if verdicts[text] == 0 { verdicts[text] = evaluator.match(0, unit) ? 1 : 2 }
        return verdicts[text] == 1
      }
    }
  }

  static func containsSequence(_ words: [String], in terms: [String]) -> Bool {
    guard !words.isEmpty, words.count <= terms.count else { return false }
    for start in 0...(terms.count - words.count)
    where terms[start..<start + words.count].elementsEqual(words) {
      return true
    }
    return false
  }

  // MARK: - Document offers

  private func offeredDocuments(for query: SearchQuery, allowedDocuments: [Bool]?) -> [Int32] {
    if let name = query.documentLookup {
      return documentNames[Self.normalizedName(name)] ?? []
    }
    // Filters alone (no words, no `in:`): list the documents they select.
    if query.required.isEmpty, query.headings.isEmpty, let allowed = allowedDocuments {
      return allowed.indices.filter { allowed[$0] }.map { Int32($0) }
    }
    return []
  }

  private func documentHit(_ index: Int32, score: Double) -> SearchHit {
    let document = corpus.documents[Int(index)]
    return SearchHit(
      documentID: document.id, path: nil, heading: nil, field: .document, score: score,
      snippet: SnippetMaker.snippet(of: document.title ?? document.id, matches: []),
      isDocumentMatch: true)
  }

  // MARK: - Terms and postings

  func termID(_ term: String) -> Int32? {
    let index = terms.sortedLowerBound(of: term)
    return index < terms.count && terms[index] == term ? Int32(index) : nil
  }

  /// Ids of the terms starting with `prefix`.
  func termIDs(withPrefix prefix: String) -> Range<Int> {
    let start = terms.sortedLowerBound(of: prefix)
    var low = start
    var high = terms.count
    while low < high {
      let middle = (low + high) / 2
      if terms[middle].utf8.starts(with: prefix.utf8) { low = middle + 1 } else { high = middle }
    }
    return start..<low
  }

  func postingRange(of term: Int32) -> Range<Int> {
    Int(termPostingStart[Int(term)])..<Int(termPostingStart[Int(term) + 1])
  }

  func documentFrequency(_ term: Int32) -> Int {
    Int(termPostingStart[Int(term) + 1] - termPostingStart[Int(term)])
  }

  /// The positions of `posting`, in order.
  func positions(ofPosting posting: Int) -> [Int] {
    positions.withUnsafeBytes { bytes in
      let list = postingPositions.list(posting, in: bytes.baseAddress)
      return (0..<list.count).map { list[$0] }
    }
  }

  static func inverseDocumentFrequency(_ frequency: Int, units: Int) -> Double {
    log(1 + (Double(units) - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
  }
}
