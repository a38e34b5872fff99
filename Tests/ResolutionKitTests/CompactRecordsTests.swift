import Foundation
import Testing

@testable import ResolutionKit

/// The records a corpus holds by the hundred thousand keep their compact
/// layout, and read back exactly what they were given.
@Suite struct CompactRecordsTests {
  @Test func sourceLocationIsEightBytes() {
    #expect(MemoryLayout<ResolutionKit.SourceLocation>.size == 8)
  }

  /// Every line of a file is held at once at the load's peak.
  @Test func lineRecordsAreTwentyBytes() {
    #expect(MemoryLayout<SourceLine>.stride == 20)
    #expect(MemoryLayout<SourceLines.RawLine>.stride == 20)
  }

  @Test func clausePacksIntoItsLayout() {
    #expect(MemoryLayout<Clause>.stride <= 48)
  }

  @Test func referencePacksIntoItsLayout() {
    #expect(MemoryLayout<Reference>.stride <= 56)
  }

  @Test func sourceLocationReadsBackItsFileAndLine() {
    let location = ResolutionKit.SourceLocation(file: "compact-records/a.txt", line: 42)
    #expect(location.file == "compact-records/a.txt")
    #expect(location.line == 42)
    var moved = location
    moved.file = "compact-records/b.txt"
    moved.line = 7
    #expect(moved.file == "compact-records/b.txt")
    #expect(moved.line == 7)
    #expect(location.file == "compact-records/a.txt")
  }

  @Test func sourceLocationsCompareByFileAndLine() {
    let first = ResolutionKit.SourceLocation(file: "compact-records/same.txt", line: 3)
    // The name built anew, not the same string storage.
    let name = ["compact-records", "same.txt"].joined(separator: "/")
    #expect(ResolutionKit.SourceLocation(file: name, line: 3) == first)
    #expect(ResolutionKit.SourceLocation(file: name, line: 3).hashValue == first.hashValue)
    #expect(ResolutionKit.SourceLocation(file: name, line: 4) != first)
    #expect(ResolutionKit.SourceLocation(file: "compact-records/other.txt", line: 3) != first)
  }

  @Test func sourceLocationLinesAreClampedNotWrapped() {
    #expect(
      ResolutionKit.SourceLocation(file: "x", line: Int(UInt32.max) + 10).line == Int(UInt32.max))
    #expect(ResolutionKit.SourceLocation(file: "x", line: -5).line == 0)
  }

  @Test func sourceLocationKeepsItsJSONShape() throws {
    let location = ResolutionKit.SourceLocation(file: "compact-records/ü.txt", line: 12)
    let data = try JSONEncoder().encode(location)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(object?["file"] as? String == "compact-records/ü.txt")
    #expect(object?["line"] as? Int == 12)
    #expect(object?.count == 2)
    #expect(try JSONDecoder().decode(ResolutionKit.SourceLocation.self, from: data) == location)
  }

  @Test func parsedLocationsNameTheirFile() {
    let parsed = DocumentParser.parse(
      SourceText(
        name: "compact-records/parsed.txt",
        text: "R 1316 Title\n\nThe Council,\n\nresolves\n\n1 to act;\n"))
    let clause = parsed.documents.first?.sections.first?.clauses.first
    #expect(
      clause?.location == ResolutionKit.SourceLocation(file: "compact-records/parsed.txt", line: 7))
  }

  @Test func referenceReadsBackSpanAndFootnote() {
    var reference = Reference(
      kind: .resolution, text: "Resolution 1300", number: "1300", field: .footnote,
      path: "resolves 1", footnote: 2, span: 10..<25)
    #expect(reference.span == 10..<25)
    #expect(reference.footnote == 2)
    reference.footnote = nil
    #expect(reference.footnote == nil)
    reference.footnote = 0
    #expect(reference.footnote == 0)
    reference.span = 4_000_000_000..<4_000_000_015
    #expect(reference.span == 4_000_000_000..<4_000_000_015)
    // No field text reaches 4 GB; a span past it is clamped, not wrapped.
    reference.span = 1_000_000_000_000..<1_000_000_000_015
    #expect(reference.span.lowerBound == Int(UInt32.max))
    #expect(reference.span.count == 15)
  }

  @Test func referenceStringsReadBackByteForByte() {
    // Canonically equivalent, different bytes: each keeps its own.
    let composed = "Résolution 12"
    let decomposed = "Re\u{301}solution 12"
    let first = Reference(
      kind: .resolution, text: composed, number: "12", body: "Conférence", field: .clause,
      path: "décide 1", span: 0..<14)
    let second = Reference(
      kind: .resolution, text: decomposed, number: "12", body: "Conférence", field: .clause,
      path: "décide 1", span: 0..<14)
    #expect(Array(first.text.utf8) == Array(composed.utf8))
    #expect(Array(second.text.utf8) == Array(decomposed.utf8))
    #expect(first != second)
    var edited = second
    edited.text = composed
    edited.target = "R12"
    #expect(edited.target == "R12")
    edited.target = nil
    #expect(edited == first)
    #expect(edited.hashValue == first.hashValue)
  }

  /// A section's clauses share one text buffer; each reads back its own
  /// text, equals a clause made from plain strings, and changes alone.
  @Test func clausesOfASectionShareTheirTextAndReadBackTheirOwn() throws {
    let parsed = DocumentParser.parse(
      SourceText(
        name: "compact-records/shared.txt",
        text: """
          R 1316 Title

          The Council,

          resolves

          1 to act, Résolution ü;

          2 to report:

          a) first;

          b) second.
          """))
    var clauses = try #require(parsed.documents.first?.sections.first?.clauses)
    let flattened = clauses.flatMap(\.flattened)
    #expect(flattened.map(\.text) == ["to act, Résolution ü;", "to report:", "first;", "second."])
    for clause in flattened {
      #expect(clause.withTextBytes { Array($0) } == Array(clause.text.utf8))
      let rebuilt = Clause(
        label: clause.label, path: clause.path, text: clause.text, location: clause.location,
        children: clause.children, footnotes: clause.footnotes)
      #expect(rebuilt == clause)
      #expect(rebuilt.hashValue == clause.hashValue)
    }
    clauses[0].text = "changed"
    #expect(clauses[0].text == "changed")
    #expect(clauses[1].text == "to report:")
    #expect(clauses[1].children.map(\.text) == ["first;", "second."])
    clauses[0].text = ""
    #expect(clauses[0].text.isEmpty)
    #expect(clauses[0] != flattened[0])
  }

  @Test func referencesDifferingOnlyInSpanOrFootnoteDiffer() {
    let base = Reference(
      kind: .resolution, text: "Resolution 1300", field: .clause, path: "", span: 0..<15)
    var moved = base
    moved.span = 1..<16
    var noted = base
    noted.footnote = 0
    #expect(base != moved)
    #expect(base != noted)
    #expect(Set([base, moved, noted]).count == 3)
  }
}
