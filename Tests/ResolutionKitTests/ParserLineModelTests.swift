import Foundation
import Testing

@testable import ResolutionKit

/// Lines are byte ranges into the file's text (plus rewritten form-feed
/// lines), not substrings. The old substring lines (`SubstringLines`, a
/// frozen copy of the former `SourceLines.split`) are the oracle: on edge
/// and random input the new lines must be the same text, numbers, widths
/// and flags, with the same lines removed; byte-range joining and the byte
/// character tests must agree with their substring versions.
@Suite struct ParserLineModelTests {
  /// Pieces of lines that stress the split: every break, form feeds inside
  /// and around text, page noise, NUL and other controls, combining marks,
  /// non-ASCII, characters equal to ASCII ones (U+037E is `;`), stars.
  static let pieces = [
    "R 1316 Title", "The Council,", "considering", "1\tthat x;", "a)\tsome text.", "- 7 -",
    "Page 3", "2/484", "Res. 2 / 21", "(MOD)", "D:\\1.DOC", "\u{0C}", "\u{0C}Page 4", "x\u{0C}y",
    " \u{0C} ", "\u{0}", "a\u{0}b", "é", "e\u{301}", ".\u{301}", ";\u{301}", "\u{37E}", "\u{85}",
    "\u{2028}", "*", "word*", "¹ note", "\u{1F}", "\u{7F}", "  ", "\t", "ÉÉÉ — ½", "\u{FEFF}",
    "\u{00A0}", "\u{202F}", "1", "résolution", "policy-", "makers",
  ]
  static let breaks = ["\n", "\r\n", "\r", "\n\n", "\r\r\n", "\n \n", "\n\u{0C}\n"]

  static func randomText(_ generator: inout SystemRandomNumberGenerator, lines: Int) -> String {
    var text = ""
    for _ in 0..<lines {
      for _ in 0..<Int.random(in: 0...4, using: &generator) {
        text += pieces.randomElement(using: &generator)!
        if Bool.random(using: &generator) { text += " " }
      }
      text += breaks.randomElement(using: &generator)!
    }
    return text
  }

  /// Every edge case alone, then every pair.
  static let edgeTexts: [String] = {
    var texts = pieces.map { $0 + "\n" }
    for first in pieces { for second in pieces { texts.append(first + "\n" + second) } }
    texts += [
      "", "\n", "\r", "\r\n", "\u{0C}", "\u{0C}\n\u{0C}", String(repeating: "x", count: 5000),
    ]
    return texts
  }()

  /// The new lines, as the old oracle's tuples.
  static func lines(_ text: String) -> [SubstringLines.Line] {
    let lines = SourceLines(text)
    return lines.lines.map {
      SubstringLines.Line(
        number: $0.number, text: String(lines.text(of: $0)), width: $0.width,
        mayHaveMarks: $0.mayHaveMarks, isSoftBlank: $0.isSoftBlank)
    }
  }

