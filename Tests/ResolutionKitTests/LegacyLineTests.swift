// The parser's line tests as they were before they read bytes through
// `UnsafeBufferPointer` (main at f8ebaa8), kept as oracles: the byte-level
// versions must answer the same on every input, non-ASCII included.

@testable import ResolutionKit

/// A tiny forward scanner over the UTF-8 bytes of a line.
struct LegacyByteScanner {
  let bytes: Substring.UTF8View
  var index: Substring.UTF8View.Index

  init(_ text: Substring) {
    bytes = text.utf8
    index = bytes.startIndex
  }

  var atEnd: Bool { index == bytes.endIndex }
  var peek: UInt8? { atEnd ? nil : bytes[index] }

  mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    index = bytes.index(after: index)
    return true
  }

  mutating func take(literal: StaticString) -> Bool {
    var probe = index
    let count = literal.utf8CodeUnitCount
    let start = literal.utf8Start
    for offset in 0..<count {
      guard probe != bytes.endIndex, bytes[probe] == start[offset] else { return false }
      probe = bytes.index(after: probe)
    }
    index = probe
    return true
  }

  /// Consumes ASCII digits; returns how many.
  mutating func digits() -> Int {
    var count = 0
    while let byte = peek, byte >= 0x30 && byte <= 0x39 {
      index = bytes.index(after: index)
      count += 1
    }
    return count
  }

  mutating func skipSpaces() {
    while let byte = peek, byte == 0x20 || byte == 0x09 { index = bytes.index(after: index) }
  }

  /// Consumes `-`, `–` (U+2013) or `—` (U+2014).
  mutating func dash() -> Bool {
    if take(UInt8(ascii: "-")) { return true }
    var probe = index
    for expected: UInt8 in [0xE2, 0x80] {
      guard probe != bytes.endIndex, bytes[probe] == expected else { return false }
      probe = bytes.index(after: probe)
    }
    guard probe != bytes.endIndex, bytes[probe] == 0x93 || bytes[probe] == 0x94 else {
      return false
    }
    index = bytes.index(after: probe)
    return true
  }
}

enum LegacyClauseMarkerScanner {
  static let romanNumerals: Set<String> = {
    let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    let tens = ["", "x", "xx", "xxx"]
    var all: Set<String> = []
    for ten in tens { for one in ones where !(ten + one).isEmpty { all.insert(ten + one) } }
    return all
  }()

  /// The marker at the start of a trimmed line, or nil for plain text.
  /// List-conversion debris is skipped: in `- 1. text` the label is `1`.
  static func scan(_ line: Substring) -> MarkedLine? {
    if let (bulletEnd, weakBullet) = bullet(line) {
      let rest = SourceLines.trim(line[bulletEnd...])
      if let inner = label(rest) {
        return MarkedLine(marker: inner.marker, rest: inner.rest, isWeak: false)
      }
      return MarkedLine(marker: .bullet, rest: rest, isWeak: weakBullet)
    }
    return label(line)
  }

  /// A bullet character followed by whitespace: where its text starts, and
  /// whether it is a dash (weak: dashes also occur as punctuation).
  private static func bullet(_ line: Substring) -> (Substring.Index, Bool)? {
    let utf8 = line.utf8
    guard let first = utf8.first else { return nil }
    var index = utf8.startIndex
    var weak = false
    switch first {
    case UInt8(ascii: "-"):
      weak = true
      index = utf8.index(after: index)
    case UInt8(ascii: "*"): index = utf8.index(after: index)
    case UInt8(ascii: "o"):
      index = utf8.index(after: index)
      guard index != utf8.endIndex, utf8[index] == 0x09 else { return nil }
    case ..<0x80:
      // Every other bullet is a non-ASCII character.
      return nil
    default:
      let scalar = line.unicodeScalars.first!
      switch scalar {
      case "\u{2013}", "\u{2014}": weak = true
      case "\u{2022}", "\u{00B7}", "\u{25AA}", "\u{25CF}", "\u{25E6}", "\u{2023}", "\u{F0B7}",
        "\u{F02D}":
        break
      default: return nil
      }
      index = line.unicodeScalars.index(after: line.unicodeScalars.startIndex)
    }
    guard index != utf8.endIndex, utf8[index] == 0x20 || utf8[index] == 0x09 else { return nil }
    return (index, weak)
  }

