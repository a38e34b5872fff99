/// A query term resolved against the index.
enum Atom {
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

  /// The score a new candidate must beat once full (a tie gets in only
  /// with a lower unit, which `insert` settles); nil before.
  var threshold: Double? {
    heap.count == capacity ? heap.first?.score : nil
  }

  var sorted: [(unit: Int32, score: Double)] {
    heap.sorted { Self.worse($1, $0) }
  }
}

extension SearchIndex {
  /// BM25 over the units containing every required term, with field boosts
  /// and a bonus for neighbouring query words found close together.
  /// Evaluated document-at-a-time over the rarest term's units, the others
  /// checked with galloping cursors (rare-first intersection).
  ///
  /// Once `limit` hits are held, a candidate is first given upper bounds
  /// on its score (the seed at its frequency there, the other terms at
  /// their largest in any unit, every neighbour pair adjacent), from the
  /// cheapest data first: its posting block, the title and heading bitmaps,
  /// its byte of `unitShapes`, then its exact length. If one cannot beat
  /// the weakest hit held, the candidate is skipped unevaluated. Bounds
  /// only skip what could not get in, so the result is the same as scoring
  /// every candidate, in any order: a warm start scores a lone word's
  /// strongest blocks (a prefix's titles) first.
  ///
  /// `allowedRanges`: the units the filters leave (ascending, disjoint);
  /// nil when unfiltered.
  func rankUnits(
    _ query: SearchQuery, limit: Int, allowedRanges: [Range<Int32>]?
  ) -> [(unit: Int32, score: Double)] {
    var required: [(atom: Atom, order: Int)] = []
    for (order, term) in query.required.enumerated() {
      guard let atom = resolve(term) else { return [] }
      required.append((atom, order))
    }
    let costs = required.map { $0.atom.cost(in: self) }
    let byCost = required.indices.sorted { (costs[$0], $0) < (costs[$1], $1) }
    guard let seedIndex = byCost.first else { return [] }
    let excluded = query.excluded.compactMap(resolve)
    let atoms = byCost.map { required[$0].atom } + excluded
    let requiredCount = byCost.count
    // Neighbouring single words in query order (positions in `atoms`).
    var orderToAtom: [Int: Int] = [:]
    for (position, original) in byCost.enumerated() {
      orderToAtom[required[original].order] = position
    }
    var neighbours: [(Int, Int)] = []
    for order in 0..<query.required.count {
      guard let first = orderToAtom[order], let second = orderToAtom[order + 1] else { continue }
      if case .term = atoms[first], case .term = atoms[second] {
        neighbours.append((first, second))
      }
    }
    let idfs = atoms.map(idf)
    let maximumFrequencies = atoms.prefix(requiredCount).map(maximumFrequency)
    let proximityBound = neighbours.reduce(0.0) { $0 + 0.5 * (idfs[$1.0] + idfs[$1.1]) }
    let boosts = Self.fieldCodes.map(Self.boost)
    let k1 = Self.k1
    /// Bound of the BM25 part for a unit with length normalisation `norm`
    /// where the seed atom occurs at most `seedFrequency` times.
    func termsBound(_ norm: Double, seedFrequency: Double) -> Double {
      var bound = idfs[0] * seedFrequency * (k1 + 1) / (seedFrequency + norm)
      for atom in 1..<requiredCount {
        let frequency = maximumFrequencies[atom]
        bound += idfs[atom] * frequency * (k1 + 1) / (frequency + norm)
      }
      return bound
    }
    // A margin far above rounding error keeps every bound a true bound.
    let margin = 1 + 1e-9
    // What the atoms other than the seed (and the neighbour bonus) can add,
    // at most, in any unit: the rest of a seed block's bound.
    let restBound =
      (termsBound(k1 * (1 - Self.b), seedFrequency: 0) + proximityBound)
      * (boosts.max() ?? 1)
    // The most a unit of a field can score (at the smallest norm): once the
    // threshold reaches a field's, its units are told apart by two small
    // bitmaps and skipped without reading their length.
    let shortestBound =
      termsBound(k1 * (1 - Self.b), seedFrequency: maximumFrequencies[0]) + proximityBound
    let clauseBound = shortestBound * max(Self.boost(.clause), Self.boost(.footnote)) * margin
    let headingBound = shortestBound * Self.boost(.heading) * margin
    let seedAtom = required[seedIndex].atom
    // Per length class (see `unitShapes`), the smallest norm of its units,
    // and what the atoms other than the seed and the neighbour bonus can
    // add there at most.
    let shortestNorms = Self.lengthClassFloors.map {
      k1 * (1 - Self.b + Self.b * Double($0) / averageLength)
    }
    let restBounds = shortestNorms.map { termsBound($0, seedFrequency: 0) + proximityBound }

    // Read through a view: `self` holds the postings for the whole call.
    let postingUnits = self.postingUnits.view
    return positions.withUnsafeBufferPointer { positions in
      unitLengthAndField.withUnsafeBufferPointer { lengthAndField in
        unitShapes.withUnsafeBufferPointer { unitShapes in
          titleUnitBits.withUnsafeBufferPointer { titleBits in
            headingUnitBits.withUnsafeBufferPointer { headingBits in
              // A term's or phrase's candidates are postings of its
              // (rarest) term, whose frequency bounds the atom's; a
              // prefix's are the units of its bitmap.
              let seedPostings = seedRange(of: seedAtom)
              let firstSeedPosting = seedPostings?.lowerBound ?? 0
              let evaluator = AtomEvaluator(
                index: self, atoms: atoms, postingUnits: postingUnits,
                positions: UnsafeRawPointer(positions.baseAddress))
              defer { evaluator.deallocate() }
              // A second set of cursors for a warm start's own ascending pass.
              let warmEvaluator = AtomEvaluator(
                index: self, atoms: atoms, postingUnits: postingUnits,
                positions: UnsafeRawPointer(positions.baseAddress))
              defer { warmEvaluator.deallocate() }
              var top = TopHits(capacity: limit)
              let averageLength = self.averageLength
              // Field code → boost without a division (codes are below 16).
              let boostByCode = (0..<16).map { boosts[$0 % boosts.count] }

              /// Whether `unit`'s field leaves it a chance against `threshold`.
              func fieldCanGetIn(_ unit: Int32, _ threshold: Double) -> Bool {
                if threshold < clauseBound { return true }
                let word = Int(unit) >> 6
                let bit: UInt64 = 1 << UInt64(unit & 63)
                if titleBits[word] & bit != 0 { return true }
                return threshold < headingBound && headingBits[word] & bit != 0
              }

              /// Scores candidate `candidate` (unit `unit`) into `top` when
              /// it matches and can get in.
              func consider(_ candidate: Int, _ unit: Int32, _ evaluator: AtomEvaluator) {
                let threshold = top.threshold
                // Once hits are held, a bound from the unit's length, field
                // and the seed's frequency there (the other atoms at their
                // largest) skips most candidates before matching them.
                // Until then, matching comes first: the other atoms'
                // cursors walk sorted postings, while the length is a
                // cache miss.
                if let threshold {
                  guard fieldCanGetIn(unit, threshold) else { return }
                  var seedFrequency = maximumFrequencies[0]
                  if seedPostings != nil {
                    let posting = firstSeedPosting + candidate
                    seedFrequency = Double(postingPositions.count(posting))
                  }
                  // First from the unit's byte (field, length rounded
                  // down): four times denser than the packed lengths, so
                  // far fewer cache misses.
                  let shape = Int(unitShapes[Int(unit)])
                  let lengthClass = shape >> 3
                  let roughBound =
                    (idfs[0] * seedFrequency * (k1 + 1)
                      / (seedFrequency + shortestNorms[lengthClass])
                      + restBounds[lengthClass]) * boostByCode[shape & 7]
                  if roughBound * margin <= threshold { return }
                  // With one atom, its exact bound saves its evaluation (a
                  // phrase's positions); with several, matching them
                  // first rejects most candidates more cheaply.
                  if requiredCount == 1 {
                    let packed = lengthAndField[Int(unit)]
                    let length = Double(packed & 0x0FFF_FFFF)
                    let norm = k1 * (1 - Self.b + Self.b * length / averageLength)
                    let bound = termsBound(norm, seedFrequency: seedFrequency) + proximityBound
                    if bound * boostByCode[Int(packed >> 28)] * margin <= threshold { return }
                  }
                }
                for atom in 0..<requiredCount where !evaluator.match(atom, unit) { return }
                for atom in requiredCount..<atoms.count where evaluator.match(atom, unit) {
                  return
                }
                let packed = lengthAndField[Int(unit)]
                let boost = boostByCode[Int(packed >> 28)]
                let length = Double(packed & 0x0FFF_FFFF)
                let norm = k1 * (1 - Self.b + Self.b * length / averageLength)
                var score = 0.0
                for atom in 0..<requiredCount {
                  let frequency = Double(evaluator.frequencies[atom])
                  score += idfs[atom] * frequency * (k1 + 1) / (frequency + norm)
                }
                if let threshold, !neighbours.isEmpty,
                  (score + proximityBound) * boost * margin <= threshold
                {
                  return
                }
                for (first, second) in neighbours {
                  let distance = evaluator.proximity(first, second)
                  score += 0.5 * (idfs[first] + idfs[second]) / Double(distance)
                }
                top.insert(unit, score * boost)
              }

              func isAllowed(_ unit: Int32) -> Bool {
                Int(unit) < lengthAndField.count
                  && (allowedRanges.map { Self.contains($0, unit) } ?? true)
              }

              if case .prefix(let bitmap, _) = seedAtom {
                bitmap.withUnsafeBufferPointer { bitmap in
                  let words = min(bitmap.count, titleBits.count, headingBits.count)
                  // Warm start: the titles first (the most boosted field),
                  // then the rest in ascending order.
                  for word in 0..<words {
                    var bits = bitmap[word] & titleBits[word]
                    while bits != 0 {
                      let unit = Int32(
                        truncatingIfNeeded: word << 6 + bits.trailingZeroBitCount)
                      bits &= bits - 1
                      if isAllowed(unit) { consider(0, unit, warmEvaluator) }
                    }
                  }
                  var rangeIndex = 0
                  wordLoop: for word in 0..<words {
                    var bits = bitmap[word] & ~titleBits[word]
                    if let threshold = top.threshold, threshold >= clauseBound {
                      // Only headings can still get in, if even they can.
                      guard threshold < headingBound else { break wordLoop }
                      bits &= headingBits[word]
                    }
                    while bits != 0 {
                      let unit = Int32(
                        truncatingIfNeeded: word << 6 + bits.trailingZeroBitCount)
                      bits &= bits - 1
                      guard Int(unit) < lengthAndField.count else { break wordLoop }
                      if let allowedRanges {
                        while rangeIndex < allowedRanges.count,
                          allowedRanges[rangeIndex].upperBound <= unit
                        {
                          rangeIndex += 1
                        }
                        guard rangeIndex < allowedRanges.count else { break wordLoop }
                        if unit < allowedRanges[rangeIndex].lowerBound { continue }
                      }
                      consider(0, unit, evaluator)
                    }
                  }
                }
                return top.sorted
              }
              guard let seedPostings else { return [] }
              let candidates = self.postingUnits.view(seedPostings)
              let blockShift = Self.postingBlockShift
              let blockImpacts = postingBlockImpact

              // Warm start for a lone word: its blocks with the largest
              // impacts first, so the threshold is high before the
              // ascending pass, which then jumps over most blocks unread.
              // Any order gives the same hits (`TopHits` orders ties by
              // unit; every skip is a bound). Not for phrases or several
              // atoms: there the other words' cursors would have to jump
              // about their postings (cache misses), and matches in the
              // strongest blocks are not assured.
              let firstBlock = seedPostings.lowerBound >> blockShift
              var warmed = [Bool]()
              if atoms.count == 1, case .term = seedAtom,
                seedPostings.count >= Self.warmStartMinimumPostings
              {
                let strongest = Self.blocksByImpact(of: seedPostings, impacts: blockImpacts)
                warmed = [Bool](repeating: false, count: strongest.count)
                // Each block holds 16 postings, all matching when unfiltered.
                let round = strongest.prefix((limit + 15) / 16 * 2).sorted()
                for block in round {
                  warmed[block - firstBlock] = true
                  let lower = max(seedPostings.lowerBound, block << blockShift)
                  let upper = min(seedPostings.upperBound, (block + 1) << blockShift)
                  for posting in lower..<upper where isAllowed(postingUnits[posting]) {
                    consider(posting - firstSeedPosting, postingUnits[posting], warmEvaluator)
                  }
                }
              }

              var rangeIndex = 0
              var next = 0
              /// Index of the first candidate from `index` on that is not
              /// below `unit` (binary search; candidates ascend).
              func firstCandidate(notBelow unit: Int32, from index: Int) -> Int {
                var low = index
                var high = candidates.count
                while low < high {
                  let middle = (low + high) >> 1
                  if candidates[middle] < unit { low = middle + 1 } else { high = middle }
                }
                return low
              }
              while next < candidates.count {
                let candidate = next
                next += 1
                let unit = candidates[candidate]
                guard Int(unit) < lengthAndField.count else { continue }
                // Under a filter, candidates outside the allowed unit
                // ranges are jumped over, not visited.
                if let allowedRanges {
                  while rangeIndex < allowedRanges.count,
                    allowedRanges[rangeIndex].upperBound <= unit
                  {
                    rangeIndex += 1
                  }
                  guard rangeIndex < allowedRanges.count else { break }
                  let start = allowedRanges[rangeIndex].lowerBound
                  if unit < start {
                    next = firstCandidate(notBelow: start, from: next)
                    continue
                  }
                }
                let block = (firstSeedPosting + candidate) >> blockShift
                let blockEnd = ((block + 1) << blockShift) - firstSeedPosting
                if block - firstBlock < warmed.count, warmed[block - firstBlock] {
                  // Already considered by the warm start.
                  next = max(next, blockEnd)
                  continue
                }
                // The seed's block, bounded as a whole: when it cannot
                // reach the top hits, go on after its last posting.
                if let threshold = top.threshold, block < blockImpacts.count,
                  (idfs[0] * Self.impactBound(blockImpacts[block]) + restBound) * margin
                    <= threshold
                {
                  next = max(next, blockEnd)
                  continue
                }
                consider(candidate, unit, evaluator)
              }
              return top.sorted
            }
          }
        }
      }
    }
  }

