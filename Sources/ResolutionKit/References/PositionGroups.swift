/// Document positions grouped by a key (a resolution's number, a document
/// symbol), looked up by many threads at once.
///
/// A dictionary of arrays hands out a copy of the array on each lookup: its
/// storage retained and released, and when two cores look up the same
/// often-cited key, its reference count goes back and forth between them
/// (at 100,000 resolutions, 8 % of the samples of resolution went to
/// retaining them, 2 % with these groups). Here a lookup gives a part of
/// one flat array of positions: plain integers.
struct PositionGroups<Key: Hashable & Sendable>: Sendable {
  private let groupOfKey: [Key: Int32]
  /// Group g's positions are `positions[groupStart[g] ..< groupStart[g + 1]]`.
  private let groupStart: [Int32]
  private let positions: [Int32]

  /// Groups `pairs`; each key's positions keep the order they come in.
  init(_ pairs: [(key: Key, position: Int)]) {
    var groupOfKey = [Key: Int32](minimumCapacity: pairs.count)
    var groupOfPair: [Int32] = []
    groupOfPair.reserveCapacity(pairs.count)
    var counts: [Int32] = []
    for pair in pairs {
      let group: Int32
      if let known = groupOfKey[pair.key] {
        group = known
      } else {
        group = Int32(counts.count)
        groupOfKey[pair.key] = group
        counts.append(0)
      }
      counts[Int(group)] += 1
      groupOfPair.append(group)
    }
    var groupStart = [Int32](repeating: 0, count: counts.count + 1)
    for group in counts.indices { groupStart[group + 1] = groupStart[group] + counts[group] }
    // A counting sort by group: stable, so each group is in input order.
    var next = groupStart
    var positions = [Int32](repeating: 0, count: pairs.count)
    for (index, pair) in pairs.enumerated() {
      let group = Int(groupOfPair[index])
      positions[Int(next[group])] = Int32(pair.position)
      next[group] += 1
    }
    self.groupOfKey = groupOfKey
    self.groupStart = groupStart
    self.positions = positions
  }

  /// `body` applied to the positions of `key`, in input order; nil when
  /// the key has none.
  func withPositions<Result>(
    of key: Key, _ body: (UnsafeBufferPointer<Int32>) -> Result
  ) -> Result? {
    guard let group = groupOfKey[key].map(Int.init) else { return nil }
    let range = Int(groupStart[group])..<Int(groupStart[group + 1])
    return positions.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }
}
