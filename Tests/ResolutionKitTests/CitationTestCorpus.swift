import ResolutionKit

/// A hand-built corpus with every structure citations must handle: nested
/// labels, unlabelled paragraphs (also nested), annexes with and without
/// a number, decisions, a Plenipotentiary resolution sharing its number
/// with a Council one, two documents that print alike, a document without
/// session and a fragment.
enum CitationTestCorpus {
  static let corpus = Corpus(documents: [
    fragment, r1316, r1306, d482, pp71, r71, r1400a, r1400b, r1000,
  ])

  private static func at(_ line: Int) -> SourceLocation {
    SourceLocation(file: "test.txt", line: line)
  }

  private static func clause(
    _ label: String?, _ path: String, _ text: String, _ children: [Clause] = []
  ) -> Clause {
    Clause(label: label, path: path, text: text, location: at(1), children: children)
  }

  private static func section(_ heading: String, _ role: SectionRole, _ clauses: [Clause])
    -> Section
  {
    Section(heading: heading, role: role, location: at(1), clauses: clauses)
  }

  static let r1316 = Document(
    id: "R1316", kind: .resolution, body: "Council", number: "1316", session: "C09",
    title:
      "Continuation of the work of the Council Working Group for the elaboration of the Draft Strategic Plan",
    authority: "The Council", location: at(10),
    sections: [
      section(
        "considering", .preambular,
        [
          clause(
            "a", "considering a)", "Resolution 1300 of the Council to establish a Working Group,"),
          clause(
            "b", "considering b)", "that the work has not been completed:",
            [
              clause("i", "considering b) i)", "the strategic plan;"),
              clause("ii", "considering b) ii)", "the financial plan,"),
            ]),
        ]),
      section(
        "resolves", .operative,
        [
          clause(
            "1", "resolves 1", "to continue the work of the group:",
            [
              clause("1.1", "resolves 1.1", "to hold \"two\" meetings;"),
              clause("1.2", "resolves 1.2", "to report to the Council;"),
              clause("a", "resolves 1 a)", "with interpretation,"),
            ]),
          clause(
            "2", "resolves 2", "that the group report:",
            [clause(nil, "resolves 2 ¶1", "annually, in writing,")]),
        ]),
      section(
        "invites the Secretary-General", .operative,
        [
          clause(nil, "invites the Secretary-General ¶1", "to support the group;"),
          clause(nil, "invites the Secretary-General ¶2", "to report on “progress”."),
        ]),
      section(
        "resolves to instruct the Secretary-General", .operative,
        [clause(nil, "resolves to instruct the Secretary-General ¶1", "to publish the results.")]),
    ])

  static let r1306 = Document(
    id: "R1306", kind: .resolution, body: "Council", number: "1306", session: "C09",
    title: "Role of ITU in child online protection", location: at(1),
    sections: [
      section("resolves", .operative, [clause("1", "resolves 1", "to establish a working group,")])
    ],
    annexes: [
      Annex(
        heading: "Annex 1", title: "Terms of reference", location: at(40),
        clauses: [
          clause(
            "3", "Annex 1, 3", "Working methods",
            [clause("3.2", "Annex 1, 3.2", "The group meets twice a year.")])
        ]),
      Annex(
        heading: "Annex", title: nil, location: at(50),
        clauses: [clause("3", "Annex, 3", "Unnumbered annex item.")]),
    ],
    sources: ["C09/108(Rev.1)", "C09/120"])

  static let d482 = Document(
    id: "D482", kind: .decision, body: "Council", number: "482", revision: "C01, last amended C20",
    session: "C20", title: "Implementation of cost recovery for satellite network filings",
    location: at(60),
    sections: [
      section("decides", .operative, [clause("1", "decides 1", "that cost recovery applies;")])
    ])

  static let pp71 = Document(
    id: "PP-R71", kind: .resolution, body: "Plenipotentiary Conference", number: "71",
    revision: "Rev. Dubai, 2018", session: "2018",
    title: "Strategic plan for the Union for 2020-2023",
    location: at(70),
    sections: [
      section(
        "resolves", .operative,
        [
          clause("1", "resolves 1", "to adopt the strategic plan;"),
          clause("2", "resolves 2", "to review the plan every four years."),
        ])
    ])

  static let r71 = Document(
    id: "R71", kind: .resolution, body: "Council", number: "71", session: "C-1950",
    title: "An early Council resolution", location: at(80),
    sections: [section("resolves", .operative, [clause("2", "resolves 2", "an early clause.")])])

  static let r1400a = Document(
    id: "R1400", kind: .resolution, body: "Council", number: "1400", session: "C19",
    title: "First printing", location: at(90),
    sections: [section("decides", .operative, [clause("1", "decides 1", "first.")])])

  static let r1400b = Document(
    id: "R1400-2", kind: .resolution, body: "Council", number: "1400", session: "C19",
    title: "Second printing", location: at(95),
    sections: [section("decides", .operative, [clause("1", "decides 1", "second.")])])

  static let r1000 = Document(
    id: "R1000", kind: .resolution, number: "1000", title: "A resolution of unknown session",
    location: at(100),
    sections: [
      section("noting", .preambular, [clause("a", "noting a)", "something noted\u{1B}[31m,")])
    ])

  static let fragment = Document(
    id: "fragment-notes-3", kind: .fragment, location: at(3),
    sections: [section("resolves", .operative, [clause("1", "resolves 1", "orphan clause.")])],
    sources: ["C09/120"])

  /// The document and every clause of every document.
  static func addresses(of corpus: Corpus) -> [ClauseAddress] {
    corpus.documents.flatMap { document in
      [ClauseAddress(documentID: document.id)]
        + document.allClauses.map { ClauseAddress(documentID: document.id, path: $0.path) }
    }
  }
}