  /// Seeds with fewer postings are ranked in one pass: a warm start would
  /// not pay for itself.
  static let warmStartMinimumPostings = 1024

  /// The blocks holding the postings `postings`, largest impact first
  /// (ties: the earlier first); a counting sort on the impact bytes.
  static func blocksByImpact(of postings: Range<Int>, impacts: [UInt8]) -> [Int] {
    guard !postings.isEmpty else { return [] }
    let first = postings.lowerBound >> postingBlockShift
    let last = min((postings.upperBound - 1) >> postingBlockShift, impacts.count - 1)
    guard first <= last else { return [] }
    var starts = [Int](repeating: 0, count: 257)
    for block in first...last { starts[255 - Int(impacts[block]) + 1] += 1 }
    for code in 0..<256 { starts[code + 1] += starts[code] }
    var order = [Int](repeating: 0, count: last - first + 1)
    for block in first...last {
      let bucket = 255 - Int(impacts[block])
      order[starts[bucket]] = block
      starts[bucket] += 1
    }
    return order
  }

  /// Whether `unit` lies in one of `ranges` (ascending, disjoint).
  static func contains(_ ranges: [Range<Int32>], _ unit: Int32) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) >> 1
      if ranges[middle].upperBound <= unit { low = middle + 1 } else { high = middle }
    }
    return low < ranges.count && ranges[low].lowerBound <= unit
  }

  /// The units of the allowed documents, as ascending disjoint ranges
  /// (neighbouring documents joined).
  func unitRanges(ofDocuments allowed: [Bool]) -> [Range<Int32>] {
    var ranges: [Range<Int32>] = []
    for (document, isAllowed) in allowed.enumerated()
    where isAllowed && document + 1 < documentUnitStart.count {
      let start = documentUnitStart[document]
      let end = documentUnitStart[document + 1]
      guard start < end else { continue }
      if let last = ranges.last, last.upperBound == start {
        ranges[ranges.count - 1] = last.lowerBound..<end
      } else {
        ranges.append(start..<end)
      }
    }
    return ranges
  }

  /// The most times `atom` can occur in one unit.
  private func maximumFrequency(of atom: Atom) -> Double {
    switch atom {
    case .term(let id): Double(termMaximumFrequency[Int(id)])
    case .phrase(let ids): Double(ids.map { termMaximumFrequency[Int($0)] }.min() ?? 0)
    case .prefix: 1
    }
  }

  func resolve(_ term: SearchQuery.Term) -> Atom? {
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

  func idf(of atom: Atom) -> Double {
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

  /// Where the units worth checking for a term or phrase are: the postings
  /// of its (rarest) term; nil for a prefix.
  private func seedRange(of atom: Atom) -> Range<Int>? {
    switch atom {
    case .term(let id):
      return postingRange(of: id)
    case .phrase(let ids):
      let rarest = ids.min(by: { documentFrequency($0) < documentFrequency($1) })
      return rarest.map(postingRange) ?? 0..<0
    case .prefix:
      return nil
    }
  }

}
