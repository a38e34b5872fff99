/// Slots written once each from `DispatchQueue.concurrentPerform`, read
/// after it returns, so parallel work keeps its input order.
final class ConcurrentResults<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Each index is written by exactly one iteration.
  func set(_ index: Int, _ value: Value) { slots[index] = value }

  /// Every slot, in order; call only after all writes are done.
  var values: [Value] { slots.compactMap { $0 } }
}
