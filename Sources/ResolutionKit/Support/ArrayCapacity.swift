extension Array {
  /// The same elements in storage sized to their count (when it is not
  /// already). An array grown by appending keeps up to twice the room it
  /// needs; a model holding such arrays for every document keeps that slack
  /// for the whole session.
  func withCapacityTrimmed() -> [Element] {
    var trimmed = self
    trimmed.trimCapacity()
    return trimmed
  }

  /// Shrinks the storage to the count, moving the elements when the array
  /// is not shared: copying them (as `withCapacityTrimmed` must when it
  /// is) retains and releases every reference an element holds.
  mutating func trimCapacity() {
    guard capacity > count else { return }
    var source: [Element] = []
    swap(&source, &self)
    reserveCapacity(source.count)
    moveAppending(&source)
  }

  /// Appends the elements of `other`, taken out of it one at a time (it
  /// is left empty). Joining the parse's pieces with `flatMap` copied every
  /// document and freed the pieces later: two passes over cold memory,
  /// each retaining or releasing every string and array a document holds
  /// (document copies and frees: 210 profile samples of a load at 10,000
  /// resolutions, 75 with this).
  mutating func appendMoving(_ other: inout [Element]) {
    if isEmpty {
      swap(&self, &other)
      return
    }
    // Grown by doubling at the least: `reserveCapacity` gives exactly what
    // is asked, and a caller appending many arrays in turn would move
    // every element each time. Callers that know the total reserve it.
    if count + other.count > capacity {
      reserveCapacity(Swift.max(count + other.count, 2 * capacity))
    }
    moveAppending(&other)
  }

  /// Moves `source`'s elements onto the end, in order, leaving it empty:
  /// taken from its end, so that none of the rest shifts, then swapped
  /// back into order in place (reversing the slice `self[start...]`
  /// copied it).
  private mutating func moveAppending(_ source: inout [Element]) {
    let start = count
    while let last = source.popLast() { append(consume last) }
    var low = start
    var high = count - 1
    while low < high {
      swapAt(low, high)
      low += 1
      high -= 1
    }
  }
}
