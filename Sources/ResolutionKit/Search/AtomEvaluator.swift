/// Checks query atoms against units in ascending unit order, with one
/// forward-only galloping cursor per term over unsafe views of the posting
/// arrays. Nothing is allocated per unit: this is the query hot path.
struct AtomEvaluator {
  private let postingUnits: UnsafeBufferPointer<Int32>
  private let positions: UnsafeBufferPointer<UInt16>
  private let positionStarts: UnsafeBufferPointer<UInt32>
  /// Per atom: 0 term, 1 phrase, 2 prefix.
  private let kinds: [UInt8]
  /// Cursor slots of atom `a`: `slotStart[a] ..< slotStart[a + 1]`.
  private let slotStart: [Int]
  private let bitmaps: [[UInt64]]
  private let current: UnsafeMutableBufferPointer<Int>
  private let upper: UnsafeMutableBufferPointer<Int>
  /// The posting found at the last match, per slot.
  private let matched: UnsafeMutableBufferPointer<Int>
  /// Occurrences at the last match, per atom.
  let frequencies: UnsafeMutableBufferPointer<Int>

  init(
    index: SearchIndex, atoms: [Atom], postingUnits: UnsafeBufferPointer<Int32>,
    positions: UnsafeBufferPointer<UInt16>, positionStarts: UnsafeBufferPointer<UInt32>
  ) {
    self.postingUnits = postingUnits
    self.positions = positions
    self.positionStarts = positionStarts
    var kinds: [UInt8] = []
    var slotStart = [0]
    var bitmaps: [[UInt64]] = []
    var ranges: [Range<Int>] = []
    for atom in atoms {
      switch atom {
      case .term(let id):
        kinds.append(0)
        ranges.append(index.postingRange(of: id))
        bitmaps.append([])
      case .phrase(let ids):
        kinds.append(1)
        ranges += ids.map(index.postingRange)
        bitmaps.append([])
      case .prefix(let bitmap, _):
        kinds.append(2)
        bitmaps.append(bitmap)
      }
      slotStart.append(ranges.count)
    }
    self.kinds = kinds
    self.slotStart = slotStart
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
        frequency = Int(positionStarts[posting + 1] - positionStarts[posting])
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
    for slot in slots {
      let posting = seek(slot, unit)
      guard posting >= 0 else { return 0 }
      matched[slot] = posting
    }
    let first = matched[slots.lowerBound]
    var count = 0
    outer: for start in Int(positionStarts[first])..<Int(positionStarts[first + 1]) {
      let base = Int(positions[start])
      for slot in slots.dropFirst() {
        let posting = matched[slot]
        let target = base + (slot - slots.lowerBound)
        if !contains(Int(positionStarts[posting])..<Int(positionStarts[posting + 1]), target) {
          continue outer
        }
      }
      count += 1
    }
    return count
  }

  private func contains(_ range: Range<Int>, _ target: Int) -> Bool {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) >> 1
      if Int(positions[middle]) < target { low = middle + 1 } else { high = middle }
    }
    return low < range.upperBound && Int(positions[low]) == target
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
    var i = Int(positionStarts[a])
    let iEnd = Int(positionStarts[a + 1])
    var j = Int(positionStarts[b])
    let jEnd = Int(positionStarts[b + 1])
    var best = Int.max
    while i < iEnd, j < jEnd {
      let difference = Int(positions[j]) - Int(positions[i])
      best = min(best, difference > 0 ? difference : 1 - difference)
      if positions[i] < positions[j] { i += 1 } else { j += 1 }
    }
    return max(1, best)
  }
}