  static func expectSameLines(_ text: String) {
    let old = SubstringLines(text)
    let new = SourceLines(text)
    #expect(lines(text) == old.lines, "\(text.debugDescription)")
    #expect(new.removed == old.removed, "\(text.debugDescription)")
    #expect(new.isHardWrapped == old.isHardWrapped && new.wrapWidth == old.wrapWidth)
    // Blank lines are empty ranges, text lines non-empty.
    for line in new.lines { #expect(line.isBlank == new.text(of: line).isEmpty) }
  }

  @Test func edgeCasesGiveTheOldLines() {
    for text in Self.edgeTexts { Self.expectSameLines(text) }
  }

  @Test func randomTextsGiveTheOldLines() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      Self.expectSameLines(Self.randomText(&generator, lines: Int.random(in: 1...40)))
    }
  }

  @Test func invalidUTF8GivesTheOldLines() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...200, using: &generator) {
        // Mostly line structure, some stray bytes of every kind.
        bytes.append(
          Bool.random(using: &generator)
            ? [0x0A, 0x0D, 0x0C, 0x20, 0x61, 0x2A, 0x31].randomElement(using: &generator)!
            : UInt8.random(in: 0...255, using: &generator))
      }
      Self.expectSameLines(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// A line rewritten for its form feed lives in the patches, past the
  /// text's end; its neighbours still point into the text.
  @Test func formFeedLinesAreRewrittenAndTheRestPointIntoTheText() {
    let lines = SourceLines("first line\nsome\u{0C}text here\nlast line")
    let text = lines.lines.filter { !$0.isBlank }
    #expect(
      text.map { String(lines.text(of: $0)) } == ["first line", "sometext here", "last line"])
    #expect(text[1].start >= lines.patchBase)
    #expect(text[0].end <= lines.patchBase && text[2].end <= lines.patchBase)
    #expect(text[1].width == "sometext here".count)
  }

  /// Joining byte ranges gives what joining the substrings gave: spaces
  /// between lines, de-hyphenation, whitespace normalised.
  @Test func joiningRangesEqualsJoiningSubstrings() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let text = Self.randomText(&generator, lines: Int.random(in: 1...6))
      let lines = SourceLines(text)
      let ranges = lines.lines.filter { !$0.isBlank }.map(\.range)
      // Also a label taken off the first line, and an empty part.
      var parts = ranges
      // (Labels are ASCII: a cut falls between characters.)
      if let first = parts.first, first.count > 2,
        lines.withBytes({ $0[first].prefix(2).allSatisfy { $0 < 0x80 } })
      {
        parts[0] = (first.lowerBound + 2)..<first.upperBound
      }
      if Bool.random(using: &generator) { parts.append(0..<0) }
      let joined = lines.withBytes { TextJoiner.join(parts, in: $0) }
      let expected = TextJoiner.join(parts.map { lines.substring($0) })
      #expect(joined == expected, "\(text.debugDescription)")
    }
    #expect(
      SourceLines("imple-\nmentation").withBytes { bytes in
        TextJoiner.join([0..<6, 7..<16], in: bytes)
      } == "implementation")
  }

  /// The byte character tests agree with the same tests on characters,
  /// including marks that join the byte before them and U+037E (`;`).
  @Test func byteCharacterTestsEqualCharacterTests() {
    let ends = [
      ";", ".", ",", ":", "\"", "')", "\u{201D}", "\u{2019}", ";\u{301}", "\u{37E}", ".\u{301})",
      "x", "é", "\u{600}.", "to ", "that ", "to \u{301}", "t", "", " ", "\u{0}",
    ]
    var texts = [""]
    for first in ends { for second in ends { texts.append(first + second) } }
    for extra in ["tot", "to", "th", "thatx", "word to"] { texts.append(extra) }
    for text in texts {
      Substring(text).withUTF8Bytes { bytes in
        let line = { Substring(text) }
        for (byte, suffix) in [
          (UInt8(ascii: ";"), ";"), (UInt8(ascii: "."), "."), (UInt8(ascii: ","), ","),
        ] {
          #expect(
            LineCharacters.hasSuffix(bytes, byte, suffix, line: line) == text.hasSuffix(suffix),
            "\(text.debugDescription) \(suffix)")
        }
        #expect(
          LineCharacters.hasPrefix(bytes, "to ", line: line) == text.hasPrefix("to "),
          "\(text.debugDescription)")
        #expect(
          LineCharacters.hasPrefix(bytes, "that ", line: line) == text.hasPrefix("that "),
          "\(text.debugDescription)")
        #expect(
          LineCharacters.endsSentence(bytes, line: line)
            == LineCharacters.endsSentence(Substring(text)), "\(text.debugDescription)")
      }
    }
    // The characters decide where bytes would not: a mark joins the `;`.
    #expect(!LineCharacters.endsSentence(Substring("end;\u{301}")))
    #expect(LineCharacters.endsSentence(Substring("end\u{37E}")))
  }
}

