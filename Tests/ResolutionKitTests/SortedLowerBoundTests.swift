import Testing

@testable import ResolutionKit

@Suite struct SortedLowerBoundTests {
  /// The first index not below the value, against a linear scan, for every
  /// value around a list with repeats, and on slices (indices not from 0).
  @Test func findsTheFirstIndexNotBelow() {
    let values = [1, 3, 3, 3, 7, 9, 9, 12]
    for value in -1...14 {
      #expect(values.sortedLowerBound(of: value) == values.firstIndex { $0 >= value } ?? 8)
    }
    let slice = values[2..<6]
    #expect(slice.sortedLowerBound(of: 3) == 2)
    #expect(slice.sortedLowerBound(of: 8) == 5)
    #expect(slice.sortedLowerBound(of: 100) == 6)
    #expect([Int]().sortedLowerBound(of: 0) == 0)
  }
}
