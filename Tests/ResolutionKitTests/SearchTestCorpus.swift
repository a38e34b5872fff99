@testable import ResolutionKit

/// A small hand-built corpus for the search tests (independent of the parser).
enum SearchTestCorpus {
  static let location = SourceLocation(file: "search-test.txt", line: 1)

  static func clause(
    _ path: String, _ text: String, children: [Clause] = [], footnotes: [Footnote] = []
  )
    -> Clause
  {
    Clause(
      label: nil, path: path, text: text, location: location, children: children,
      footnotes: footnotes)
  }

  static func section(_ heading: String, _ clauses: [Clause], role: SectionRole = .operative)
    -> Section
  {
    Section(heading: heading, role: role, location: location, clauses: clauses)
  }

  static let corpus = Corpus(documents: [
    Document(
      id: "R1300", kind: .resolution, body: "Council", number: "1300",
      title: "Strategic Plan of the Union for 2012-2015", location: location,
      sections: [
        section(
          "considering",
          [
            clause("considering a)", "the Résolution adopted by the Plenipotentiary Conference;"),
            clause(
              "considering b)", "the role of the Secretary General in the Union,",
              footnotes: [
                Footnote(mark: "1", text: "See the Tunis Commitment.", location: location)
              ]),
          ], role: .preambular),
        section(
          "resolves",
          [
            clause(
              "resolves 1",
              "to establish a group on child welfare issues and online matters of the Union")
          ]),
      ]),
    Document(
      id: "R1306", kind: .resolution, body: "Council", number: "1306",
      title: "Child online protection",
      location: location,
      sections: [
        section(
          "instructs the Secretary-General",
          [
            clause(
              "instructs the Secretary-General 1", "to report on child online issues to the Union")
          ]),
        section(
          "resolves",
          [
            clause(
              "resolves 1",
              "to establish a Council working group on Child Online Protection (WG-CP)",
              children: [clause("resolves 1.1", "to exchange views and report annually")])
          ]),
      ],
      annexes: [
        Annex(
          heading: "Annex", title: "Terms of reference", location: location,
          clauses: [clause("Annex, 1", "The group shall protect children and coordinate its work.")]
        )
      ],
      sources: ["C09/108(Rev.1)", "C09/120"]),
    Document(
      id: "D482", kind: .decision, body: "Council", number: "482", title: "Budget of the Union",
      location: location,
      sections: [
        section(
          "decides",
          [
            clause(
              "decides 1", "to approve the budget for 2012-2015 as in Document C09/108",
              children: [
                clause("decides 1.1", "Resolution 1300 of the Council instructs staff accordingly")
              ])
          ])
      ]),
    Document(
      id: "PP-R71", kind: .resolution, body: "Plenipotentiary Conference", number: "71",
      title: "Strategic plan", location: location,
      sections: [
        section(
          "resolves",
          [
            clause("resolves 1", "that the Secretary-General shall report"),
            clause("resolves 2", "regex chars a.b*c+d?[x](y){z}|^$\\ end"),
          ])
      ]),
    Document(
      id: "R1400", kind: .resolution, body: "Council", number: "1400", title: "Tie one",
      location: location,
      sections: [section("decides", [clause("decides 1", "identical tiebreak text")])]),
    Document(
      id: "R1401", kind: .resolution, body: "Council", number: "1401", title: "Tie two",
      location: location,
      sections: [section("decides", [clause("decides 1", "identical tiebreak text")])]),
  ])

  static let index = SearchIndex(corpus: corpus)
}

/// The highlighted substrings of a snippet, for assertions.
func highlightedWords(_ snippet: Snippet) -> [String] {
  let characters = Array(snippet.text)
  return snippet.highlights.map { range in
    String(characters[max(0, range.lowerBound)..<min(characters.count, range.upperBound)])
  }
}

extension SearchIndex {
  /// Per unit, the heading unit it stands under (itself for a heading; -1
  /// before the first heading of its document), from the units in order:
  /// what the tests check the index's heading ranges against.
  var headingUnitOfEachUnit: [Int32] {
    var result: [Int32] = []
    var heading: Int32 = -1
    var document: Int32 = -1
    for (index, unit) in units.enumerated() {
      if unit.document != document { (heading, document) = (-1, unit.document) }
      if field(ofUnit: index) == .heading { heading = Int32(index) }
      result.append(heading)
    }
    return result
  }
}
