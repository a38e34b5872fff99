import Testing

@testable import ResolutionKit

/// The shortcuts ranking takes (phrase counting anchored on the rarest
/// word, byte block impacts, warm starts, filters as unit ranges, heading
/// text ids) against plain reference computations.
@Suite struct SearchRankingPathTests {
  /// A small deterministic generator (no Foundation randomness: the same
  /// cases on every run).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// Counts start positions `s` of word 0 with word `i` at `s + i`, by sets.
  static func referencePhraseCount(_ lists: [[UInt16]]) -> Int {
    guard let first = lists.first else { return 0 }
    let sets = lists.map(Set.init)
    return first.filter { start in
      sets.indices.allSatisfy { sets[$0].contains(UInt16(clamping: Int(start) + $0)) }
    }.count
  }

  /// The lists laid out as the index lays out positions (a byte each, or
  /// two for a list marked wide), handed to `body` as position lists.
  static func withPositionLists<Result>(
    _ lists: [[UInt16]], wide: (Int) -> Bool, _ body: (UnsafeBufferPointer<PositionList>) -> Result
  ) -> Result {
    var bytes: [UInt8] = []
    var places: [(start: Int, count: Int, isWide: Bool)] = []
    for (index, list) in lists.enumerated() {
      let isWide = wide(index) || list.contains { $0 > 255 }
      places.append((bytes.count, list.count, isWide))
      for position in list {
        if isWide {
          bytes += [UInt8(truncatingIfNeeded: position), UInt8(truncatingIfNeeded: position >> 8)]
        } else {
          bytes.append(UInt8(position))
        }
      }
    }
    return bytes.withUnsafeBytes { raw in
      let positionLists = places.map { place in
        PositionList(
          base: raw.baseAddress.map { $0 + place.start }, count: place.count,
          isWide: place.isWide)
      }
      return positionLists.withUnsafeBufferPointer(body)
    }
  }

  /// Lists alternate between one-byte and two-byte positions, so that a
  /// phrase's words are read both ways.
  static func phraseCount(_ lists: [[UInt16]]) -> Int {
    withPositionLists(lists, wide: { $0 % 2 == 1 }) { positionLists in
      var cursors = [Int](repeating: 0, count: lists.count)
      return cursors.withUnsafeMutableBufferPointer { cursors in
        AtomEvaluator.phraseOccurrences(positionLists, cursors: cursors)
      }
    }
  }

  @Test func phraseCountMatchesAReferenceOnRandomPositions() {
    var random = Generator(state: 42)
    var matchedSome = 0
    for round in 0..<3000 {
      let words = 2 + random.next(3)
      // Small position spaces make matches common; some lists end at the cap.
      let space = [8, 20, 60][random.next(3)]
      let nearCap = round % 7 == 0
      let lists: [[UInt16]] = (0..<words).map { _ in
        let count = random.next(8)
        var values = Set<Int>()
        for _ in 0..<count { values.insert(random.next(space)) }
        var list = values.sorted().map { UInt16(nearCap ? 65535 - space + $0 : $0) }
        // Capped positions repeat 65535.
        if nearCap, list.last == 65535, random.next(2) == 0 { list.append(65535) }
        return list
      }
      let expected = Self.referencePhraseCount(lists)
      if expected > 0 { matchedSome += 1 }
      #expect(Self.phraseCount(lists) == expected, "\(lists)")
    }
    // The cases must exercise matches, not only misses.
    #expect(matchedSome > 300)
  }

  @Test func standApartMatchesAReference() {
    var random = Generator(state: 7)
    for _ in 0..<2000 {
      let first = Set((0..<random.next(6)).map { _ in random.next(16) }).sorted().map(UInt16.init)
      let second = Set((0..<random.next(6)).map { _ in random.next(16) }).sorted().map(UInt16.init)
      let distance = random.next(9) - 4
      let expected = first.contains { a in second.contains { Int($0) == Int(a) + distance } }
      let found = Self.withPositionLists([first, second], wide: { $0 == distance & 1 }) {
        AtomEvaluator.standApart($0[0], $0[1], by: distance)
      }
      #expect(found == expected, "\(first) \(second) \(distance)")
    }
  }

  @Test func blockImpactCodesNeverUnderstate() {
    var random = Generator(state: 3)
    let largest = (SearchIndex.k1 + 1) * 2.5
    for _ in 0..<10000 {
      let impact = Double(random.next(1_000_001)) / 1_000_000 * largest
      #expect(SearchIndex.impactBound(SearchIndex.impactCode(impact)) >= impact)
    }
    // The largest factor needs no clamping to fit a byte.
    #expect((largest / SearchIndex.impactStep).rounded(.up) + 1 <= 255)
    #expect(SearchIndex.impactCode(0) == 1)
  }

  @Test func blocksByImpactAreSortedLargestFirstTiesEarlierFirst() {
    var random = Generator(state: 11)
    // Few distinct impacts: many ties.
    let impacts = (0..<500).map { _ in UInt8(random.next(4) * 60) }
    let shift = SearchIndex.postingBlockShift
    for _ in 0..<200 {
      let lower = random.next(400 << shift)
      let upper = lower + 1 + random.next(100 << shift)
      let blocks = Array((lower >> shift)...min((upper - 1) >> shift, impacts.count - 1))
      let expected = blocks.sorted { (impacts[$0], -$0) > (impacts[$1], -$1) }
      #expect(SearchIndex.blocksByImpact(of: lower..<upper, impacts: impacts) == expected)
    }
  }

