/// Strings (ids, numbers, title words) sorted by their UTF-8 bytes, each
/// with the positions of the documents it belongs to: the documents whose
/// string starts with a typed prefix in O(log n + matches), so a keystroke
/// at the go-to prompt does not compare every document.
public struct PrefixIndex: Sendable {
  /// Distinct strings, sorted by bytes.
  private let keys: PackedStrings
  /// Positions of each key's documents, ascending: `positions[starts[k] ..< starts[k + 1]]`.
  private let positions: [Int32]
  private let starts: [Int32]

  /// `entries`: (string, document position) pairs, in any order.
  init(_ entries: [(String, Int)]) {
    let sorted = entries.map { (Array($0.0.utf8), $0.1) }.sorted { lhs, rhs in
      lhs.0 == rhs.0 ? lhs.1 < rhs.1 : lhs.0.lexicographicallyPrecedes(rhs.0)
    }
    var keys = PackedStrings()
    var positions: [Int32] = []
    var starts: [Int32] = []
    positions.reserveCapacity(sorted.count)
    var previous: [UInt8]?
    for (key, position) in sorted {
      if key != previous {
        keys.append(String(decoding: key, as: UTF8.self))
        starts.append(Int32(positions.count))
        previous = key
      } else if positions.last == Int32(position) {
        continue  // the same word twice in one title
      }
      positions.append(Int32(position))
    }
    starts.append(Int32(positions.count))
    self.keys = keys
    self.positions = positions
    self.starts = starts
  }

  /// Calls `body` with the position of every document one of whose
  /// strings starts with `prefix` (bytes); a position may come more than
  /// once when several of its strings do.
  public func forEachPosition(withPrefix prefix: [UInt8], _ body: (Int) -> Void) {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys.precedes(middle, prefix) { low = middle + 1 } else { high = middle }
    }
    var key = low
    while key < keys.count, keys.hasPrefix(key, prefix) {
      for index in Int(starts[key])..<Int(starts[key + 1]) { body(Int(positions[index])) }
      key += 1
    }
  }
}
