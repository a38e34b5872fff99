import Testing

@testable import ResolutionKit

@Suite struct ReferenceHealthTests {
  typealias F = ReferenceFixtures

  static func clauses(_ texts: [String]) -> [Section] {
    [
      F.section(
        "resolves", texts.enumerated().map { F.clause("resolves \($0.offset + 1)", $0.element) })
    ]
  }

  static var troubled: Corpus {
    var corpus = F.corpus([
      F.document("R71", number: "71"),
      F.document("PP-R71", body: "Plenipotentiary Conference", number: "71"),
      F.document("R1300", number: "1300"),
      F.document("R1300-2", number: "1300"),
      F.document(
        "R9000", number: "9000",
        sections: clauses([
          "Resolution 4242 and Resolution 4242", "Document C09/999", "the Constitution",
          "Resolution 71", "Resolution 1300",
        ])),
      F.document(
        "fragment-a-1", kind: .fragment, body: nil,
        sections: clauses(["Resolution 71 and Resolution 4242 and Resolution 1 \u{1B}[31m"])),
    ])
    corpus.diagnostics = [
      Diagnostic(file: "a.txt", line: 12, message: "numbering jump: 4 after 2"),
      Diagnostic(file: "a.txt", line: 30, message: "line not placed: \u{202E}xyz"),
    ]
    return corpus
  }

  @Test func findsEveryKindOfProblem() {
    let health = CorpusHealth(corpus: Self.troubled)
    #expect(health.documentCount == 6)
    #expect(health.referenceCount == 9)
    #expect(health.resolvedCount == 1)  // R9000's Resolution 71 → R71
    #expect(
      health.dangling.map(\.name) == [
        "Resolution 4242 (Council)", "Document C09/999", "Resolution 1", "Resolution 4242",
      ])
    #expect(health.dangling.map(\.places.count) == [2, 1, 1, 1])
    #expect(health.danglingCount == 5)
    #expect(health.dangling.first?.places.first?.description == "R9000 resolves 1")
    #expect(health.ambiguous.map(\.candidates) == [["R1300", "R1300-2"], ["R71", "PP-R71"]])
    #expect(health.duplicateNumbers.map(\.name) == ["Resolution 1300 (Council)"])
    #expect(health.duplicateNumbers.first?.ids == ["R1300", "R1300-2"])
    #expect(health.duplicateIDs.isEmpty)
    #expect(health.numberingJumps.map(\.line) == [12])
    #expect(health.otherDiagnostics.map(\.line) == [30])
    #expect(!health.isHealthy)
    #expect(
      health.summary
        == "Summary: 5 dangling references (4 targets), 2 ambiguous references, "
        + "1 duplicate number, 1 numbering jump, 1 other parser diagnostic")
  }

  @Test func duplicateIDs() {
    let corpus = Corpus(documents: [F.document("R1", number: "1"), F.document("R1", number: "1")])
    let health = CorpusHealth(corpus: corpus)
    #expect(health.duplicateIDs == [CorpusHealth.Duplicate(name: "R1", ids: ["R1", "R1"])])
  }

  @Test func renderedReportIsCompleteAndTerminalSafe() {
    let lines = CorpusHealth(corpus: Self.troubled).rendered(placesPerTarget: 1)
    let text = lines.joined(separator: "\n")
    #expect(
      lines.first == "Corpus: 6 documents, 9 references (1 resolved, 2 ambiguous, 5 dangling)")
    #expect(text.contains("Dangling references (5):"))
    #expect(text.contains("  Resolution 4242 (Council): 2 references"))
    #expect(text.contains("    R9000 resolves 1: Resolution 4242"))
    #expect(text.contains("    … and 1 more"))
    #expect(text.contains("R9000 resolves 5: Resolution 1300 → one of R1300, R1300-2"))
    #expect(text.contains("Duplicate document numbers (1):"))
    #expect(text.contains("a.txt:12: numbering jump: 4 after 2"))
    #expect(!text.contains("Duplicate document ids"))
    #expect(lines.last?.hasPrefix("Summary: 5 dangling") == true)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
  }

  @Test func healthyCorpus() {
    let corpus = F.corpus([
      F.document("R1", number: "1"),
      F.document("R2", number: "2", sections: Self.clauses(["Resolution 1", "the Convention"])),
    ])
    let health = CorpusHealth(corpus: corpus)
    #expect(health.isHealthy)
    #expect(health.summary == "Summary: no problems found")
    #expect(
      health.rendered() == [
        "Corpus: 2 documents, 2 references (1 resolved, 0 ambiguous, 0 dangling)", "",
        "Summary: no problems found",
      ])
  }
}

@Suite struct ReferenceNavigationTests {
  typealias F = ReferenceFixtures

  @Test func referencesOfAClauseAndWhereTheyLead() throws {
    let corpus = F.corpus([
      F.document(
        "R1", number: "1",
        sections: [
          F.section("resolves", [F.clause("resolves 2", "act", footnotes: ["Resolution 2"])])
        ]),
      F.document(
        "R2", number: "2", title: "After Resolution 1",
        sections: [
          F.section(
            "resolves",
            [F.clause("resolves 1", "resolves 2 of Resolution 1 and resolves 9 of Resolution 1")])
        ]),
    ])
    let here = corpus.references(at: ClauseAddress(documentID: "R2", path: "resolves 1"))
    #expect(here.map(\.pinpoint) == ["resolves 2", "resolves 9"])
    #expect(corpus.references(at: ClauseAddress(documentID: "R2")).count == 3)
    #expect(
      corpus.destination(of: here[0]) == ClauseAddress(documentID: "R1", path: "resolves 2"))
    // No such clause: the document itself.
    #expect(corpus.destination(of: here[1]) == ClauseAddress(documentID: "R1"))
    let footnoted = corpus.references(at: ClauseAddress(documentID: "R1", path: "resolves 2"))
    #expect(footnoted.map(\.field) == [.footnote])
    let backlink = try #require(corpus.backlinks.citing(documentID: "R1").last)
    #expect(corpus.reference(of: backlink) == here[1])
  }
}
