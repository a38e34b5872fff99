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

/// A marker found at the start of a line's bytes, and where the text after
/// it is (offsets into those bytes).
struct MarkedBytes {
  var marker: ClauseMarker
  var rest: Range<Int>
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
    line.withUTF8Bytes { scan(line, bytes: $0) }
  }

  /// `scan` on the line's UTF-8 bytes (`bytes` must be `line.utf8`).
  static func scan(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> MarkedLine? {
    guard let marked = scan(bytes: bytes) else { return nil }
    return MarkedLine(
      marker: marked.marker, rest: line.utf8Slice(marked.rest.lowerBound, marked.rest.upperBound),
      isWeak: marked.isWeak)
  }

  /// `scan` on a line's UTF-8 bytes alone: the text after the marker as
  /// offsets, so that no substring is made.
  static func scan(bytes: UnsafeBufferPointer<UInt8>) -> MarkedBytes? {
    guard let first = bytes.first else { return nil }
    // Most lines start with a letter of a word that has no closer: the
    // label scan rejects those without making anything.
    if first < 0x80, first != UInt8(ascii: "-"), first != UInt8(ascii: "*"),
      first != UInt8(ascii: "o")
    {
      return label(bytes, 0..<bytes.count)
    }
    if let (bulletEnd, weakBullet) = bullet(bytes) {
      let rest = bytes.trimmed(bulletEnd, bytes.count)
      if let inner = label(bytes, rest) {
        return MarkedBytes(marker: inner.marker, rest: inner.rest, isWeak: false)
      }
      return MarkedBytes(marker: .bullet, rest: rest, isWeak: weakBullet)
    }
    return label(bytes, 0..<bytes.count)
  }

  /// A bullet character followed by whitespace: where its text starts, and
  /// whether it is a dash (weak: dashes also occur as punctuation).
  private static func bullet(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Bool)? {
    guard let first = bytes.first else { return nil }
    var index = 1
    var weak = false
    switch first {
    case UInt8(ascii: "-"): weak = true
    case UInt8(ascii: "*"): break
    case UInt8(ascii: "o"):
      guard bytes.count > 1, bytes[1] == 0x09 else { return nil }
    case ..<0x80:
      // Every other bullet is a non-ASCII character.
      return nil
    default:
      // The bullets, as UTF-8: U+2013, U+2014 (weak), U+2022, U+2023,
      // U+25AA, U+25CF, U+25E6, U+F0B7, U+F02D, and U+00B7.
      if first == 0xC2 {
        guard bytes.count > 1, bytes[1] == 0xB7 else { return nil }
        index = 2
      } else {
        guard bytes.count > 2 else { return nil }
        switch (first, bytes[1], bytes[2]) {
        case (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94): weak = true
        case (0xE2, 0x80, 0xA2), (0xE2, 0x80, 0xA3), (0xE2, 0x96, 0xAA), (0xE2, 0x97, 0x8F),
          (0xE2, 0x97, 0xA6), (0xEF, 0x82, 0xB7), (0xEF, 0x80, 0xAD):
          break
        default: return nil
        }
        index = 3
      }
    }
    guard index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
    return (index, weak)
  }

  @inline(__always) private static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
  @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

  /// The label at the start of `bytes[range]`.
  private static func label(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> MarkedBytes?
  {
    guard !range.isEmpty else { return nil }
    let end = range.upperBound
    var index = range.lowerBound
    let first = bytes[index]
    if TextJoiner.isDigit(first) { return number(bytes, range) }
    let bracketed = first == UInt8(ascii: "(")
    if bracketed { index += 1 }
    let start = index
    var upper = false
    while index < end, index - start < 5 {
      let byte = bytes[index]
      if isLower(byte) {
      } else if isUpper(byte) {
        upper = true
      } else {
        break
      }
      index += 1
    }
    let letters = index - start
    guard letters > 0, index < end else { return nil }
    let wordEnd = index
    let closer = bytes[index]
    if bracketed {
      guard closer == UInt8(ascii: ")") else { return nil }
    } else {
      guard closer == UInt8(ascii: ")") || closer == UInt8(ascii: ".") else { return nil }
    }
    index += 1
    // `a)that` is common in converted text; `a.b` is not a label.
    if closer == UInt8(ascii: "."), index < end, bytes[index] != 0x20, bytes[index] != 0x09 {
      return nil
    }
    let marker: ClauseMarker
    if letters == 1 {
      let word = bytes.string(start, wordEnd)
      let byte = bytes[start]
      // `i`, `v`, `x`: a letter or a roman numeral, decided by what precedes.
      marker = byte == 0x69 || byte == 0x76 || byte == 0x78 ? .letterOrRoman(word) : .letter(word)
    } else if upper {
      return nil
    } else if let roman = romanNumeral(bytes, start, wordEnd) {
      marker = roman
    } else {
      return nil
    }
    return MarkedBytes(marker: marker, rest: bytes.trimmed(index, end), isWeak: false)
  }

  /// A lower-case roman numeral of two to five letters (`ii`, `xxiv`).
  private static func romanNumeral(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> ClauseMarker?
  {
    for index in start..<end {
      let byte = bytes[index]
      guard byte == 0x69 || byte == 0x76 || byte == 0x78 else { return nil }
    }
    let word = bytes.string(start, end)
    return romanNumerals.contains(word) ? .roman(word) : nil
  }

  /// `1`, `1.`, `1)`, `1.1`, `1.1.`: each part at most three digits (so a
  /// year at the start of a wrapped line is not a label).
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> MarkedBytes?
  {
    let end = range.upperBound
    var index = range.lowerBound
    var components = 0
    var last = 0
    var labelEnd = index
    var trailingDot = false
    while true {
      var value = 0
      let partStart = index
      while index < end, TextJoiner.isDigit(bytes[index]) {
        guard index - partStart < 3 else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      guard index > partStart else { break }
      last = value
      components += 1
      labelEnd = index
      trailingDot = false
      guard index < end, bytes[index] == UInt8(ascii: ".") else { break }
      index += 1
      trailingDot = true
    }
    guard components > 0 else { return nil }
    var strong = trailingDot || components > 1
    if !trailingDot, index < end, bytes[index] == UInt8(ascii: ")") {
      index += 1
      strong = true
    } else if index < end, bytes[index] != 0x20, bytes[index] != 0x09 {
      return nil
    }
    return MarkedBytes(
      marker: .number(
        label: bytes.string(range.lowerBound, labelEnd), components: components, last: last),
      rest: bytes.trimmed(index, end), isWeak: !strong)
  }
}
