import Foundation
import Testing

@testable import ResolutionKit

/// Bad or huge input never crashes and stays linear. Bounds are generous:
/// they only catch blow-ups, not speed (debug builds are slow).
@Suite struct ParserRobustnessTests {
  func seconds(_ work: () -> Void) -> Double {
    let start = Date()
    work()
    return Date().timeIntervalSince(start)
  }

  @Test func twentyMegabyteSingleLine() {
    let line = String(repeating: "to act and (report) - imple- 1.1 a) ", count: 20_000_000 / 36)
    var parsed: ParsedFile?
    let elapsed = seconds { parsed = parse("R 1 T\nThe Council,\nresolves\n" + line) }
    #expect(parsed?.documents.first?.sections.first?.clauses.count == 1)
    #expect(elapsed < 120)
  }

  /// The deepest chain of first children, and how many clauses in all.
  func depthAndCount(_ clauses: [Clause]) -> (depth: Int, count: Int) {
    var deepest = 0
    var count = 0
    var stack = clauses.map { ($0, 1) }
    while let (clause, level) = stack.popLast() {
      deepest = max(deepest, level)
      count += 1
      stack += clause.children.map { ($0, level + 1) }
    }
    return (deepest, count)
  }

  @Test func tenThousandNestingLevelsAreCappedAndSafeDownstream() throws {
    // Labels 1, 1.1, 1.1.1, …: the input grows with the square of the depth
    // (about 100 MB at 10,000 levels), so the tree builder is driven
    // directly at full depth and the whole parser at 2,000 levels.
    let depth = 10_000
    var builder = ClauseTreeBuilder(heading: "resolves", usedPaths: [])
    var label = "1"
    let location = SourceLocation(file: "deep", line: 1)
    for level in 1...depth {
      builder.add(
        ClauseItem(
          marker: .number(label: label, components: level, last: 1), text: "", location: location))
      label += ".1"
    }
    let clauses = builder.build()
    let shape = depthAndCount(clauses)
    #expect(shape.depth == ClauseTreeBuilder.maximumDepth)
    #expect(shape.count == depth)
    #expect(builder.firstCappedLocation == location)
    let all = clauses.flatMap(\.flattened)
    #expect(all.count == depth)
    #expect(all.last?.path == "resolves " + String(label.dropLast(2)))
    #expect(Set(all.map(\.path)).count == depth)

    // Everything downstream that walks the tree: hashing, equality, the
    // corpus (references, resolution) and the JSON export.
    let document = Document(
      id: "R1", kind: .resolution, number: "1", location: location,
      sections: [
        Section(heading: "resolves", role: .operative, location: location, clauses: clauses)
      ])
    #expect(Set([document]).count == 1)
    #expect(document == document)
    let json = try CorpusJSON.encode(Corpus(documents: [document]))
    #expect(json.count > depth * 10)

    var text = "R 1 T\nThe Council,\nresolves\n"
    label = "1"
    for _ in 1...2_000 {
      text += label + " x;\n"
      label += ".1"
    }
    let corpus = Corpus.build(from: [SourceText(name: "deep.txt", text: text)])
    let section = try #require(corpus.documents.first?.sections.first)
    let parsedShape = depthAndCount(section.clauses)
    #expect(parsedShape.depth == ClauseTreeBuilder.maximumDepth)
    #expect(parsedShape.count == 2_000)
    #expect(corpus.diagnostics.filter { $0.message.contains("nested deeper") }.count == 1)
    #expect(try CorpusJSON.encode(corpus).count > 2_000)
  }

  @Test func hundredThousandHeadersWithoutBody() {
    let text = (1...100_000).map { "R \($0) Title \($0)\n" }.joined()
    var parsed: ParsedFile?
    let elapsed = seconds { parsed = parse(text) }
    #expect(parsed?.documents.count == 100_000)
    #expect(parsed?.documents.last?.title == "Title 100000")
    #expect(parsed?.diagnostics == [])
    #expect(elapsed < 120)
  }

  @Test func manyLinesOfNoise() {
    let text = String(repeating: "- 7 -\n\n\u{0C}\n", count: 50_000) + "R 1 T\n"
    let parsed = parse(text)
    #expect(parsed.documents.count == 1)
    #expect(parsed.file.removedLines.count == 100_000)
  }
}

/// Random mixes of the constructs the parser knows: it must not crash, and
/// paths stay unique in every document.
@Suite struct ParserFuzzTests {
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let pieces = [
    "R 1316 Title", "D 5", "RESOLUTION 71 (REV. DUBAI, 2018)", "DECISION 482 (C01",
    "Resolution 1 (x)",
    "The Council,", "The Plenipotentiary Conference of the", "considering", "resolves",
    "instructs the Secretary-General",
    "1.", "1.1", "1 ", "a)", "(b)", "i)", "ii)", "h)", "v)", "x.", "- ", "• ", "– ", "o\t", "- 1. ",
    "a)that",
    "to act;", "that", "imple-", "mentation", "Secretary-", "General", "2012-", "- 7 -", "\u{0C}",
    "Res. 2 / 21",
    "Ref.:", "C09/108 (Rev.1)", "ANNEX", "Annex 1", "1 Finance", "3.2 Council", "\t", "  ",
    "\u{00A0}", "“", "\r",
    "(", ")", ".", ",", ":", ";", "\u{FFFD}", "é", "\u{1B}[2J",
    "1282¹", "¹ See Document C09/42.", "work*,", "* Approved.", "1300 1 of", "1 Approved by",
  ]

  @Test func randomInputNeverBreaksInvariants() {
    var random = SplitMix(state: 42)
    for round in 0..<300 {
      var text = ""
      for _ in 0..<Int.random(in: 1...120, using: &random) {
        text += Self.pieces.randomElement(using: &random)!
        text += Bool.random(using: &random) ? "\n" : " "
      }
      let parsed = parse(text, name: "fuzz\(round).txt")
      for document in parsed.documents {
        let paths = document.allClauses.map(\.path)
        #expect(Set(paths).count == paths.count, "round \(round)")
        #expect(!document.allClauses.contains { $0.text.contains("\n") })
      }
    }
  }
}

@Suite struct ParserLinearityTests {
  @Test func manyClausesInOneSectionAndUnderOneClause() {
    var text = "R 1 T\nThe Council,\nresolves\n"
    for number in 1...50_000 { text += "\(number % 1000 + 1). item;\n" }
    text += "considering\n1. the following:\n"
    for _ in 1...50_000 { text += "- item;\n" }
    let start = Date()
    let parsed = parse(text)
    let elapsed = Date().timeIntervalSince(start)
    #expect(parsed.documents[0].sections[0].clauses.count == 50_000)
    #expect(parsed.documents[0].sections[1].clauses[0].children.count == 50_000)
    #expect(
      parsed.documents[0].sections[1].clauses[0].children.last?.path == "considering 1 ¶50000")
    #expect(elapsed < 60)
  }
}