  @Test func unitShapesHoldTheFieldAndALengthFloor() {
    let floors = SearchIndex.lengthClassFloors
    for length in 0..<1000 {
      let lengthClass = SearchIndex.lengthClass(of: length)
      // The class's floor is the largest not above the length.
      #expect(floors[lengthClass] <= length)
      #expect(lengthClass == floors.count - 1 || floors[lengthClass + 1] > length)
    }
    let index = SearchIndex(corpus: SearchTopKTests.generatedCorpus())
    for (unit, packed) in index.unitLengthAndField.enumerated() {
      let shape = Int(index.unitShapes[unit])
      #expect(shape & 7 == Int(packed >> 28))
      #expect(floors[shape >> 3] <= Int(packed & 0x0FFF_FFFF))
    }
  }

  @Test func unitRangesUnderHeadingsAreTheUnitsStandingUnderThem() {
    let index = SearchIndex(corpus: SearchTopKTests.generatedCorpus())
    let headings = index.units.indices.filter { index.field(ofUnit: $0) == .heading }
    let headingUnits = index.headingUnitOfEachUnit
    #expect(headings.count > 20)
    var random = Generator(state: 5)
    for _ in 0..<20 {
      let chosen = headings.filter { _ in random.next(3) == 0 }.map { Int32($0) }
      let ranges = index.unitRanges(underHeadings: chosen)
      let chosenSet = Set(chosen)
      for (unit, heading) in headingUnits.enumerated() {
        #expect(
          SearchIndex.contains(ranges, Int32(unit)) == chosenSet.contains(heading),
          "unit \(unit)")
      }
    }
  }

  @Test func rangeIntersectionMatchesSets() {
    var random = Generator(state: 9)
    func ranges() -> [Range<Int32>] {
      var result: [Range<Int32>] = []
      var at = Int32(random.next(5))
      while at < 200 {
        let end = at + 1 + Int32(random.next(10))
        result.append(at..<end)
        at = end + 1 + Int32(random.next(10))
      }
      return result
    }
    for _ in 0..<200 {
      let a = ranges()
      let b = ranges()
      let both = SearchIndex.intersection(a, b)
      for unit in Int32(0)..<Int32(230) {
        #expect(
          SearchIndex.contains(both, unit)
            == (SearchIndex.contains(a, unit) && SearchIndex.contains(b, unit)))
      }
      #expect(zip(both, both.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
    }
  }

  @Test func headingTextIDsAreEqualExactlyForEqualTexts() {
    let index = SearchIndex(corpus: SearchTopKTests.generatedCorpus())
    var idByText: [String: Int] = [:]
    var headingCount = 0
    for unit in index.units.indices {
      let id = index.headingTextID(of: Int32(unit))
      guard index.field(ofUnit: unit) == .heading else {
        #expect(id == nil)
        continue
      }
      headingCount += 1
      guard let id else {
        Issue.record("heading unit \(unit) has no text id")
        continue
      }
      let text = index.text(of: index.units[unit])
      #expect(idByText[text, default: id] == id, "\(text)")
      idByText[text] = id
    }
    #expect(Set(idByText.values).count == idByText.count)
    #expect(idByText.count == index.headingTextCount)
    #expect(headingCount > idByText.count)
  }

  /// Large enough that common words have thousands of postings: the warm
  /// start and block skipping run, against the unpruned full ranking.
  static let largeIndex = SearchIndex(corpus: SearchTopKTests.generatedCorpus(documents: 700))

  @Test(arguments: [
    "union", "council", "\"the\"", "\"of the union\"", "\"the union of\"", "\"union union\"",
    "secretary-general", "union council", "child online protection", "u*", "c*",
    "c* union", "\"the\" -union", "in:resolves union", "in:\"instructs the\" report",
    "in:\"instructs the\" c*", "kind:decision union", "doc:7 union", "body:council plan the",
  ])
  func prunedRankingEqualsTheFullRankingOnALargerCorpus(query: String) {
    let index = Self.largeIndex
    let full = index.search(query, limit: 1_000_000)
    // More hits than the smaller limits: those rankings are pruned.
    #expect(full.count > 7)
    for limit in [1, 7, 50] {
      #expect(index.search(query, limit: limit) == Array(full.prefix(limit)), "limit \(limit)")
    }
    // The warm start's units are not ranked twice, even unlimited.
    let parsed = SearchQuery(parsing: query)
    if !parsed.hasFilters {
      let units = index.rankUnits(parsed, limit: 1_000_000, allowedRanges: nil).map(\.unit)
      #expect(Set(units).count == units.count)
      #expect(units.count == full.count)
    }
  }

  @Test func commonWordsHaveEnoughPostingsForTheWarmStart() {
    let index = Self.largeIndex
    guard let union = index.termID("union") else {
      Issue.record("no union")
      return
    }
    #expect(index.postingRange(of: union).count >= SearchIndex.warmStartMinimumPostings)
  }
}