  private static func label(_ line: Substring) -> MarkedLine? {
    var scanner = LegacyByteScanner(line)
    guard let first = scanner.peek else { return nil }
    if TextJoiner.isDigit(first) { return number(line) }
    let bracketed = scanner.take(UInt8(ascii: "("))
    let start = scanner.index
    var letters = 0
    var upper = false
    while let byte = scanner.peek, letters < 5 {
      if (0x61...0x7A).contains(byte) {
      } else if (0x41...0x5A).contains(byte) {
        upper = true
      } else {
        break
      }
      letters += 1
      scanner.index = line.utf8.index(after: scanner.index)
    }
    guard letters > 0 else { return nil }
    let wordEnd = scanner.index
    let closer = scanner.peek
    if bracketed {
      guard closer == UInt8(ascii: ")") else { return nil }
    } else {
      guard closer == UInt8(ascii: ")") || closer == UInt8(ascii: ".") else { return nil }
    }
    // Only now the word: most lines starting with letters have no closer.
    let word = String(line[start..<wordEnd])
    scanner.index = line.utf8.index(after: scanner.index)
    // `a)that` is common in converted text; `a.b` is not a label.
    if closer == UInt8(ascii: ".") && !scanner.atEnd && scanner.peek != 0x20 && scanner.peek != 0x09
    {
      return nil
    }
    let marker: ClauseMarker
    if letters == 1 && upper {
      marker = .letter(word)
    } else if upper {
      return nil
    } else if word == "i" || word == "v" || word == "x" {
      marker = .letterOrRoman(word)
    } else if letters == 1 {
      marker = .letter(word)
    } else if word.utf8.allSatisfy({ $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }),
      romanNumerals.contains(word)
    {
      marker = .roman(word)
    } else {
      return nil
    }
    let rest = SourceLines.trim(line[scanner.index...])
    return MarkedLine(marker: marker, rest: rest, isWeak: false)
  }

  /// `1`, `1.`, `1)`, `1.1`, `1.1.`: each part at most three digits (so a
  /// year at the start of a wrapped line is not a label).
  private static func number(_ line: Substring) -> MarkedLine? {
    var scanner = LegacyByteScanner(line)
    var components = 0
    var last = 0
    var labelEnd = scanner.index
    var trailingDot = false
    while true {
      var value = 0
      var count = 0
      while let byte = scanner.peek, TextJoiner.isDigit(byte) {
        guard count < 3 else { return nil }
        value = value * 10 + Int(byte - 0x30)
        count += 1
        scanner.index = line.utf8.index(after: scanner.index)
      }
      guard count > 0 else { break }
      last = value
      components += 1
      labelEnd = scanner.index
      trailingDot = false
      guard scanner.take(UInt8(ascii: ".")) else { break }
      trailingDot = true
    }
    guard components > 0 else { return nil }
    var strong = trailingDot || components > 1
    if !trailingDot, scanner.take(UInt8(ascii: ")")) {
      strong = true
    } else if !scanner.atEnd && scanner.peek != 0x20 && scanner.peek != 0x09 {
      return nil
    }
    let rest = SourceLines.trim(line[scanner.index...])
    let label = String(line[line.startIndex..<labelEnd])
    return MarkedLine(
      marker: .number(label: label, components: components, last: last), rest: rest,
      isWeak: !strong)
  }
}

enum LegacyHeadingPhrases {
  static let closed = HeadingPhrases.closed
  static let openEnded = HeadingPhrases.openEnded
  static let addresseeStarts = HeadingPhrases.addresseeStarts
  static let maximumLength = HeadingPhrases.maximumLength
  typealias Match = HeadingPhrases.Match

  private static let closedByPhrase: [String: SectionRole] = Dictionary(
    closed.map { ($0.phrase, $0.role) }, uniquingKeysWith: { first, _ in first })
  private static let longestClosed = closed.map(\.phrase.utf8.count).max() ?? 0

  private static let longestFirstWord = firstWords.map(\.utf8.count).max() ?? 0

  /// First words of all phrases: a cheap test that rejects most lines.
  private static let firstWords: Set<Substring> = Set(
    (closed.map(\.phrase) + openEnded.map(\.phrase)).compactMap {
      $0.split(separator: " ").first
    })

