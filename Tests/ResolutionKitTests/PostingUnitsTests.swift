import Testing

@testable import ResolutionKit

/// Posting units packed in three bytes (four past 2^24 units) read back
/// exactly, set in any order.
@Suite struct PostingUnitsTests {
  /// Units that differ in every byte, up to the largest the width holds.
  func unit(_ posting: Int, below limit: Int) -> Int32 {
    Int32(truncatingIfNeeded: (posting &* 2_654_435_761) % limit)
  }

  @Test(arguments: [(1 << 24) - 1, 1 << 24, Int(Int32.max)])
  func unitsReadBackSetInAnyOrder(unitCount: Int) {
    let count = 1000
    let units = PostingUnits(count: count, unitCount: unitCount)
    #expect(units.width == (unitCount < 1 << 24 ? 3 : 4))
    // Odd postings first, then even ones, backwards: a write that spilled
    // into a neighbour's bytes would show.
    for posting in stride(from: 1, to: count, by: 2) {
      units.writer.set(posting, unit(posting, below: unitCount))
    }
    for posting in stride(from: count - 1 - (count - 1) % 2, through: 0, by: -2) {
      units.writer.set(posting, unit(posting, below: unitCount))
    }
    var mismatches = 0
    for posting in 0..<count where units[posting] != unit(posting, below: unitCount) {
      mismatches += 1
    }
    #expect(mismatches == 0)
    // The largest unit the width holds, at the end, beside the padding.
    units.writer.set(count - 1, Int32(unitCount - 1))
    #expect(units[count - 1] == Int32(unitCount - 1))
    #expect(units.view(10..<20)[0] == units[10])
    #expect(units.view(10..<20).count == 10)
  }

  @Test func indexKeepsEveryPostingsUnit() {
    let text = (1...40).map { number in
      "R \(number) Title \(number)\n\nThe Council,\n\nresolves\n\n"
        + (1...5).map { "\($0) word\(number % 7) common \($0);\n" }.joined(separator: "\n")
    }.joined(separator: "\n")
    let corpus = Corpus.build(from: [SourceText(name: "units.txt", text: text)])
    let index = SearchIndex(corpus: corpus)
    #expect(index.postingUnits.width == 3)
    // Each posting's unit holds its term: read back through the packing.
    var misplaced = 0
    for (id, _) in index.terms.enumerated() {
      let units = index.postingRange(of: Int32(id)).map { index.postingUnits[$0] }
      if units != units.sorted() || Set(units).count != units.count { misplaced += 1 }
    }
    #expect(misplaced == 0)
    #expect(index.search("word3", limit: 100).count == 5 * 6)
  }
}
