extension Array {
  /// The same elements in storage sized to their count (when it is not
  /// already). An array grown by appending keeps up to twice the room it
  /// needs; a model holding such arrays for every document keeps that slack
  /// for the whole session.
  func withCapacityTrimmed() -> [Element] {
    guard capacity > count else { return self }
    return [Element](unsafeUninitializedCapacity: count) { storage, initialized in
      _ = storage.initialize(fromContentsOf: self)
      initialized = count
    }
  }
}
