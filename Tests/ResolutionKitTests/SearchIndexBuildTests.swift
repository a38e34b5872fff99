import Testing

@testable import ResolutionKit

@Suite struct SearchIndexBuildTests {
  /// Read back from the postings, every unit's terms in position order
  /// are its text's terms: pass 2 wrote every token and posting slot (the
  /// arrays start uninitialised), and each in its place.
  @Test(arguments: [Corpus.sample, SearchScaleTests.largeCorpus(), Self.repeatsCorpus()])
  func postingsGiveBackEveryUnitsTerms(corpus: Corpus) {
    let index = SearchIndex(corpus: corpus)
    var found = [[(position: Int, term: String)]](repeating: [], count: index.unitCount)
    var nextByte = 0
    for term in 0..<index.termCount {
      for posting in Int(index.termPostingStart[term])..<Int(index.termPostingStart[term + 1]) {
        let unit = Int(index.postingUnits[posting])
        let place = index.postingPositions.place(posting)
        #expect(place.count > 0)
        #expect(place.count == index.postingPositions.count(posting))
        // Two bytes a position exactly in the units of more than 256 words.
        let length = Int(index.unitLengthAndField[unit] & 0x0FFF_FFFF)
        #expect(place.isWide == (length > PostingPositions.narrowUnitLength))
        // Positions are laid out posting after posting.
        #expect(place.start == nextByte)
        nextByte = place.start + place.count * (place.isWide ? 2 : 1)
        for position in index.positions(ofPosting: posting) {
          found[unit].append((position, index.terms[term]))
        }
      }
    }
    #expect(index.unitCount > 100)
    #expect(nextByte == index.positions.count)
    var tokenizer = SearchTokenizer()
    for unit in 0..<index.unitCount {
      let expected = tokenizer.terms(of: index.text(of: index.units[unit]))
      let read = found[unit].sorted { $0.position < $1.position }
      #expect(read.map(\.position) == Array(expected.indices), "unit \(unit)")
      #expect(read.map(\.term) == expected, "unit \(unit)")
    }
  }

  /// Units where one word stands 125 to 1,000 times, beside units where
  /// it stands once, so that postings counted past their count bits
  /// (`largeMark`) fall at every place in their blocks, in units short
  /// enough for one-byte positions and in longer ones.
  static func repeatsCorpus() -> Corpus {
    let location = SourceLocation(file: "repeats.txt", line: 1)
    let repeats = [1, 253, 126, 127, 128, 1, 300, 1, 125, 510, 511, 1_000, 1, 2, 255]
    let clauses = (0..<120).map { index in
      let count = repeats[index % repeats.count]
      let words = (0..<count).map { $0 % 3 == 0 ? "often seldom" : "often" }
      return Clause(
        label: "\(index + 1)", path: "resolves \(index + 1)",
        text: "word\(index) " + words.joined(separator: " "), location: location)
    }
    return Corpus(documents: [
      Document(
        id: "R1", kind: .resolution, title: "Repeats", location: location,
        sections: [
          Section(heading: "resolves", role: .operative, location: location, clauses: clauses)
        ])
    ])
  }

  /// Counts of 127 and more are exact, and phrases count across them.
  @Test func largeCountsAreExact() throws {
    let index = SearchIndex(corpus: Self.repeatsCorpus())
    let often = try #require(index.termID("often"))
    var counts: [Int] = []
    for posting in index.postingRange(of: often) {
      counts.append(index.postingPositions.count(posting))
      #expect(index.positions(ofPosting: posting).count == counts.last)
    }
    let repeats = [1, 253, 126, 127, 128, 1, 300, 1, 125, 510, 511, 1_000, 1, 2, 255]
    #expect(counts == (0..<120).map { repeats[$0 % repeats.count] })
    let hits = index.search("\"often seldom\"", limit: 200)
    #expect(hits.count == 120)
  }

  /// Block impacts equal the plain computation (every posting's factor
  /// from its unit's length and its count), though postings of one
  /// position read a factor computed once per unit.
  @Test(arguments: [Corpus.sample, Self.repeatsCorpus()])
  func blockImpactsMatchThePlainComputation(corpus: Corpus) {
    let index = SearchIndex(corpus: corpus)
    let boosts = SearchIndex.fieldCodes.map(SearchIndex.boost)
    let postingCount = index.postingUnits.count
    var expected: [UInt8] = []
    for start in stride(from: 0, to: postingCount, by: 1 << SearchIndex.postingBlockShift) {
      var best = 0.0
      for posting in start..<min(postingCount, start + (1 << SearchIndex.postingBlockShift)) {
        let packed = index.unitLengthAndField[Int(index.postingUnits[posting])]
        let length = Double(packed & 0x0FFF_FFFF)
        let norm =
          SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * length / index.averageLength)
        let frequency = Double(index.postingPositions.count(posting))
        best = max(
          best,
          frequency * (SearchIndex.k1 + 1) / (frequency + norm) * boosts[Int(packed >> 28)])
      }
      expected.append(SearchIndex.impactCode(best))
    }
    #expect(postingCount > 100)
    #expect(index.postingBlockImpact == expected)
  }

  @Test func asciiNamesNormaliseAsByScalars() {
    var names = ["C09/108 (Rev.1)", "PP-R71", "R 1316", "Res.\t1\u{0B}2\u{0C}3\r\n", "Zz@[`{"]
    names.append(String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self))
    for name in names {
      #expect(SearchIndex.normalizedName(name) == SearchIndex.normalizedNameByScalars(name))
    }
    #expect(SearchIndex.normalizedName("C09/108 (Rev.1)") == "c09/108(rev.1)")
    #expect(SearchIndex.normalizedName("Résolution\u{A0}71") == "résolution71")
  }
}
