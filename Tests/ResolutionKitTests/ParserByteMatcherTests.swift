import Testing

@testable import ResolutionKit

/// The line tests read bytes through `UnsafeBufferPointer` and fall back to
/// characters where a non-ASCII character could change the answer: they
/// must answer as the character-level versions did (`Legacy…`), on
/// ordinary lines and on lines built to be awkward.
@Suite struct ParserByteMatcherTests {
  /// Fragments of real lines, and characters that join or stand in for
  /// ASCII ones: a combining acute (joins the character before), the
  /// Greek question mark (canonically `;`), the Kelvin sign (lower-cases
  /// to `k`), an Arabic prepend mark (joins the character after).
  static let pieces = [
    "a)", "(b)", "c.", "A.", "B)", "i)", "ii)", "iv.", "x)", "xi", "vi", "(iii)", "abcdef)", "1",
    "1.", "1)", "1.1", "1.1.", "12.3.4", "1234", "2010", "-", "*", "o\t", "•", "\u{2013}",
    "\u{2014}", "·", "▪", "\u{F0B7}", "\u{F02D}", " ", "\t", "  ", ",", ":", ";", ".", "!", "?",
    ")", "(", "considering", "Considering", "CONSIDERING", "noting with concern", "taking",
    "into account", "bearing in mind", "resolves", "instructs", "instructs the Secretary-General",
    "invites Member States", "requests", "the", "all", "Member", "to", "that", "to take", "further",
    "The Council", "The Council,", "The Plenipotentiary Conference", " (Dubai, 2018),",
    " of the International Telecommunication Union", "The ", "Ref.:", "Ref:", "Ref .:",
    "Documents C09/108 (Rev.1)", "R 1316", "D 5", "RESOLUTION 71 (REV. DUBAI, 2018)",
    "Resolution 1305", "DECISION 482 (C01, last amended C20)", "Finance", "Staff matters",
    "\u{301}", "\u{37E}", "\u{212A}", "\u{600}", "é", "É", "\u{85}", "\u{7F}", "x",
  ]

  static func lines(count: Int, seed: UInt64) -> [String] {
    var random = ParserFuzzTests.SplitMix(state: seed)
    var lines: [String] = []
    for _ in 0..<count {
      var line = ""
      for _ in 0..<Int.random(in: 1...7, using: &random) {
        line += pieces.randomElement(using: &random)!
        if Bool.random(using: &random) { line += " " }
      }
      lines.append(line)
    }
    return lines
  }

  static let handPicked = [
    "a) to report", "(a) that", "ii. the", "xx) text", "i.e. the", "a.b", "1. to", "1.1 to",
    "1234. no", "1) yes", "1 Finance", "3.2 Council", "12.1.3. Budget", "- 1. text", "• a) text",
    "\u{2013} text", "o\ttext", "considering,", "considering;", "considering\u{37E}",
    "considering\u{301},", "Considering further:", "instructs the Secretary-General",
    "instructs the Secretary-General to take", "instructs \u{301}the Director",
    "instructs \u{C9}tats Members", "invites Member States,", "requests the\u{301} Director",
    "taKing into account", "ta\u{212A}ing into account", "The Council,", "The Council",
    "The Council\u{301},", "The \u{301}Council,", "The Council (\u{301}2018)",
    "The Council of the Union", "The Council of the \u{301}Union", "The Councils", "Ref.: C09/1.",
    "Ref .:  Documents", "R 1316 Title", "R 1316 \u{301}title", "RESOLUTION 71 (REV. DUBAI, 2018)",
    "Resolution 1305 (modified 2011)", "D 8 (C-1950, last amended C-1958)", "ANNEX", "Annex 1",
  ]

  static var allLines: [String] { handPicked + lines(count: 6_000, seed: 11) }

  @Test func clauseMarkersAsBefore() {
    for line in Self.allLines {
      let text = Substring(line)
      let new = ClauseMarkerScanner.scan(text)
      let old = LegacyClauseMarkerScanner.scan(text)
      #expect(new?.marker == old?.marker, "\(line.debugDescription)")
      #expect(new.map { Array($0.rest.utf8) } == old.map { Array($0.rest.utf8) })
      #expect(new?.isWeak == old?.isWeak, "\(line.debugDescription)")
    }
  }

