import Foundation
import Testing

@testable import ResolutionKit

/// Hand-built documents: the parser is not needed to test extraction over
/// a document's fields and resolution across a corpus.
enum ReferenceFixtures {
  static let here = SourceLocation(file: "test.txt", line: 1)

  static func clause(
    _ path: String, _ text: String, label: String? = nil, children: [Clause] = [],
    footnotes: [String] = []
  ) -> Clause {
    Clause(
      label: label, path: path, text: text, location: here, children: children,
      footnotes: footnotes.enumerated().map {
        Footnote(mark: String($0.offset + 1), text: $0.element, location: here)
      })
  }

  static func document(
    _ id: String, kind: DocumentKind = .resolution, body: String? = "Council",
    number: String? = nil, title: String? = nil, sections: [Section] = [],
    annexes: [Annex] = [], sources: [String] = [], sourcesLine: String? = nil
  ) -> Document {
    Document(
      id: id, kind: kind, body: body, number: number, title: title, location: here,
      sections: sections, annexes: annexes, sources: sources, sourcesLine: sourcesLine)
  }

  static func section(_ heading: String, _ clauses: [Clause]) -> Section {
    Section(heading: heading, role: .operative, location: here, clauses: clauses)
  }

  /// Extracts references into each document, then resolves the lot.
  static func corpus(_ documents: [Document]) -> Corpus {
    var documents = documents
    ReferenceExtractor.extractEach(into: &documents)
    let backlinks = ReferenceResolver.resolve(&documents)
    var corpus = Corpus(documents: documents)
    corpus.backlinks = backlinks
    return corpus
  }
}

@Suite struct ReferenceExtractionFromDocuments {
  typealias F = ReferenceFixtures

  static let document = F.document(
    "R1316", number: "1316", title: "Continuation of the work (see Resolution 1300)",
    sections: [
      F.section(
        "considering",
        [
          F.clause("considering a)", "Resolution 1300 of the Council to establish", label: "a"),
          F.clause(
            "considering b)", "Decision 562 and the Tunis Commitment", label: "b",
            footnotes: ["See Document C09/120."]),
        ]),
      F.section(
        "resolves",
        [
          F.clause(
            "resolves 1", "to continue under Resolution 1305", label: "1",
            children: [F.clause("resolves 1.1", "per resolves 2 of Resolution 1306", label: "1.1")]),
          F.clause("resolves 2", "to report on Resolution 71 (Rev. Guadalajara, 2010)", label: "2"),
        ]),
    ],
    annexes: [
      Annex(
        heading: "Annex 1", title: "Terms of reference under Decision 5", location: F.here,
        clauses: [F.clause("Annex 1, 1", "as in Resolution 1300", label: "1")])
    ],
    sources: ["C09/108(Rev.1)", "C09/120"],
    sourcesLine: "Documents C09/108 (Rev.1) and C09/120.")

