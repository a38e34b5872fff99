/// Checks query atoms against units in ascending unit order, with one
/// forward-only galloping cursor per term over unsafe views of the posting
/// arrays. Nothing is allocated per unit: this is the query hot path.
struct AtomEvaluator {
  private let postingUnits: PostingUnits.View
  private let positions: UnsafeBufferPointer<UInt16>
  private let postingPositions: PostingPositions
  /// Per atom: 0 term, 1 phrase, 2 prefix.
  private let kinds: [UInt8]
  /// Cursor slots of atom `a`: `slotStart[a] ..< slotStart[a + 1]`.
  private let slotStart: [Int]
  /// A phrase's slots by ascending document frequency (same indexing as
  /// the slots): seeking the rarest word first fails soonest.
  private let seekOrder: [Int]
  /// Per phrase word, its position range in the unit being checked.
  private let phraseStarts: UnsafeMutableBufferPointer<Int>
  private let phraseEnds: UnsafeMutableBufferPointer<Int>
  private let bitmaps: [[UInt64]]
  private let current: UnsafeMutableBufferPointer<Int>
  private let upper: UnsafeMutableBufferPointer<Int>
  /// The posting found at the last match, per slot.
  private let matched: UnsafeMutableBufferPointer<Int>
  /// Occurrences at the last match, per atom.
  let frequencies: UnsafeMutableBufferPointer<Int>

  init(
    index: SearchIndex, atoms: [Atom], postingUnits: PostingUnits.View,
    positions: UnsafeBufferPointer<UInt16>
  ) {
    self.postingUnits = postingUnits
    self.positions = positions
    self.postingPositions = index.postingPositions
    var kinds: [UInt8] = []
    var slotStart = [0]
    var bitmaps: [[UInt64]] = []
    var ranges: [Range<Int>] = []
    var seekOrder: [Int] = []
    var longestPhrase = 1
    for atom in atoms {
      switch atom {
      case .term(let id):
        kinds.append(0)
        ranges.append(index.postingRange(of: id))
        seekOrder.append(ranges.count - 1)
        bitmaps.append([])
      case .phrase(let ids):
        kinds.append(1)
        let first = ranges.count
        ranges += ids.map(index.postingRange)
        longestPhrase = max(longestPhrase, ids.count)
        seekOrder += ranges.indices[first...].sorted {
          (ranges[$0].count, $0) < (ranges[$1].count, $1)
        }
        bitmaps.append([])
      case .prefix(let bitmap, _):
        kinds.append(2)
        bitmaps.append(bitmap)
      }
      slotStart.append(ranges.count)
    }
    self.kinds = kinds
    self.slotStart = slotStart
    self.seekOrder = seekOrder
    phraseStarts = .allocate(capacity: longestPhrase)
    phraseEnds = .allocate(capacity: longestPhrase)
    self.bitmaps = bitmaps
    current = .allocate(capacity: max(1, ranges.count))
    upper = .allocate(capacity: max(1, ranges.count))
    matched = .allocate(capacity: max(1, ranges.count))
    frequencies = .allocate(capacity: max(1, atoms.count))
    for (slot, range) in ranges.enumerated() {
      current[slot] = range.lowerBound
      upper[slot] = range.upperBound
      matched[slot] = -1
    }
    for atom in atoms.indices { frequencies[atom] = 0 }
  }

  func deallocate() {
    current.deallocate()
    upper.deallocate()
    matched.deallocate()
    frequencies.deallocate()
    phraseStarts.deallocate()
    phraseEnds.deallocate()
  }

  /// Whether `unit` contains atom `atom`; records its frequency there.
  /// Units must come in ascending order.
  func match(_ atom: Int, _ unit: Int32) -> Bool {
    var frequency = 0
    switch kinds[atom] {
    case 0:
      let slot = slotStart[atom]
      let posting = seek(slot, unit)
      if posting >= 0 {
        matched[slot] = posting
        frequency = postingPositions.count(posting)
      }
    case 1:
      frequency = phraseCount(slotStart[atom]..<slotStart[atom + 1], unit)
    default:
      let bitmap = bitmaps[atom]
      frequency = bitmap[Int(unit) >> 6] & (1 << UInt64(unit & 63)) != 0 ? 1 : 0
    }
    frequencies[atom] = frequency
    return frequency > 0
  }

  private func phraseCount(_ slots: Range<Int>, _ unit: Int32) -> Int {
    var sought = 0
    for slot in seekOrder[slots] {
      let posting = seek(slot, unit)
      guard posting >= 0 else { return 0 }
      matched[slot] = posting
      sought += 1
      // The two rarest words alone often rule the unit out: then the
      // common words' postings (`of`, `the`) need not be sought at all.
      if sought == 2, slots.count > 2 {
        let rarest = seekOrder[slots.lowerBound]
        if !Self.standApart(
          positions: positions, first: positionRange(matched[rarest]),
          second: positionRange(posting), by: slot - rarest)
        {
          return 0
        }
      }
    }
    for (word, slot) in slots.enumerated() {
      let range = postingPositions.range(matched[slot])
      phraseStarts[word] = range.lowerBound
      phraseEnds[word] = range.upperBound
    }
    return Self.phraseOccurrences(
      positions: positions,
      starts: UnsafeMutableBufferPointer(rebasing: phraseStarts[..<slots.count]),
      ends: UnsafeBufferPointer(rebasing: phraseEnds[..<slots.count]))
  }