  @Test func headingsAsBefore() {
    for line in Self.allLines {
      let text = SourceLines.trim(Substring(line))
      guard !text.isEmpty else { continue }
      let new = HeadingPhrases.match(text)
      let old = LegacyHeadingPhrases.match(text)
      #expect(new?.heading == old?.heading, "\(line.debugDescription)")
      #expect(new?.role == old?.role, "\(line.debugDescription)")
      #expect(new?.isOpenEnded == old?.isOpenEnded, "\(line.debugDescription)")
    }
  }

  @Test func headingsStillFound() {
    #expect(HeadingPhrases.match("considering further,")?.role == .preambular)
    #expect(HeadingPhrases.match("CONSIDERING")?.heading == "CONSIDERING")
    #expect(HeadingPhrases.match("instructs the Secretary-General")?.isOpenEnded == true)
    #expect(HeadingPhrases.match("instructs the Secretary-General to report") == nil)
    #expect(HeadingPhrases.match("considering;") == nil)
  }

  @Test func enactingLinesSourcesHeadersAndChaptersAsBefore() {
    for line in Self.allLines {
      let text = SourceLines.trim(Substring(line))
      guard !text.isEmpty else { continue }
      #expect(
        EnactingLine.starts(text) == LegacyEnactingLine.starts(text), "\(line.debugDescription)")
      #expect(
        SourcesLine.content(of: text).map { Array($0.utf8) }
          == LegacySourcesLine.content(of: text).map { Array($0.utf8) }, "\(line.debugDescription)")
      #expect(ChapterLine.parse(text) == LegacyChapterLine.parse(text), "\(line.debugDescription)")
      for start in [false, true] {
        let new = DocumentHeader.parse(text, atParagraphStart: start)
        let old = LegacyHeader.parse(text, atParagraphStart: start)
        #expect(new?.kind == old?.kind, "\(line.debugDescription)")
        #expect(new?.number == old?.number, "\(line.debugDescription)")
        #expect(new.map { Array($0.titleStart.utf8) } == old.map { Array($0.titleStart.utf8) })
      }
    }
  }

  @Test func byteScannerReadsLiteralsDigitsAndDashes() {
    let steps = Substring("R 12\u{2013}-x").withUTF8Bytes { bytes -> [Bool] in
      var scanner = ByteScanner(bytes)
      var steps: [Bool] = []
      steps.append(scanner.take(literal: "RE"))
      steps.append(scanner.take(literal: "R "))
      steps.append(scanner.digits() == 2)
      steps.append(scanner.dash())
      steps.append(scanner.dash())
      steps.append(scanner.dash())
      steps.append(scanner.take(UInt8(ascii: "x")))
      steps.append(scanner.atEnd && scanner.peek == nil)
      return steps
    }
    #expect(steps == [false, true, true, true, true, false, true, true])
  }

  @Test func utf8SlicesAreTheTextBetweenOffsets() {
    let line = Substring("é a) b")
    #expect(line.utf8Slice(3, 5) == "a)")
    #expect(line.utf8Suffix(from: 6) == "b")
    line.withUTF8Bytes { bytes in
      #expect(bytes.string(0, 2) == "é")
      #expect(bytes.trimmed(2, 6) == 3..<5)
    }
  }

  /// The word-at-a-time test agrees with normalising, for a flaw at every
  /// offset of one or two 8-byte words and across their boundaries.
  @Test func normalisedTestFindsEachFlawAtEveryOffset() {
    let flaws = ["  ", "\t", "\u{7F}", "\u{1F}", "\u{85}", "é", "\u{2013}", " \u{A0}", "~ ", "! "]
    for length in [7, 8, 9, 15, 16, 17, 24, 33, 40] {
      for offset in 1..<length {
        for flaw in flaws {
          let text = String(repeating: "a", count: offset) + flaw
            + String(repeating: "b", count: length - offset)
          let expected = TextJoiner.normalisingWhitespace(Array(text.utf8)) == text
          let found = Substring(text).withUTF8Bytes { TextJoiner.isNormalised($0) }
          #expect(found == expected, "\(text.debugDescription)")
        }
      }
    }
  }
}
