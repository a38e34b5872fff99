import Dispatch
import Foundation

extension Array where Element: Sendable {
  /// `map` run on all cores; results in input order.
  func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    let results = Slots<Result>(count: count)
    withoutActuallyEscaping(transform) { transform in
      let elements = self
      DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        results.set(index, transform(elements[index]))
      }
    }
    return results.takeValues()
  }
}

/// Slots written once each from `concurrentPerform`, read after it returns:
/// each task writes its own slots only, so no lock is needed.
final class Slots<Value>: @unchecked Sendable {
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
  /// The values set, in order, moved out: the slots are left empty, so
  /// that nothing stays held here once the caller lets a value go.
  func takeValues() -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(slots.count)
    for index in slots.indices {
      if let value = slots[index].take() { values.append(value) }
    }
    return values
  }
}

extension Array where Element: Sendable {
  /// `concurrentMap` that hands each element over to `transform`: each is
  /// freed once transformed, not when the whole map is done. For big
  /// intermediate values (a parse piece's lines), so that they are not all
  /// held at once beside what they are turned into.
  consuming func concurrentMapHandingOver<Result: Sendable>(
    _ transform: @Sendable (consuming Element) -> Result
  ) -> [Result] {
    let handover = Handover(consume self)
    let results = Slots<Result>(count: handover.count)
    withoutActuallyEscaping(transform) { transform in
      DispatchQueue.concurrentPerform(iterations: handover.count) { index in
        results.set(index, transform(handover.take(index)))
      }
    }
    return results.takeValues()
  }
}

/// Elements taken once each from `concurrentPerform`; each slot is emptied
/// as it is taken, so an element is freed when its task is done with it.
final class Handover<Element>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Element?>
  var count: Int { slots.count }

  init(_ elements: consuming [Element]) {
    slots = .allocate(capacity: elements.count)
    var elements = elements
    // From the end, so that each element moves out without a copy.
    var index = elements.count
    while let last = elements.popLast() {
      index -= 1
      (slots.baseAddress! + index).initialize(to: last)
    }
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func take(_ index: Int) -> Element {
    let element = slots[index].take()
    return element!
  }
}

extension Range where Bound == Int {
  /// The range cut into `parts` consecutive ranges of lengths differing by
  /// one at most, in order: the work of one task each.
  func evenlySplit(into parts: Int) -> [Range<Int>] {
    let parts = Swift.max(1, parts)
    return (0..<parts).map {
      (lowerBound + count * $0 / parts)..<(lowerBound + count * ($0 + 1) / parts)
    }
  }

  /// Calls `body` with each of several consecutive parts of the range
  /// (four per core, `evenlySplit`), on all cores at once: for loops in
  /// which each index writes only what is its own.
  func concurrentForEachPart(_ body: @Sendable (Range<Int>) -> Void) {
    let parts = evenlySplit(
      into: Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
    DispatchQueue.concurrentPerform(iterations: parts.count) { body(parts[$0]) }
  }

  /// The range cut into `parts` consecutive ranges that shrink from first
  /// to last (lengths in proportion to `parts`, `parts - 1`, …, 1), in
  /// order. Tasks are taken in order by whichever core is free: the long
  /// ones go first, and the last to finish is short, so no core waits long
  /// for another at the end (with even parts, one core ran alone for the
  /// last part's whole length).
  func shrinkingSplit(into parts: Int) -> [Range<Int>] {
    let parts = Swift.max(1, parts)
    let bounds = Self.shrinkingShareBounds(of: count, parts: parts).map { lowerBound + $0 }
    return (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }
  }

  /// Where `shrinkingSplit`'s parts of `total` start, and `total` last:
  /// `parts + 1` ascending offsets from 0.
  static func shrinkingShareBounds(of total: Int, parts: Int) -> [Int] {
    let parts = Swift.max(1, parts)
    // Part k weighs parts - k; the weights before part k sum to
    // k * parts - k * (k - 1) / 2, of parts * (parts + 1) / 2 in all.
    let weight = parts * (parts + 1) / 2
    return (0...parts).map { part in
      let before = part * parts - part * (part - 1) / 2
      return total * before / weight
    }
  }
}

/// A buffer whose elements tasks of `concurrentPerform` write, each its
/// own: shared with them as `Sendable`, which a pointer is not.
struct DisjointWrites<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
}