  /// Whether the (trimmed) line is a heading, and which.
  static func match(_ line: Substring) -> Match? {
    guard line.utf8.count <= maximumLength, let first = line.utf8.first else { return nil }
    guard (0x61...0x7A).contains(first) || (0x41...0x5A).contains(first) else { return nil }
    let wordEnd =
      line.utf8.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C || $0 == 0x3A } ?? line.endIndex
    let firstWord = line[..<wordEnd]
    // Phrases start with a word of letters: rejects `a)`, `1.1` cheaply.
    guard firstWord.utf8.count <= longestFirstWord,
      firstWord.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) })
    else { return nil }
    if (0x61...0x7A).contains(first) {
      guard firstWords.contains(firstWord) else { return nil }
    } else {
      guard firstWords.contains(Substring(firstWord.lowercased())) else { return nil }
    }
    var body = line
    if let last = body.last, last == "," || last == ":" { body = body.dropLast() }
    if let last = body.last, last == "." || last == ";" || last == "!" || last == "?" {
      return nil
    }
    let normalised = TextJoiner.normalisingWhitespace(body)
    if normalised.utf8.count <= longestClosed,
      let role = closedByPhrase[normalised.lowercased()]
    {
      return Match(heading: normalised, role: role, isOpenEnded: false)
    }
    guard (0x61...0x7A).contains(first) else { return nil }
    for entry in openEnded {
      guard normalised.utf8.count > entry.phrase.utf8.count,
        normalised.utf8.starts(with: entry.phrase.utf8),
        normalised.utf8.dropFirst(entry.phrase.utf8.count).first == 0x20
      else { continue }
      let addressee = normalised.dropFirst(entry.phrase.count + 1)
      if isAddressee(addressee) {
        return Match(heading: normalised, role: entry.role, isOpenEnded: true)
      }
    }
    return nil
  }

  /// `the Secretary-General`, `Member States`: not `to take action`, not
  /// `that the …`, and no clause-like `to` after the addressee.
  private static func isAddressee(_ text: Substring) -> Bool {
    let firstWord: Substring
    let capitalised: Bool
    if let ascii = asciiFirstWord(text) {
      // The same word and test as below, on bytes.
      firstWord = ascii
      capitalised = ascii.utf8.first.map { (0x41...0x5A).contains($0) } ?? false
    } else {
      guard let word = text.split(separator: " ", maxSplits: 1).first,
        let initial = word.unicodeScalars.first
      else { return false }
      firstWord = word
      capitalised = initial.properties.isUppercase
    }
    guard capitalised || addresseeStarts.contains(Substring(firstWord.lowercased())) else {
      return false
    }
    return !containsWord("to", in: text) && !containsWord("that", in: text)
  }

  /// The text's first word when it and the byte after it are ASCII and it
  /// does not start with a space: then splitting on bytes finds the same
  /// word as splitting on characters (no combining mark can join the space).
  private static func asciiFirstWord(_ text: Substring) -> Substring? {
    let utf8 = text.utf8
    guard let head = utf8.first, head != 0x20 else { return nil }
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte >= 0x80 { return nil }
      if byte == 0x20 { break }
      index = utf8.index(after: index)
    }
    if index != utf8.endIndex {
      let next = utf8.index(after: index)
      if next != utf8.endIndex, utf8[next] >= 0x80 { return nil }
    }
    return text[text.startIndex..<index]
  }

  /// Whether `word` stands in `text` between spaces (or at either end);
  /// a byte scan, as this runs for every open-ended heading candidate.
  private static func containsWord(_ word: StaticString, in text: Substring) -> Bool {
    let target = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    var matched = 0
    var atWordStart = true
    for byte in text.utf8 {
      if byte == 0x20 {
        if matched == target.count { return true }
        matched = 0
        atWordStart = true
        continue
      }
      if atWordStart, matched < target.count, byte == target[matched] {
        matched += 1
      } else {
        atWordStart = false
        matched = target.count + 1
      }
    }
    return matched == target.count
  }
}

enum LegacyEnactingLine {
  /// Whether the line starts an enacting formula; it may wrap, and is
  /// complete once it ends with a comma.
  static func starts(_ line: Substring) -> Bool {
    guard line.utf8.first == UInt8(ascii: "T"), line.utf8.count <= 300,
      let body = IssuingBodies.body(inEnactingLine: line)
    else {
      return false
    }
    let rest = line.dropFirst(4 + body.count)
    return rest.isEmpty || rest == "," || rest.hasPrefix(" (")
      || rest.hasPrefix(" of the ")
  }

