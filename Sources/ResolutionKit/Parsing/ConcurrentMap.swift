import Dispatch

extension Array where Element: Sendable {
  /// `map` run on all cores; results in input order.
  func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    let results = ResultSlots<Result>(count: count)
    withoutActuallyEscaping(transform) { transform in
      let elements = self
      DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        results.set(index, transform(elements[index]))
      }
    }
    return results.values
  }
}

/// Slots written once each from `concurrentPerform`, read after it returns.
private final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit {
    slots.deinitialize()
    slots.deallocate()
  }
  func set(_ index: Int, _ value: Value) { slots[index] = value }
  var values: [Value] { slots.compactMap { $0 } }
}
