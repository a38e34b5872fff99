import Foundation
import Synchronization
import Testing

@testable import ResolutionKit

@Suite struct ConcurrentMapTests {
  /// Counts the instances alive, to see when handed-over elements go.
  final class Tracked: Sendable {
    static let alive = Atomic<Int>(0)
    let value: Int
    init(_ value: Int) {
      self.value = value
      Self.alive.add(1, ordering: .relaxed)
    }
    deinit { Self.alive.subtract(1, ordering: .relaxed) }
  }

  @Test func mapKeepsInputOrder() {
    let values = Array(0..<1000)
    #expect(values.concurrentMap { $0 * 3 } == values.map { $0 * 3 })
  }

  /// Each element is handed over: while it is transformed, the transform
  /// holds the only reference to it (a plain map's input array would hold
  /// another), so it is freed as soon as it is done with, which the parse
  /// relies on to free each piece's lines early. Results keep input order,
  /// and no element outlives the map.
  @Test func handingOverLeavesTheTransformTheOnlyOwner() {
    let before = Tracked.alive.load(ordering: .relaxed)
    let soleOwners = Atomic<Int>(0)
    let results = (0..<64).map { Tracked($0) }.concurrentMapHandingOver {
      (element: consuming Tracked) in
      if isKnownUniquelyReferenced(&element) { soleOwners.add(1, ordering: .relaxed) }
      return element.value * 2
    }
    #expect(soleOwners.load(ordering: .relaxed) == 64)
    #expect(results == (0..<64).map { $0 * 2 })
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }

  /// Consecutive, covering, lengths within one of each other, also from a
  /// nonzero start and with more parts than elements.
  @Test func evenSplitCoversTheRangeInOrder() {
    for (range, parts) in [(0..<10, 3), (5..<105, 8), (3..<5, 8), (0..<0, 4), (7..<20, 0)] {
      let pieces = range.evenlySplit(into: parts)
      #expect(pieces.count == max(1, parts))
      #expect(pieces.first?.lowerBound == range.lowerBound)
      #expect(pieces.last?.upperBound == range.upperBound)
      #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      let lengths = pieces.map(\.count)
      #expect((lengths.max() ?? 0) - (lengths.min() ?? 0) <= 1)
    }
  }

  /// Consecutive, covering, never growing from one part to the next, the
  /// first of the weight `parts` asks for (2/(parts + 1) of the whole) and
  /// the last of 1/…; also from a nonzero start and with more parts than
  /// elements.
  @Test func shrinkingSplitCoversTheRangeFirstPartsLongest() {
    for (range, parts) in [
      (0..<360, 8), (5..<1005, 8), (0..<10, 3), (3..<5, 8), (0..<0, 4), (7..<20, 0),
    ] {
      let pieces = range.shrinkingSplit(into: parts)
      #expect(pieces.count == max(1, parts))
      #expect(pieces.first?.lowerBound == range.lowerBound)
      #expect(pieces.last?.upperBound == range.upperBound)
      #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
      // Rounding down each bound can move a length by one either way.
      #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.count + 1 >= $1.count })
    }
    // 360 = 8 + 7 + … + 1 = 36 shares of 10.
    #expect((0..<360).shrinkingSplit(into: 8).map(\.count) == [80, 70, 60, 50, 40, 30, 20, 10])
  }

  /// Every index of the range is in exactly one part, and each part is
  /// handed over once, also for an empty range and a range of one.
  @Test(arguments: [0..<0, 5..<6, 3..<1003])
  func partsCoverTheRangeOnce(_ range: Range<Int>) {
    let parts = Mutex<[Range<Int>]>([])
    range.concurrentForEachPart { part in parts.withLock { $0.append(part) } }
    let sorted = parts.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
    #expect(sorted.first?.lowerBound == range.lowerBound)
    #expect(sorted.last?.upperBound == range.upperBound)
    #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
  }

  @Test func handingOverOneOrNone() {
    #expect([Int]().concurrentMapHandingOver { $0 }.isEmpty)
    #expect([7].concurrentMapHandingOver { $0 + 1 } == [8])
  }
}
