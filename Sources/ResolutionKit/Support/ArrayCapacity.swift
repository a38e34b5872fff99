extension Array {
  /// The same elements in storage sized to their count (when it is not
  /// already). An array grown by appending keeps up to twice the room it
  /// needs; a model holding such arrays for every document keeps that slack
  /// for the whole session.
  ///
  /// The elements are moved, not copied, when the array is not shared: a
  /// copy retains and releases every reference an element holds, which
  /// for a document's references showed in load profiles.
  consuming func withCapacityTrimmed() -> [Element] {
    guard capacity > count else { return self }
    var source = self
    var trimmed: [Element] = []
    trimmed.reserveCapacity(source.count)
    // From the end, so that each element moves out without shifting the
    // rest; then put back in order.
    while let last = source.popLast() { trimmed.append(last) }
    trimmed.reverse()
    return trimmed
  }
}
