import Testing

@testable import ResolutionKit

/// The parallel index build against a one-pass reference, and the pruned
/// top-k ranking against ranking every candidate.
@Suite struct SearchTopKTests {
  /// A deterministic corpus with a long-tailed vocabulary, units of varied
  /// length, nested clauses, footnotes and annexes: many near and exact ties.
  static func generatedCorpus(documents count: Int = 60) -> Corpus {
    let location = SourceLocation(file: "generated.txt", line: 1)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let vocabulary = [
      "union", "council", "child", "online", "protection", "report", "budget", "plan",
      "strategic", "the", "of", "secretary", "general", "résolution", "Développement",
      "spectrum", "satellite", "c09", "108", "cooperation", "regional", "gender",
    ]
    func words(_ count: Int) -> String {
      // Squaring skews the choice towards the first words (long tail).
      (0..<count).map { _ in
        let pick = next(vocabulary.count * vocabulary.count)
        return vocabulary[vocabulary.count - 1 - Int(Double(pick).squareRoot())]
      }.joined(separator: next(5) == 0 ? "-" : " ")
    }
    func clause(_ path: String, depth: Int) -> Clause {
      let children =
        depth < 2 && next(4) == 0
        ? (0..<next(3)).map { clause(path + ".\($0 + 1)", depth: depth + 1) } : []
      let footnotes =
        next(6) == 0
        ? [Footnote(mark: "1", text: words(1 + next(6)), location: location)] : []
      return Clause(
        label: nil, path: path, text: words(1 + next(next(2) == 0 ? 4 : 40)), location: location,
        children: children, footnotes: footnotes)
    }
    let documents = (0..<count).map { number in
      let sections = (0..<(1 + next(3))).map { sectionIndex in
        Section(
          heading: next(2) == 0 ? "resolves" : "instructs the " + words(2), role: .operative,
          location: location,
          clauses: (0..<(1 + next(5))).map { clause("s\(sectionIndex) \($0 + 1)", depth: 0) })
      }
      let annexes =
        next(5) == 0
        ? [
          Annex(
            heading: "ANNEX", title: words(3), location: location,
            clauses: [clause("a 1", depth: 0)])
        ]
        : []
      return Document(
        id: "R\(number)", kind: number % 3 == 0 ? .decision : .resolution,
        body: number % 2 == 0 ? "Council" : "Plenipotentiary Conference", number: "\(number)",
        title: next(4) == 0 ? nil : words(1 + next(6)), location: location, sections: sections,
        annexes: annexes)
    }
    return Corpus(documents: documents)
  }

  @Test func parallelBuildMatchesAOnePassReference() {
    let index = SearchIndex(corpus: Self.generatedCorpus())
    // Reference: every unit's text tokenised in unit order.
    var tokenizer = SearchTokenizer()
    var postings: [String: [(unit: Int32, positions: [UInt16])]] = [:]
    var lengths: [Int] = []
    for (unitIndex, unit) in index.units.enumerated() {
      let terms = tokenizer.terms(of: index.text(of: unit))
      lengths.append(terms.count)
      for (position, term) in terms.enumerated() {
        if postings[term]?.last?.unit == Int32(unitIndex) {
          postings[term]![postings[term]!.count - 1].positions.append(UInt16(position))
        } else {
          postings[term, default: []].append((Int32(unitIndex), [UInt16(position)]))
        }
      }
    }
    #expect(index.unitCount > 200)
    #expect(index.terms == postings.keys.sorted())
    #expect(index.unitLengthAndField.map { Int($0 & 0x0FFF_FFFF) } == lengths)
    for (id, term) in index.terms.enumerated() {
      let expected = postings[term] ?? []
      let range = index.postingRange(of: Int32(id))
      #expect(range.map { index.postingUnits[$0] } == expected.map(\.unit), "\(term)")
      #expect(
        range.map { index.positions(ofPosting: $0) }
          == expected.map { $0.positions.map(Int.init) }, "\(term)")
      #expect(
        index.termMaximumFrequency[id] == UInt32(expected.map(\.positions.count).max() ?? 0))
    }
    // Every heading unit stands under itself; other units under an earlier heading.
    let headingUnits = index.headingUnitOfEachUnit
    for unitIndex in index.units.indices {
      let field = index.field(ofUnit: unitIndex)
      let heading = headingUnits[unitIndex]
      if field == .heading { #expect(heading == Int32(unitIndex)) }
      #expect(heading < Int32(unitIndex) + 1)
      // Titles and their footnotes stand under no heading; clauses under
      // one of their own document.
      if field == .title { #expect(heading == -1) }
      if field == .clause {
        #expect(heading >= 0)
        #expect(
          heading < 0 || index.units[Int(heading)].document == index.units[unitIndex].document)
        #expect(heading < 0 || index.units[Int(heading)].section == index.units[unitIndex].section)
      }
    }
  }

  @Test(arguments: [
    "union", "council", "child online", "\"the union\"", "\"of the union\"", "secretary-general",
    "prot*", "c*", "report -budget", "gender cooperation regional", "in:resolves union",
    "in:\"instructs the\" report", "kind:decision council", "body:council plan", "doc:7 union",
    "résolution", "developpement", "c09/108",
  ])
  func topKEqualsTheFullRankingsFirstK(query: String) {
    let index = SearchIndex(corpus: Self.generatedCorpus())
    let full = index.search(query, limit: 1_000_000)
    #expect(!full.isEmpty)
    for limit in [1, 3, 10, 25] {
      let top = index.search(query, limit: limit)
      #expect(top == Array(full.prefix(limit)), "\(query) limit \(limit)")
    }
  }
}
