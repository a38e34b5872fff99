import Testing

@testable import ResolutionKit

/// Line joining, hyphenation, page noise and character-level clean-up.
@Suite struct ParserTextTests {
  /// A hard-wrapped resolution around `body` (a few wrapped lines so the
  /// layout is recognised as hard-wrapped).
  func wrapped(_ body: String) -> ParsedFile {
    parse(
      """
      R 1 Title
      The Council,
      resolves
      1.   to establish a working group on the matter, open to all Member
           States and Sector Members, with the following terms of reference
           to be reviewed each year;
      \(body)
      """)
  }

  func texts(_ parsed: ParsedFile) -> [String] {
    parsed.documents.flatMap(\.allClauses).map(\.text)
  }

  @Test func hyphenatedWordsAreRejoinedAndRealHyphensKept() {
    let parsed = wrapped(
      """
      2.   to ensure the effective imple-
           mentation of the plan by the Secretary-
           General for the period 2012-
           2015 with all stakeholders concerned;
      """)
    #expect(
      texts(parsed).last
        == "to ensure the effective implementation of the plan by the Secretary-General for the period 2012-2015 with all stakeholders concerned;"
    )
  }

  @Test func continuationLinesJoinWithSingleSpaces() {
    let parsed = wrapped("2.   to report   to the Council\n     at its next   session.\n")
    #expect(texts(parsed).last == "to report to the Council at its next session.")
    #expect(
      texts(parsed).first
        == "to establish a working group on the matter, open to all Member States and Sector Members, with the following terms of reference to be reviewed each year;"
    )
  }

  @Test func wrappedLineStartingWithAYearIsNotALabel() {
    let parsed = wrapped(
      "2.   to report on the activities undertaken to the\n     2010 Plenipotentiary Conference.\n")
    #expect(
      texts(parsed).last
        == "to report on the activities undertaken to the 2010 Plenipotentiary Conference.")
  }

  @Test func pageNoiseIsRemovedAndRecorded() {
    let parsed = wrapped(
      """
      2.   to report on the activities undertaken on these subjects to the

                                      - 7 -
      \u{0C}                     – 96 – (3.2 – Council)

           Council at its next session;
      Res. 2 / 21
      3.   to publish the report;
      2/484
      D:\\106748713.DOC 16.02.16
      -2C03/85-E
      4.   to keep it up to date.
      """)
    #expect(
      texts(parsed).suffix(3) == [
        "to report on the activities undertaken on these subjects to the Council at its next session;",
        "to publish the report;", "to keep it up to date.",
      ])
    let removed = parsed.file.removedLines
    #expect(
      removed.map(\.reason) == [
        "page number", "form feed", "running head", "running head", "page counter", "file footer",
        "running head",
      ])
    #expect(removed.map(\.text).contains("– 96 – (3.2 – Council)"))
    #expect(removed[0].line == 9)
    #expect(parsed.diagnostics == [])
  }

  @Test func crlfBomAndNoBreakSpaces() {
    let parsed = parse(
      "\u{FEFF}R 1\u{00A0}Title\r\nThe Council,\r\nresolves\r\n1.\tto act\u{00A0}now;\r\n2.\tto report.\r\n"
    )
    let document = parsed.documents[0]
    #expect(document.number == "1")
    #expect(document.title == "Title")
    #expect(document.sections[0].clauses.map(\.text) == ["to act now;", "to report."])
    #expect(parsed.file.lineCount == 5)
  }

  @Test func curlyQuotesAreKept() {
    let parsed = parse(
      "R 1 T\nThe Council,\nnoting\nthe “Child Online Protection Initiative” and the ‘COP’ guidelines,\n"
    )
    #expect(texts(parsed) == ["the “Child Online Protection Initiative” and the ‘COP’ guidelines,"])
  }

  @Test func controlCharactersBecomeSpaces() {
    let parsed = parse("R 1 T\nThe Council,\nnoting\nthe \u{1B}[31mred\u{07} text,\n")
    #expect(texts(parsed) == ["the [31mred text,"])
  }
}

@Suite struct ParserMarginMarkTests {
  @Test func finalActsMarginMarksAreRemoved() {
    let parsed = parse(
      "R 1 T\nThe Council,\nresolves\nMOD\n1. to act;\n(MOD)\n2. to report.\nADD 3\nSUP\n")
    #expect(parsed.documents[0].sections[0].clauses.map(\.text) == ["to act;", "to report."])
    #expect(parsed.file.removedLines.map(\.reason) == Array(repeating: "margin mark", count: 4))
  }
}

/// The word-at-a-time whitespace check agrees with a plain definition.
@Suite struct ParserWhitespaceTests {
  func naive(_ text: String) -> String {
    var out = ""
    var pending = false
    for scalar in text.unicodeScalars {
      if scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) {
        pending = !out.isEmpty
      } else {
        if pending { out += " " }
        pending = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  @Test func normalisingMatchesThePlainDefinition() {
    let pieces = ["a", "bc", " ", "  ", "\t", "\u{7F}", "\u{85}", "é", "!", "!!", "x y", "\u{1B}"]
    var random = ParserFuzzTests.SplitMix(state: 7)
    for _ in 0..<3_000 {
      var text = ""
      for _ in 0..<Int.random(in: 0...40, using: &random) {
        text += pieces.randomElement(using: &random)!
      }
      #expect(
        TextJoiner.normalisingWhitespace(Substring(text)) == naive(text), "\(text.debugDescription)"
      )
    }
  }
}
