/// A query term resolved against the index.
private enum Atom {
  case term(Int32)
  case phrase([Int32])
  /// Several terms; matched through a bitmap over units.
  case prefix(bitmap: [UInt64], frequency: Int)

  /// Unit count estimate: how selective the atom is.
  func cost(in index: SearchIndex) -> Int {
    switch self {
    case .term(let id): index.documentFrequency(id)
    case .phrase(let ids): ids.map(index.documentFrequency).min() ?? 0
    case .prefix(_, let frequency): frequency
    }
  }
}

/// Per-candidate state of one required atom: its cursors and what matched.
private struct AtomState {
  var atom: Atom
  /// Position in the query, for proximity between neighbours.
  var order: Int
  var idf: Double
  var cursors: [PostingCursor]
  var frequency = 0
  /// The matched posting for a single term (positions for proximity).
  var posting = -1
}

/// Keeps the best `capacity` (score, unit) pairs: higher score first,
/// equal scores by lower unit (corpus order).
private struct TopHits {
  let capacity: Int
  private var heap: [(unit: Int32, score: Double)] = []

  init(capacity: Int) { self.capacity = capacity }

  /// Whether `a` ranks below `b`.
  private static func worse(_ a: (unit: Int32, score: Double), _ b: (unit: Int32, score: Double))
    -> Bool
  {
    a.score < b.score || (a.score == b.score && a.unit > b.unit)
  }

  mutating func insert(_ unit: Int32, _ score: Double) {
    let entry = (unit: unit, score: score)
    if heap.count < capacity {
      heap.append(entry)
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.worse(heap[child], heap[parent]) else { break }
        heap.swapAt(child, parent)
        child = parent
      }
    } else if let root = heap.first, Self.worse(root, entry) {
      heap[0] = entry
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var worst = parent
        if left < heap.count, Self.worse(heap[left], heap[worst]) { worst = left }
        if right < heap.count, Self.worse(heap[right], heap[worst]) { worst = right }
        if worst == parent { break }
        heap.swapAt(parent, worst)
        parent = worst
      }
    }
  }

  var sorted: [(unit: Int32, score: Double)] {
    heap.sorted { Self.worse($1, $0) }
  }
}

extension SearchIndex {
  /// BM25 over the units containing every required term, with field boosts
  /// and a bonus for neighbouring query words found close together.
  /// Evaluated document-at-a-time from the rarest term's units, the others
  /// checked with galloping cursors.
  func rankUnits(
    _ query: SearchQuery, limit: Int, allowedDocuments: [Bool]?, allowedHeadings: Set<Int32>?
  ) -> [(unit: Int32, score: Double)] {
    let unitCount = units.count
    var states: [AtomState] = []
    for (order, term) in query.required.enumerated() {
      guard let atom = resolve(term) else { return [] }
      states.append(
        AtomState(
          atom: atom, order: order, idf: idf(of: atom), cursors: cursors(of: atom)))
    }
    var excluded: [AtomState] = []
    for term in query.excluded {
      if let atom = resolve(term) {
        excluded.append(AtomState(atom: atom, order: 0, idf: 0, cursors: cursors(of: atom)))
      }
    }
    states.sort { $0.atom.cost(in: self) < $1.atom.cost(in: self) }
    guard let seed = states.first else { return [] }
    let candidates = candidateUnits(of: seed.atom)
    // Neighbouring single words in query order, for the proximity bonus.
    let byOrder = states.indices.sorted { states[$0].order < states[$1].order }
    var neighbours: [(Int, Int)] = []
    for (first, second) in zip(byOrder, byOrder.dropFirst()) {
      if case .term = states[first].atom, case .term = states[second].atom,
        states[second].order == states[first].order + 1
      {
        neighbours.append((first, second))
      }
    }

    var top = TopHits(capacity: limit)
    candidateLoop: for unit in candidates {
      guard Int(unit) < unitCount else { continue }
      let info = units[Int(unit)]
      if let allowed = allowedDocuments, !allowed[Int(info.document)] { continue }
      if let headings = allowedHeadings, !headings.contains(info.headingUnit) { continue }
      for index in states.indices {
        guard match(&states[index], unit) else { continue candidateLoop }
      }
      for index in excluded.indices where match(&excluded[index], unit) {
        continue candidateLoop
      }
      let norm = Self.k1 * (1 - Self.b + Self.b * Double(info.length) / averageLength)
      var score = 0.0
      for state in states {
        let frequency = Double(state.frequency)
        score += state.idf * frequency * (Self.k1 + 1) / (frequency + norm)
      }
      for (first, second) in neighbours {
        let distance = proximity(states[first].posting, states[second].posting)
        score += 0.5 * (states[first].idf + states[second].idf) / Double(distance)
      }
      top.insert(unit, score * Self.boost(info.field))
    }
    return top.sorted
  }

