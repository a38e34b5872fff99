/// What stands before a paragraph's text: a number (`1.`, `1.1`), a letter
/// (`a)`, `(a)`, `a.`), a roman numeral (`ii)`), a bullet, or nothing.
enum ClauseMarker: Equatable {
  /// `components` counts the parts of `1.1.2`; `last` is the value of the
  /// last part, for numbering-jump checks.
  case number(label: String, components: Int, last: Int)
  case letter(String)
  case roman(String)
  /// `i`, `v`, `x`: a letter or a roman numeral, decided by what precedes.
  case letterOrRoman(String)
  case bullet
  case none

  var label: String? {
    switch self {
    case .number(let label, _, _): label
    case .letter(let label), .roman(let label), .letterOrRoman(let label): label
    case .bullet, .none: nil
    }
  }
}

/// A marker found at the start of a line, and the text after it.
struct MarkedLine {
  var marker: ClauseMarker
  var rest: Substring
  /// Weak markers (`1 ` without a dot, dash bullets) may be ordinary words
  /// at the start of a wrapped line; they start a paragraph only where one
  /// can start.
  var isWeak: Bool
}

enum ClauseMarkerScanner {
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
    var scanner = ByteScanner(line)
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
    var scanner = ByteScanner(line)
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