  @Test func readingOrderFieldsAndPaths() {
    let found = ReferenceExtractor.extract(from: Self.document)
    #expect(
      found.map(\.text) == [
        "Resolution 1300", "Resolution 1300 of the Council", "Decision 562", "Tunis Commitment",
        "Document C09/120", "Resolution 1305", "resolves 2 of Resolution 1306",
        "Resolution 71 (Rev. Guadalajara, 2010)", "Decision 5", "Resolution 1300",
        "Documents C09/108 (Rev.1)", "C09/120",
      ])
    #expect(
      found.map(\.field) == [
        .title, .clause, .clause, .clause, .footnote, .clause, .clause, .clause, .annexTitle,
        .clause, .sources, .sources,
      ])
    #expect(
      found.map(\.path) == [
        "", "considering a)", "considering b)", "considering b)", "considering b)", "resolves 1",
        "resolves 1.1", "resolves 2", "Annex 1", "Annex 1, 1", "", "",
      ])
    #expect(found[4].footnote == 0)
    #expect(found.filter { $0.field != .footnote }.allSatisfy { $0.footnote == nil })
  }

  @Test func spansIndexTheirFieldText() {
    let document = Self.document
    let found = ReferenceExtractor.extract(from: document)
    #expect(found.count == 12)
    for reference in found {
      let bytes = Array((document.fieldText(of: reference) ?? "").utf8)
      #expect(reference.span.upperBound <= bytes.count)
      if reference.span.upperBound <= bytes.count {
        #expect(String(decoding: bytes[reference.span], as: UTF8.self) == reference.text)
      }
    }
  }

  @Test func bodyIsInferredFromTheCitingDocument() {
    let found = ReferenceExtractor.extract(from: Self.document)
    #expect(found.first { $0.number == "1305" }?.body == "Council")
    #expect(found.first { $0.number == "71" }?.body == "Plenipotentiary Conference")
    let plenipotentiary = F.document(
      "PP-R2", body: "Plenipotentiary Conference", number: "2",
      sections: [F.section("resolves", [F.clause("resolves 1", "Resolution 71 applies")])])
    #expect(
      ReferenceExtractor.extract(from: plenipotentiary).first?.body
        == "Plenipotentiary Conference")
    let fragment = F.document(
      "fragment-x-1", kind: .fragment, body: nil,
      sections: [F.section("resolves", [F.clause("resolves 1", "Resolution 71 applies")])])
    #expect(ReferenceExtractor.extract(from: fragment).first?.body == nil)
  }

  @Test func extractAllMatchesOneByOneInOrder() {
    var documents = (0..<200).map { number in
      F.document(
        "R\(number)", body: number % 3 == 0 ? "Plenipotentiary Conference" : "Council",
        number: "\(number)",
        sections: [
          F.section(
            "resolves",
            [F.clause("resolves 1", "Resolution \(number + 1) and Decision \(number)")])
        ])
    }
    let expected = documents.map(ReferenceExtractor.extract(from:))
    ReferenceExtractor.extractAll(into: &documents)
    #expect(documents.map(\.references) == expected)
    #expect(documents[3].references.first?.number == "4")
    #expect(documents[3].references.first?.body == "Plenipotentiary Conference")
  }

  /// The parse finds references while it builds each document, from the
  /// text before it is coded; extraction over the finished document must
  /// find the same ones, in the same order.
  @Test(arguments: [
    "seed.txt", "seed_pdftotext.txt", "seed_word.txt", "footnotes_pdftotext.txt",
    "renderings_pdftotext.txt",
  ])
  func parseFindsWhatExtractionFinds(_ fixture: String) throws {
    let parsed = DocumentParser.parse(try ParserFixtures.text(fixture), findingReferences: true)
    #expect(parsed.documents.contains { !$0.references.isEmpty })
    for document in parsed.documents {
      #expect(document.references == ReferenceExtractor.extract(from: document), "\(document.id)")
    }
  }

  /// The same with references in a title, an annex title and the clauses
  /// on either side, where the order of parts shows.
  @Test func parseFindsWhatExtractionFindsAroundAnAnnex() {
    let parsed = DocumentParser.parse(
      SourceText(
        name: "collector.txt",
        text: """
          R 1316 Follow-up to Resolution 1300 of the Council

          The Council,

          resolves

          1 to apply Resolution 71 (Rev. Dubai, 2018);

          ANNEX

          Plan under Resolution 1305

          1 as set out in Document C09/120.

          Ref.: Documents C09/108 and C09/120.
          """), findingReferences: true)
    let document = parsed.documents[0]
    #expect(
      document.references.map(\.field) == [
        .title, .clause, .annexTitle, .clause, .sources, .sources,
      ])
    #expect(document.references == ReferenceExtractor.extract(from: document))
  }

  @Test func headingsAreScanned() {
    let document = F.document(
      "R1", number: "1",
      sections: [F.section("recalling Resolution 1300", [F.clause("recalling ¶1", "text")])])
    let found = ReferenceExtractor.extract(from: document)
    #expect(found.map(\.field) == [.heading])
    #expect(found.first?.path == "recalling Resolution 1300")
    #expect(found.first?.span == 10..<25)
  }
}

@Suite struct ReferenceExtractionIsLinear {
  /// Near misses that would make a backtracking matcher quadratic; the
  /// bound only catches blow-ups.
  @Test func megabyteOfNearMisses() {
    let start = Date()
    var text = String(repeating: "Resolution ", count: 30_000)
    text += String(repeating: "C09/ ", count: 30_000)
    text += String(repeating: "Res. Decision Document ", count: 10_000)
    text += "Resolutions " + (1...40_000).map(String.init).joined(separator: ", ") + ","
    text += String(repeating: "resolves 2 of the of ", count: 10_000)
    text += "Resolution 1300 of the Council."
    #expect(text.utf8.count > 1_000_000)
    let found = ReferenceExtractor.extract(in: text, citingBody: "Council")
    #expect(Date().timeIntervalSince(start) < 5)
    // The long list gives its numbers up to 5 digits; the last reference is whole.
    #expect(found.filter { $0.kind == .resolution }.count == 40_001)
    #expect(found.last?.text == "Resolution 1300 of the Council")
    #expect(found.allSatisfy { $0.kind == .resolution })
  }

  @Test func manyTriggersWithoutReferences() {
    let text = String(
      repeating: "Council Convention on Tunis Radio Decisions C2001/ ", count: 20_000)
    let start = Date()
    let found = ReferenceExtractor.extract(in: text)
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(found.isEmpty)
  }
}