  private func resolve(_ term: SearchQuery.Term) -> Atom? {
    switch term {
    case .word(let word):
      return termID(word).map(Atom.term)
    case .phrase(let words):
      var ids: [Int32] = []
      for word in words {
        guard let id = termID(word) else { return nil }
        ids.append(id)
      }
      return .phrase(ids)
    case .prefix(let prefix):
      let range = termIDs(withPrefix: prefix)
      if range.isEmpty { return nil }
      if range.count == 1 { return .term(Int32(range.lowerBound)) }
      var bitmap = [UInt64](repeating: 0, count: units.count / 64 + 1)
      for id in range {
        for posting in postingRange(of: Int32(id)) {
          let unit = Int(postingUnits[posting])
          bitmap[unit >> 6] |= 1 << UInt64(unit & 63)
        }
      }
      return .prefix(bitmap: bitmap, frequency: bitmap.reduce(0) { $0 + $1.nonzeroBitCount })
    }
  }

  private func idf(of atom: Atom) -> Double {
    switch atom {
    case .term(let id):
      Self.inverseDocumentFrequency(documentFrequency(id), units: units.count)
    case .phrase(let ids):
      ids.reduce(0) {
        $0 + Self.inverseDocumentFrequency(documentFrequency($1), units: units.count)
      }
    case .prefix(_, let frequency):
      Self.inverseDocumentFrequency(frequency, units: units.count)
    }
  }

  private func cursors(of atom: Atom) -> [PostingCursor] {
    switch atom {
    case .term(let id): [cursor(id)]
    case .phrase(let ids): ids.map(cursor)
    case .prefix: []
    }
  }

  /// The units worth checking: those of the atom's rarest term.
  private func candidateUnits(of atom: Atom) -> [Int32] {
    switch atom {
    case .term(let id):
      return Array(postingUnits[postingRange(of: id)])
    case .phrase(let ids):
      guard let rarest = ids.min(by: { documentFrequency($0) < documentFrequency($1) }) else {
        return []
      }
      return Array(postingUnits[postingRange(of: rarest)])
    case .prefix(let bitmap, let frequency):
      var result: [Int32] = []
      result.reserveCapacity(frequency)
      for (wordIndex, var word) in bitmap.enumerated() {
        while word != 0 {
          result.append(Int32(wordIndex * 64 + word.trailingZeroBitCount))
          word &= word - 1
        }
      }
      return result
    }
  }

  /// Whether `unit` contains the atom; records its frequency there.
  private func match(_ state: inout AtomState, _ unit: Int32) -> Bool {
    switch state.atom {
    case .term:
      guard let posting = state.cursors[0].seek(unit, in: postingUnits) else { return false }
      state.posting = posting
      state.frequency = positionRange(ofPosting: posting).count
    case .phrase(let ids):
      state.frequency = phraseCount(ids, in: unit, cursors: &state.cursors)
    case .prefix(let bitmap, _):
      state.frequency = bitmap[Int(unit) >> 6] & (1 << UInt64(unit & 63)) != 0 ? 1 : 0
    }
    return state.frequency > 0
  }

  /// Smallest gap between the two postings' positions: 1 when the second
  /// word directly follows the first, one more when the order is reversed.
  private func proximity(_ first: Int, _ second: Int) -> Int {
    guard first >= 0, second >= 0 else { return Int(UInt16.max) }
    let a = positionRange(ofPosting: first)
    let b = positionRange(ofPosting: second)
    var i = a.lowerBound
    var j = b.lowerBound
    var best = Int.max
    while i < a.upperBound, j < b.upperBound {
      let difference = Int(positions[j]) - Int(positions[i])
      best = min(best, difference > 0 ? difference : 1 - difference)
      if positions[i] < positions[j] { i += 1 } else { j += 1 }
    }
    return max(1, best)
  }
}
