import Testing

@testable import ResolutionKit

#if canImport(Glibc)
  import Glibc
#endif

/// The memory-saving containers give back exactly what was put in.
@Suite struct MemoryScratchTests {
  @Test(arguments: [
    0, 1, 1000, TermIDBlocks.blockSize, TermIDBlocks.blockSize + 1, 3 * TermIDBlocks.blockSize + 17,
  ])
  func termIDBlocksReadBackInOrder(count: Int) {
    // Ids that differ in every byte lane, so a misplaced or stale read shows.
    #expect(mismatchesReadingBack(count) { Int32(truncatingIfNeeded: $0 &* 2_654_435_761) } == 0)
  }

  /// Appends `count` ids to blocks and reads them back: how many differ.
  private func mismatchesReadingBack(_ count: Int, _ id: (Int) -> Int32) -> Int {
    var blocks = TermIDBlocks.Writer()
    for index in 0..<count { blocks.append(id(index)) }
    #expect(blocks.count == count)
    var reader = TermIDBlocks.Reader(blocks.blocks)
    var mismatches = 0
    for index in 0..<count where reader.next() != id(index) { mismatches += 1 }
    return mismatches
  }

  /// Ids stored in two bytes until one does not fit, in the middle of a
  /// block or at its start; four bytes from there on.
  @Test(arguments: [
    0, 5, TermIDBlocks.blockSize - 1, TermIDBlocks.blockSize, 2 * TermIDBlocks.blockSize + 3,
  ])
  func termIDBlocksWidenWhereAnIDNeedsIt(narrowCount: Int) {
    let count = narrowCount + TermIDBlocks.blockSize + 10
    let mismatches = mismatchesReadingBack(count) { index in
      index < narrowCount ? Int32(index % 65_536) : Int32(65_536 + index % 1_000_000)
    }
    #expect(mismatches == 0)
  }

  @Test func trimmedArrayKeepsItsElementsInLessRoom() {
    var strings: [String] = []
    strings.reserveCapacity(4000)
    for number in 0..<1000 {
      strings.append("clause \(number) of a long enough text to be on the heap")
    }
    let trimmed = strings.withCapacityTrimmed()
    #expect(trimmed == strings)
    #expect(trimmed.capacity < 2000)
    // Already tight: the same storage back.
    let again = trimmed.withCapacityTrimmed()
    #expect(again == trimmed)
  }

  /// Not shared, the elements move (in order) into the tight storage.
  @Test func trimmingInPlaceKeepsOrder() {
    var strings: [String] = []
    for number in 0..<1000 { strings.append("clause \(number) long enough for the heap") }
    #expect(strings.capacity > 1000)
    strings.trimCapacity()
    #expect(strings == (0..<1000).map { "clause \($0) long enough for the heap" })
    #expect(strings.capacity < 1100)
  }

  final class Held {
    let number: Int
    init(_ number: Int) { self.number = number }
  }

  /// Appended in order and moved, not copied: the source is left empty,
  /// and each element is still held once (a copy would hold it twice
  /// until the source went).
  @Test(arguments: [0, 3]) func appendingMovesTheElements(alreadyHeld: Int) {
    var joined = (0..<alreadyHeld).map { Held($0) }
    var parts = [(alreadyHeld..<alreadyHeld + 4).map { Held($0) }, [], [Held(alreadyHeld + 4)]]
    for index in parts.indices {
      joined.appendMoving(&parts[index])
      #expect(parts[index].isEmpty)
      #expect(joined.indices.allSatisfy { isKnownUniquelyReferenced(&joined[$0]) })
    }
    #expect(joined.map(\.number) == Array(0..<alreadyHeld + 5))
  }

  /// Many small arrays appended in turn: the storage grows by doubling,
  /// so it is reallocated (and every element moved) a logarithmic number
  /// of times, not once per append as with an exact `reserveCapacity`.
  @Test func appendingManyArraysGrowsGeometrically() {
    var joined = [0]
    var reallocations = 0
    var capacity = joined.capacity
    for part in 1...1_000 {
      var next = [part]
      joined.appendMoving(&next)
      if joined.capacity != capacity {
        reallocations += 1
        capacity = joined.capacity
      }
    }
    #expect(joined == Array(0...1_000))
    #expect(reallocations <= 12)
  }

  #if os(Linux)
    @Test func heapTrimIsFoundOnGlibc() {
      #expect(FreedMemory.canReturnToSystem)
      FreedMemory.returnToSystem()
    }

    /// AddressSanitizer (the CI's second run) brings its own allocator.
    static let glibcAllocates = dlsym(dlopen(nil, RTLD_NOW), "__asan_init") == nil

    /// glibc takes the policy. (Its effect, on the heap a whole load leaves,
    /// is what the benchmark measures: in a test process shared with
    /// other tests, which block the heap hands out is not predictable.)
    @Test(.enabled(if: glibcAllocates)) func largeBlockPolicyIsTaken() {
      #expect(FreedMemory.mapLargeBlocks())
    }
  #endif
}
