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

  /// Each element is transformed once, results in input order, and no
  /// element outlives the map: the hand-over holds none once done (the
  /// parse relies on this to free each piece's lines early).
  @Test func handingOverFreesEveryElementAndKeepsOrder() {
    let before = Tracked.alive.load(ordering: .relaxed)
    let results = (0..<64).map { Tracked($0) }.concurrentMapHandingOver { element in
      // Only this element's own reference is left while it is transformed.
      element.value * 2
    }
    #expect(results == (0..<64).map { $0 * 2 })
    #expect(Tracked.alive.load(ordering: .relaxed) == before)
  }

  @Test func handingOverOneOrNone() {
    #expect([Int]().concurrentMapHandingOver { $0 }.isEmpty)
    #expect([7].concurrentMapHandingOver { $0 + 1 } == [8])
  }
}
