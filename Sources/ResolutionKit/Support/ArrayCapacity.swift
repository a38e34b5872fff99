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
    // From the end, so that each element moves out without shifting the
    // rest; then put back in order.
    while let last = source.popLast() { append(last) }
    reverse()
  }
}
