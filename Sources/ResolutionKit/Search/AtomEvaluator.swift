/// Checks query atoms against units in ascending unit order, with one
/// forward-only galloping cursor per term over unsafe views of the posting
/// arrays. Nothing is allocated per unit: this is the query hot path.
struct AtomEvaluator {
  private let postingUnits: PostingUnits.View
  /// The index's position bytes (nil when it has none).
  private let positions: UnsafeRawPointer?
  private let postingPositions: PostingPositions
  /// Per atom: 0 term, 1 phrase, 2 prefix.
  private let kinds: [UInt8]
  /// Cursor slots of atom `a`: `slotStart[a] ..< slotStart[a + 1]`.
  private let slotStart: [Int]
  /// A phrase's slots by ascending document frequency (same indexing as
  /// the slots): seeking the rarest word first fails soonest.
  private let seekOrder: [Int]
  /// Per phrase word, its positions in the unit being checked, and a
  /// cursor into them.
  private let phraseLists: UnsafeMutableBufferPointer<PositionList>
  private let phraseCursors: UnsafeMutableBufferPointer<Int>
  private let bitmaps: [[UInt64]]
  private let current: UnsafeMutableBufferPointer<Int>
  private let upper: UnsafeMutableBufferPointer<Int>
  /// The posting found at the last match, per slot.
  private let matched: UnsafeMutableBufferPointer<Int>
  /// Occurrences at the last match, per atom.
  let frequencies: UnsafeMutableBufferPointer<Int>

  init(
    index: SearchIndex, atoms: [Atom], postingUnits: PostingUnits.View,
    positions: UnsafeRawPointer?
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
    phraseLists = .allocate(capacity: longestPhrase)
    phraseCursors = .allocate(capacity: longestPhrase)
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
    phraseLists.deallocate()
    phraseCursors.deallocate()
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
          positionList(matched[rarest]), positionList(posting), by: slot - rarest)
        {
          return 0
        }
      }
    }
    for (word, slot) in slots.enumerated() {
      phraseLists.initializeElement(at: word, to: positionList(matched[slot]))
    }
    return Self.phraseOccurrences(
      UnsafeBufferPointer(rebasing: phraseLists[..<slots.count]),
      cursors: UnsafeMutableBufferPointer(rebasing: phraseCursors[..<slots.count]))
  }

  /// How many times the words whose positions are `lists` (each
  /// ascending) stand adjacent and in order: the number of positions `p` of
  /// the first word with word `i` at `p + i` for every `i`. `cursors` (one
  /// per word) is scratch.
  ///
  /// Walks the positions of the word with the fewest, with one forward-only
  /// cursor per other word (the targets ascend), rather than binary
  /// searching the others for each position of the first word, which is
  /// often a common one (`of the union`). Positions are distinct except
  /// where capped at 65535; a list reaching the cap takes the first-word
  /// count, which counts repeats of the cap as written.
  static func phraseOccurrences(
    _ lists: UnsafeBufferPointer<PositionList>, cursors: UnsafeMutableBufferPointer<Int>
  ) -> Int {
    let words = lists.count
    guard words > 0 else { return 0 }
    var anchor = 0
    for word in 0..<words {
      guard lists[word].count > 0 else { return 0 }
      if lists[word].reachesCap { return firstWordOccurrences(lists) }
      if lists[word].count < lists[anchor].count { anchor = word }
      cursors[word] = 0
    }
    var count = 0
    let anchorList = lists[anchor]
    outer: for index in 0..<anchorList.count {
      // Where the first word would stand for this anchor position.
      let first = anchorList[index] - anchor
      guard first >= 0 else { continue }
      for word in 0..<words where word != anchor {
        let target = first + word
        let list = lists[word]
        var cursor = cursors[word]
        while cursor < list.count, list[cursor] < target { cursor += 1 }
        cursors[word] = cursor
        // Later anchors only ask for later targets.
        guard cursor < list.count else { break outer }
        if list[cursor] != target { continue outer }
      }
      count += 1
    }
    return count
  }

  private func positionList(_ posting: Int) -> PositionList {
    postingPositions.list(posting, in: positions)
  }

  /// Whether some position in `second` is `distance` (which may be
  /// negative) after one in `first`; both ascending.
  static func standApart(_ first: PositionList, _ second: PositionList, by distance: Int) -> Bool {
    var i = 0
    var j = 0
    while i < first.count, j < second.count {
      let wanted = first[i] + distance
      let found = second[j]
      if found == wanted { return true }
      if found < wanted { j += 1 } else { i += 1 }
    }
    return false
  }

  /// The plain count: each position of the first word, the others binary
  /// searched.
  static func firstWordOccurrences(_ lists: UnsafeBufferPointer<PositionList>) -> Int {
    var count = 0
    let firstList = lists[0]
    outer: for index in 0..<firstList.count {
      let base = firstList[index]
      for word in 1..<lists.count {
        let list = lists[word]
        var low = 0
        var high = list.count
        let target = base + word
        while low < high {
          let middle = (low + high) >> 1
          if list[middle] < target { low = middle + 1 } else { high = middle }
        }
        if !(low < list.count && list[low] == target) { continue outer }
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
    let first = positionList(a)
    let second = positionList(b)
    var i = 0
    var j = 0
    var best = Int.max
    while i < first.count, j < second.count {
      let difference = second[j] - first[i]
      best = min(best, difference > 0 ? difference : 1 - difference)
      if first[i] < second[j] { i += 1 } else { j += 1 }
    }
    return max(1, best)
  }
}