  /// How many times the words whose positions are `positions[starts[i] ..<
  /// ends[i]]` (ascending) stand adjacent and in order: the number of
  /// positions `p` of the first word with word `i` at `p + i` for every `i`.
  /// `starts` is used as scratch.
  ///
  /// Walks the positions of the word with the fewest, with one forward-only
  /// cursor per other word (the targets ascend), rather than binary
  /// searching the others for each position of the first word, which is
  /// often a common one (`of the union`). Positions are distinct except
  /// where capped at 65535; a list reaching the cap takes the first-word
  /// count, which counts repeats of the cap as written.
  static func phraseOccurrences(
    positions: UnsafeBufferPointer<UInt16>, starts: UnsafeMutableBufferPointer<Int>,
    ends: UnsafeBufferPointer<Int>
  ) -> Int {
    let words = starts.count
    guard words > 0 else { return 0 }
    var anchor = 0
    for word in 0..<words {
      let start = starts[word]
      let end = ends[word]
      guard start < end else { return 0 }
      if positions[end - 1] == UInt16.max {
        return firstWordOccurrences(positions: positions, starts: starts, ends: ends)
      }
      if end - start < ends[anchor] - starts[anchor] { anchor = word }
    }
    var count = 0
    outer: for index in starts[anchor]..<ends[anchor] {
      // Where the first word would stand for this anchor position.
      let first = Int(positions[index]) - anchor
      guard first >= 0 else { continue }
      for word in 0..<words where word != anchor {
        let target = first + word
        var cursor = starts[word]
        let end = ends[word]
        while cursor < end, Int(positions[cursor]) < target { cursor += 1 }
        starts[word] = cursor
        // Later anchors only ask for later targets.
        guard cursor < end else { break outer }
        if Int(positions[cursor]) != target { continue outer }
      }
      count += 1
    }
    return count
  }

  private func positionRange(_ posting: Int) -> Range<Int> {
    postingPositions.range(posting)
  }

  /// Whether some position in `positions[second]` is `distance` (which may
  /// be negative) after one in `positions[first]`; both ascending.
  static func standApart(
    positions: UnsafeBufferPointer<UInt16>, first: Range<Int>, second: Range<Int>, by distance: Int
  ) -> Bool {
    var i = first.lowerBound
    var j = second.lowerBound
    while i < first.upperBound, j < second.upperBound {
      let wanted = Int(positions[i]) + distance
      let found = Int(positions[j])
      if found == wanted { return true }
      if found < wanted { j += 1 } else { i += 1 }
    }
    return false
  }

  /// The plain count: each position of the first word, the others binary
  /// searched.
  static func firstWordOccurrences(
    positions: UnsafeBufferPointer<UInt16>, starts: UnsafeMutableBufferPointer<Int>,
    ends: UnsafeBufferPointer<Int>
  ) -> Int {
    var count = 0
    outer: for index in starts[0]..<ends[0] {
      let base = Int(positions[index])
      for word in 1..<starts.count {
        var low = starts[word]
        var high = ends[word]
        let target = base + word
        while low < high {
          let middle = (low + high) >> 1
          if Int(positions[middle]) < target { low = middle + 1 } else { high = middle }
        }
        if !(low < ends[word] && Int(positions[low]) == target) { continue outer }
      }
      count += 1
    }
    return count
  }

  /// Moves slot's cursor to the first posting with unit ≥ `target`
  /// (galloping); returns that posting when its unit is `target`, else -1.
  private func seek(_ slot: Int, _ target: Int32) -> Int {
    var low = current[slot]
    let end = upper[slot]
    guard low < end else { return -1 }
    if postingUnits[low] >= target { return postingUnits[low] == target ? low : -1 }
    var step = 1
    while low + step < end, postingUnits[low + step] < target {
      low += step
      step <<= 1
    }
    var high = min(low + step, end)
    low += 1
    while low < high {
      let middle = (low + high) >> 1
      if postingUnits[middle] < target { low = middle + 1 } else { high = middle }
    }
    current[slot] = low
    return low < end && postingUnits[low] == target ? low : -1
  }

  /// Smallest gap between the matched positions of two single-term atoms:
  /// 1 when the second directly follows the first, one more when reversed.
  func proximity(_ first: Int, _ second: Int) -> Int {
    let a = matched[slotStart[first]]
    let b = matched[slotStart[second]]
    guard a >= 0, b >= 0 else { return Int(UInt16.max) }
    let first = postingPositions.range(a)
    let second = postingPositions.range(b)
    var i = first.lowerBound
    let iEnd = first.upperBound
    var j = second.lowerBound
    let jEnd = second.upperBound
    var best = Int.max
    while i < iEnd, j < jEnd {
      let difference = Int(positions[j]) - Int(positions[i])
      best = min(best, difference > 0 ? difference : 1 - difference)
      if positions[i] < positions[j] { i += 1 } else { j += 1 }
    }
    return max(1, best)
  }
}