  static func isComplete(_ text: Substring) -> Bool { text.hasSuffix(",") || text.hasSuffix(":") }
}

enum LegacySourcesLine {
  static func content(of line: Substring) -> Substring? {
    var scanner = LegacyByteScanner(line)
    guard scanner.take(literal: "Ref") else { return nil }
    _ = scanner.take(UInt8(ascii: "."))
    scanner.skipSpaces()
    guard scanner.take(UInt8(ascii: ":")) else { return nil }
    return SourceLines.trim(line[scanner.index...])
  }

  private static func trimmed(_ text: Substring) -> Substring { SourceLines.trim(text) }

}

struct LegacyHeader: Equatable {
  var kind: DocumentKind
  var number: String
  var revision: Substring?
  var titleStart: Substring

  static func parse(_ line: Substring, atParagraphStart: Bool) -> LegacyHeader? {
    guard let first = line.utf8.first, first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
    else { return nil }
    var scanner = LegacyByteScanner(line)
    let kind: DocumentKind
    var mixedCase = false
    var short = false
    if scanner.take(literal: "RESOLUTION ") {
      kind = .resolution
    } else if scanner.take(literal: "DECISION ") {
      kind = .decision
    } else if scanner.take(literal: "Resolution ") {
      (kind, mixedCase) = (.resolution, true)
    } else if scanner.take(literal: "Decision ") {
      (kind, mixedCase) = (.decision, true)
    } else if scanner.take(literal: "R ") || scanner.take(literal: "R\t") {
      (kind, short) = (.resolution, true)
    } else if scanner.take(literal: "D ") || scanner.take(literal: "D\t") {
      (kind, short) = (.decision, true)
    } else {
      return nil
    }
    if mixedCase && !atParagraphStart { return nil }
    scanner.skipSpaces()
    let numberStart = scanner.index
    guard (1...6).contains(scanner.digits()) else { return nil }
    let number = String(line[numberStart..<scanner.index])
    guard scanner.atEnd || scanner.peek == 0x20 || scanner.peek == 0x09 else { return nil }
    scanner.skipSpaces()
    var revision: Substring?
    if scanner.peek == UInt8(ascii: "(") {
      let open = line.utf8.index(after: scanner.index)
      guard let close = line.utf8[open...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
      revision = SourceLines.trim(line[open..<close])
      scanner.index = line.utf8.index(after: close)
      scanner.skipSpaces()
    }
    let rest = line[scanner.index...]
    // Without a bracket, the long forms stand alone on their line and the
    // mixed-case form must stand alone even with one.
    if mixedCase && !rest.isEmpty { return nil }
    if !short && revision == nil && !rest.isEmpty { return nil }
    if short && !rest.isEmpty, let initial = rest.unicodeScalars.first,
      !initial.properties.isUppercase && initial != "("
    {
      return nil
    }
    return LegacyHeader(kind: kind, number: number, revision: revision, titleStart: rest)
  }

}

enum LegacyChapterLine {
  static let maximumLength = ChapterLine.maximumLength

  static func parse(_ line: Substring) -> ChapterLine? {
    guard line.utf8.count <= maximumLength else { return nil }
    var scanner = LegacyByteScanner(line)
    var parts = 0
    while true {
      let count = scanner.digits()
      guard (1...2).contains(count) else { return nil }
      parts += 1
      if !scanner.take(UInt8(ascii: ".")) { break }
      if scanner.peek == 0x20 || scanner.peek == 0x09 { break }
    }
    guard parts <= 3 else { return nil }
    var numberEnd = scanner.index
    if line.utf8[line.utf8.index(before: numberEnd)] == UInt8(ascii: ".") {
      numberEnd = line.utf8.index(before: numberEnd)
    }
    guard scanner.peek == 0x20 || scanner.peek == 0x09 else { return nil }
    scanner.skipSpaces()
    let title = line[scanner.index...]
    guard let initial = title.unicodeScalars.first, initial.properties.isUppercase,
      let last = title.last, last.isLetter || last == ")"
    else { return nil }
    // Titles are noun phrases: a few words, no commas or sentence marks.
    guard !title.contains(where: { ",;:.".contains($0) }),
      title.split(separator: " ").count <= 6
    else { return nil }
    return ChapterLine(
      number: String(line[line.startIndex..<numberEnd]),
      title: TextJoiner.normalisingWhitespace(title))
  }
}