/// The former substring lines, kept as the oracle of `ParserLineModelTests`
/// (a frozen copy of `SourceLines.split` before lines became byte ranges).
struct SubstringLines {
  struct Line: Equatable {
    var number: Int
    var text: String
    var width: Int
    var mayHaveMarks: Bool
    var isSoftBlank: Bool
  }

  var lines: [Line] = []
  var removed: [RemovedLine] = []
  var isHardWrapped = false
  var wrapWidth = 0

  init(_ raw: String) {
    let prepared = PreparedText(raw)
    let text = prepared.text
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    var runFirstBlank = 0
    var runTouchesNoise = false
    var inRun = false
    var substrings: [Substring] = []
    for position in prepared.rawLines.indices {
      let line = prepared.rawLines[position]
      let number = position + 1
      if line.textStart == line.textEnd && !line.formFeed {
        inRun = true
        if runFirstBlank == 0 { runFirstBlank = number }
        continue
      }
      var trimmed = text[index(line.textStart)..<index(line.textEnd)]
      var width = line.width
      if line.formFeed {
        removed.append(RemovedLine(line: number, text: "\u{0C}", reason: "form feed"))
        if trimmed.utf8.contains(0x0C) {
          let cleaned = String(trimmed.filter { $0 != "\u{0C}" })
          trimmed = SourceLines.trim(Substring(cleaned))
          width = SourceLines.characterCount(trimmed.utf8)
        }
      }
      var noise = line.formFeed && trimmed.isEmpty
      if !trimmed.isEmpty, Self.mayBeNoise(trimmed), let reason = PageNoise.reason(for: trimmed) {
        removed.append(RemovedLine(line: number, text: String(trimmed), reason: reason))
        noise = true
      }
      if noise || trimmed.isEmpty {
        inRun = true
        if noise {
          runTouchesNoise = true
        } else if runFirstBlank == 0 {
          runFirstBlank = number
        }
        continue
      }
      if inRun {
        lines.append(
          Line(
            number: runFirstBlank, text: "", width: 0, mayHaveMarks: true,
            isSoftBlank: runTouchesNoise || line.formFeed))
        substrings.append("")
        (inRun, runFirstBlank, runTouchesNoise) = (false, 0, false)
      }
      lines.append(
        Line(
          number: number, text: String(trimmed), width: width, mayHaveMarks: line.mayHaveMarks,
          isSoftBlank: false))
      substrings.append(trimmed)
    }
    if inRun {
      lines.append(
        Line(
          number: runFirstBlank, text: "", width: 0, mayHaveMarks: true,
          isSoftBlank: runTouchesNoise))
      substrings.append("")
    }
    var measures = SourceLines.LayoutMeasures()
    for (line, text) in zip(lines, substrings) where !text.isEmpty {
      measures.nonBlank += 1
      if line.width > SourceLines.longLine { measures.long += 1 }
      measures.widths[min(line.width, SourceLines.longLine + 1)] += 1
      if line.width >= 40, line.width <= SourceLines.longLine, let last = text.utf8.last,
        TextJoiner.isLetterOrDigit(last) || last == UInt8(ascii: "-")
      {
        measures.wrapped += 1
      }
    }
    var layout = SourceLines(raw)
    layout.applyLayout(measures)
    (isHardWrapped, wrapWidth) = (layout.isHardWrapped, layout.wrapWidth)
  }

  private static func mayBeNoise(_ line: Substring) -> Bool {
    let bytes = Array(line.utf8)
    guard bytes.count <= 80, let first = bytes.first else { return false }
    return (0x30...0x39).contains(first) || first == UInt8(ascii: "-") || first == 0xE2
      || first == UInt8(ascii: "P") || first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
      || first == UInt8(ascii: "A") || first == UInt8(ascii: "M") || first == UInt8(ascii: "S")
      || first == UInt8(ascii: "(")
      || ((0x41...0x5A).contains(first) && bytes.count > 1 && bytes[1] == UInt8(ascii: ":"))
  }
}
