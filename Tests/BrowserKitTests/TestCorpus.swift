import BrowserKit
import ResolutionKit

/// A small corpus built by hand: three Council resolutions citing each
/// other (one by pinpoint), one citation of a resolution not in the corpus,
/// and the backlink index built from those references.
enum TestCorpus {
  static let file = "fixture.txt"

  static func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

  /// A reference to `needle` as it stands in `text`, spans in UTF-8 bytes.
  static func reference(
    _ needle: String, in text: String, field: ReferenceField, path: String, number: String?,
    target: String?, pinpoint: String? = nil
  ) -> Reference {
    let start =
      text.range(of: needle).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
      ?? 0
    return Reference(
      kind: .resolution, text: needle, number: number, body: "Council", pinpoint: pinpoint,
      field: field,
      path: path, span: start..<(start + needle.utf8.count), target: target)
  }

  static let citingText =
    "Resolution 1300 of the Council, in resolves 2, on the Council Working Group, and Resolution 9999 of the Council on things long gone;"

  static func make(chapters: Bool = false) -> Corpus {
    let r1300 = Document(
      id: "R1300", kind: .resolution, body: "Council", number: "1300", session: "C08",
      title: "Council Working Group on child online protection", authority: "The Council",
      chapter: chapters ? "3.2 Council" : nil, location: at(1),
      sections: [
        Section(
          heading: "considering", role: .preambular, location: at(3),
          clauses: [
            Clause(
              label: "a", path: "considering a)", text: "that children use the Internet;",
              location: at(4)),
            Clause(
              label: "b", path: "considering b)", text: "that protection matters;", location: at(5)),
          ]),
        Section(
          heading: "resolves", role: .operative, location: at(6),
          clauses: [
            Clause(
              label: "1", path: "resolves 1", text: "to establish a working group;",
              location: at(7),
              children: [
                Clause(
                  label: "1.1", path: "resolves 1.1", text: "open to all Member States;",
                  location: at(8))
              ]),
            Clause(
              label: "2", path: "resolves 2", text: "that the group reports to Council.",
              location: at(9)),
          ]),
      ], sources: ["C08/100"], sourcesLine: "C08/100")

    let clauseA = citingText
    var r1316 = Document(
      id: "R1316", kind: .resolution, body: "Council", number: "1316", session: "C09",
      title: "Child online protection", authority: "The Council",
      chapter: chapters ? "3.2 Council" : nil, location: at(20),
      sections: [
        Section(
          heading: "recalling", role: .preambular, location: at(22),
          clauses: [
            Clause(label: "a", path: "recalling a)", text: clauseA, location: at(23)),
            Clause(
              label: "b", path: "recalling b)", text: "the work done so far;", location: at(24)),
          ]),
        Section(
          heading: "instructs the Secretary-General", role: .operative, location: at(25),
          clauses: (1...30).map { n in
            Clause(
              label: "\(n)", path: "instructs the Secretary-General \(n)",
              text: "to carry out task number \(n) with care and report on it;",
              location: at(25 + n))
          }),
      ])
    r1316.references = [
      reference(
        "Resolution 1300 of the Council", in: clauseA, field: .clause, path: "recalling a)",
        number: "1300",
        target: "R1300", pinpoint: "resolves 2"),
      reference(
        "Resolution 9999 of the Council", in: clauseA, field: .clause, path: "recalling a)",
        number: "9999",
        target: nil),
    ]

    let r1317Text = "Resolution 1316 of the Council and Resolution 9999 of the Council;"
    var r1317 = Document(
      id: "R1317", kind: .resolution, body: "Council", number: "1317", session: "C10",
      title: "Follow-up", authority: "The Council",
      chapter: chapters ? "4 General Secretariat" : nil,
      location: at(70),
      sections: [
        Section(
          heading: "noting", role: .preambular, location: at(71),
          clauses: [Clause(label: "a", path: "noting a)", text: r1317Text, location: at(72))])
      ])
    r1317.references = [
      reference(
        "Resolution 1316 of the Council", in: r1317Text, field: .clause, path: "noting a)",
        number: "1316", target: "R1316"),
      reference(
        "Resolution 9999 of the Council", in: r1317Text, field: .clause, path: "noting a)",
        number: "9999", target: nil),
    ]

    var corpus = Corpus(documents: [r1300, r1316, r1317])
    corpus.backlinks = BacklinkIndex(documents: corpus.documents)
    return corpus
  }
}

extension BrowserState {
  /// The screen as text rows.
  var screen: [String] { Renderer.render(self).lines }

  var screenText: String { screen.joined(separator: "\n") }

  mutating func press(_ keys: Key...) {
    for key in keys { _ = handle(key: key) }
  }

  mutating func type(_ text: String) {
    for character in text { _ = handle(key: .character(character)) }
  }

  /// Types `target` at the go-to prompt (`:`) and presses Enter.
  mutating func goTo(_ target: String) {
    press(.character(":"))
    type(target)
    press(.enter)
  }
}

extension CellGrid {
  /// The column where `text` first starts on row `y`, counted in cells.
  func column(of text: String, row y: Int) -> Int? {
    let cells = Array(row(y))
    let target = Array(text)
    guard !target.isEmpty else { return nil }
    var x = 0
    while x < cells.count {
      var i = 0
      var cx = x
      while i < target.count, cx < cells.count {
        if cells[cx].width == 0 {
          cx += 1
          continue
        }
        if cells[cx].text != String(target[i]) { break }
        i += 1
        cx += 1
      }
      if i == target.count { return x }
      x += 1
    }
    return nil
  }

  /// The row holding `text`, first from the top.
  func rowIndex(containing text: String) -> Int? {
    (0..<height).first { self.text(ofRow: $0).contains(text) }
  }
}
