/// A set of index units as a bitmap: O(1) membership in the ranking loop,
/// and only units/8 bytes however many units a filter selects.
struct UnitSet {
  private(set) var words: [UInt64]

  init(capacity: Int) {
    words = [UInt64](repeating: 0, count: capacity / 64 + 1)
  }

  @inline(__always)
  func contains(_ unit: Int32) -> Bool {
    let index = Int(unit) >> 6
    return index < words.count && words[index] & (1 << UInt64(unit & 63)) != 0
  }

  mutating func insert(_ unit: Int) {
    words[unit >> 6] |= 1 << UInt64(unit & 63)
  }

  /// Inserts a run of units, a word at a time.
  mutating func insert(_ range: Range<Int>) {
    var unit = range.lowerBound
    while unit < range.upperBound {
      if unit & 63 == 0, unit + 64 <= range.upperBound {
        words[unit >> 6] = ~0
        unit += 64
      } else {
        insert(unit)
        unit += 1
      }
    }
  }

  mutating func formIntersection(_ other: UnitSet) {
    for index in words.indices {
      words[index] &= index < other.words.count ? other.words[index] : 0
    }
  }

  var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

  var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// The members in ascending order.
  var members: [Int32] {
    var result: [Int32] = []
    for (index, var word) in words.enumerated() {
      while word != 0 {
        result.append(Int32(index * 64 + word.trailingZeroBitCount))
        word &= word - 1
      }
    }
    return result
  }
}
