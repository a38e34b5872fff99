import Foundation

/// Footnotes in text taken from PDF: markers in the text (`Resolution
/// 1282¹`, `Resolution 1282*`) and footnote lines (`¹ See Document C09/42.`,
/// `* Approved by correspondence.`), at the foot of a page or put inline by
/// a converter.
///
/// Markers are compared by value: `¹` and `1` are the same mark. Plain
/// digits after a word (`Resolution 1300 1`) are not taken as markers: a
/// number is never stripped from the text.
enum FootnoteMarks {
  /// A marker taken out of a text: its value (`"1"` for `¹`, `"*"`) and
  /// the UTF-8 offset in the stripped text where it stood.
  struct StrippedMark: Equatable {
    var key: String
    var offset: Int
  }

  /// Superscript digits and their values.
  static func superscriptValue(_ scalar: Unicode.Scalar) -> UInt8? {
    switch scalar {
    case "\u{2070}": 0
    case "\u{00B9}": 1
    case "\u{00B2}": 2
    case "\u{00B3}": 3
    case "\u{2074}"..."\u{2079}": UInt8(scalar.value - 0x2070)
    default: nil
    }
  }

  /// A footnote line: its mark as printed, the mark's value (`"1"`, `"*"`)
  /// and the text after it. `*` lines count only when `allowStar` (a `*`
  /// marker is waiting), since `* ` is also a bullet.
  static func footnoteLine(_ line: Substring, allowStar: Bool) -> (
    mark: String, key: String, text: Substring
  )? {
    let scalars = line.unicodeScalars
    var index = scalars.startIndex
    var key = ""
    while index != scalars.endIndex, let value = superscriptValue(scalars[index]), key.count < 3 {
      key.append(Character(Unicode.Scalar(value + 0x30)))
      index = scalars.index(after: index)
    }
    if key.isEmpty {
      guard allowStar, index != scalars.endIndex, scalars[index] == "*" else { return nil }
      key = "*"
      index = scalars.index(after: index)
      guard index != scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" else {
        return nil
      }
    }
    let mark = String(line[line.startIndex..<index])
    let text = SourceLines.trim(line[index...])
    guard !text.isEmpty else { return nil }
    return (mark, key, text)
  }

  /// Whether the text has a `*` marker: `*` right after a letter, digit or
  /// closing bracket, before a space, punctuation or the end.
  static func hasStarMarker(_ text: Substring) -> Bool {
    text.withUTF8Bytes { hasStarMarker(bytes: $0) }
  }

  /// `hasStarMarker` on the text's UTF-8 bytes.
  static func hasStarMarker(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in bytes.indices where bytes[index] == UInt8(ascii: "*") && index > 0 {
      if isMarkerEnd(bytes, index) { return true }
    }
    return false
  }

  private static func isMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let before = bytes[index - 1]
    guard TextJoiner.isLetterOrDigit(before) || before == UInt8(ascii: ")") else { return false }
    guard index + 1 < bytes.count else { return true }
    let after = bytes[index + 1]
    return after == 0x20 || after == UInt8(ascii: ",") || after == UInt8(ascii: ";")
      || after == UInt8(ascii: ".") || after == UInt8(ascii: ":") || after == UInt8(ascii: ")")
  }

  /// The text without its markers, and each marker's key in order with
  /// where it stood (a UTF-8 offset into the returned text). Superscript
  /// digits after a non-space are markers; so is a `*` as in
  /// `hasStarMarker`. `removed` records what was taken out, to carry
  /// offsets found earlier over to the returned text.
  static func strip(_ text: String) -> (text: String, marks: [StrippedMark], removed: TextRemovals)
  {
    guard
      TextJoiner.containsByte(text, where: { $0 == UInt8(ascii: "*") || $0 == 0xC2 || $0 == 0xE2 })
    else { return (text, [], TextRemovals()) }
    var out = String.UnicodeScalarView()
    var outBytes = 0
    var inBytes = 0
    var marks: [StrippedMark] = []
    var removed = TextRemovals()
    var pending = ""
    var previous: Unicode.Scalar = " "
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      let width = UTF8.width(scalar)
      defer { inBytes += width }
      if let value = superscriptValue(scalar), previous != " " || !pending.isEmpty {
        if pending.isEmpty { marks.append(StrippedMark(key: "", offset: outBytes)) }
        pending.append(Character(Unicode.Scalar(value + 0x30)))
        removed.record(at: inBytes, length: width)
        continue
      }
      if !pending.isEmpty {
        marks[marks.count - 1].key = pending
        pending = ""
      }
      if scalar == "*", index > 0, isStarMarker(scalars, index) {
        marks.append(StrippedMark(key: "*", offset: outBytes))
        removed.record(at: inBytes, length: width)
        continue
      }
      out.append(scalar)
      outBytes += width
      previous = scalar
    }
    if !pending.isEmpty { marks[marks.count - 1].key = pending }
    return (String(out), marks, removed)
  }

  /// A marker at the very start of a text, as left after a header's
  /// bracket (`RESOLUTION 1282 (C09)¹`): its key and the text after it.
  static func leadingMarker(_ text: Substring) -> (key: String, rest: Substring)? {
    var key = ""
    var index = text.unicodeScalars.startIndex
    while index != text.unicodeScalars.endIndex, key.count < 3,
      let value = superscriptValue(text.unicodeScalars[index])
    {
      key.append(Character(Unicode.Scalar(value + 0x30)))
      index = text.unicodeScalars.index(after: index)
    }
    if key.isEmpty, index != text.unicodeScalars.endIndex, text.unicodeScalars[index] == "*" {
      key = "*"
      index = text.unicodeScalars.index(after: index)
    }
    guard !key.isEmpty else { return nil }
    let rest = text[index...]
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    return (key, SourceLines.trim(rest))
  }

  /// A footnote put inline by a reader, `[footnote 1: text]` or
  /// `[endnote i: text]` (see `SourceReader`), lifted out of the text.
  struct InlineNote: Equatable {
    var mark: String
    var text: String
    /// UTF-8 offset in the returned text where the note stood.
    var offset: Int
  }

  /// The text without its inline notes (and the space a reader put before
  /// each), and the notes in order. A note without text (`[footnote 1]`,
  /// its note missing from the file) stays in the text.
  static func liftInlineNotes(_ text: String) -> (
    text: String, notes: [InlineNote], removed: TextRemovals
  ) {
    guard TextJoiner.containsByte(text, UInt8(ascii: "[")),
      text.contains("[footnote ") || text.contains("[endnote ")
    else { return (text, [], TextRemovals()) }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var notes: [InlineNote] = []
    var removed = TextRemovals()
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "["), let note = inlineNote(bytes, at: index) else {
        out.append(bytes[index])
        index += 1
        continue
      }
      var start = index
      var end = note.end
      if out.last == 0x20 {
        out.removeLast()
        start -= 1
      } else if out.isEmpty, end < bytes.count, bytes[end] == 0x20 {
        end += 1
      }
      removed.record(at: start, length: end - start)
      notes.append(InlineNote(mark: note.mark, text: note.text, offset: out.count))
      index = end
    }
    return (String(decoding: out, as: UTF8.self), notes, removed)
  }

  /// The inline note whose `[` is at `start`: its mark, text and the
  /// offset after its closing `]` (brackets inside the text nest).
  private static func inlineNote(_ bytes: [UInt8], at start: Int) -> (
    mark: String, text: String, end: Int
  )? {
    var index = start + 1
    var matched = false
    for word in ["footnote ", "endnote "] {
      let utf8 = Array(word.utf8)
      if bytes.count - index >= utf8.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8)
      {
        index += utf8.count
        matched = true
        break
      }
    }
    guard matched else { return nil }
    let markStart = index
    while index < bytes.count, bytes[index] != UInt8(ascii: ":"), bytes[index] != 0x20,
      bytes[index] != UInt8(ascii: "]"), index - markStart <= 12
    {
      index += 1
    }
    guard index > markStart, index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"),
      bytes[index + 1] == 0x20
    else { return nil }
    let mark = String(decoding: bytes[markStart..<index], as: UTF8.self)
    let textStart = index + 2
    var depth = 0
    index = textStart
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"):
        if depth == 0 {
          let text = String(decoding: bytes[textStart..<index], as: UTF8.self)
          let trimmed = text.trimmingCharacters(in: .whitespaces)
          return trimmed.isEmpty ? nil : (mark, trimmed, index + 1)
        }
        depth -= 1
      default: break
      }
      index += 1
    }
    return nil
  }

  private static func isStarMarker(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    let before = scalars[index - 1]
    guard before.properties.isAlphabetic || ("0"..."9").contains(before) || before == ")" else {
      return false
    }
    guard index + 1 < scalars.count else { return true }
    return " ,;.:)".unicodeScalars.contains(scalars[index + 1])
  }

  /// A plain-digit footnote line `1 Approved by …`: its number and text.
  static func plainFootnoteLine(_ line: Substring) -> (key: String, text: Substring)? {
    let utf8 = line.utf8
    var index = utf8.startIndex
    var digits = 0
    while index != utf8.endIndex, TextJoiner.isDigit(utf8[index]), digits < 3 {
      index = utf8.index(after: index)
      digits += 1
    }
    guard (1...2).contains(digits), index != utf8.endIndex,
      utf8[index] == 0x20 || utf8[index] == 0x09
    else { return nil }
    let key = String(line[line.startIndex..<index])
    let text = SourceLines.trim(line[index...])
    guard let initial = text.utf8.first, (0x41...0x5A).contains(initial) else { return nil }
    return (key, text)
  }

  /// The range of a plain-digit marker `key` in the text: ` 1` right after
  /// a number or a closing bracket (`Resolution 1300 1 of`, `(Mod. 2008) 1,`)
  /// and before a space, punctuation or the end; the last one if several.
  /// A number after a word (`resolves 1`) is never a marker.
  static func plainMarkerRange(_ key: String, in text: String) -> Range<String.Index>? {
    let bytes = Array(text.utf8)
    let keyBytes = Array(key.utf8)
    var found: Int?
    var index = 1
    while index + keyBytes.count < bytes.count + 1 {
      defer { index += 1 }
      guard bytes[index - 1] == 0x20, index >= 2,
        bytes[index..<(index + keyBytes.count)].elementsEqual(keyBytes)
      else { continue }
      let before = bytes[index - 2]
      guard TextJoiner.isDigit(before) || before == UInt8(ascii: ")") else { continue }
      let end = index + keyBytes.count
      if end < bytes.count {
        let after = bytes[end]
        guard
          after == 0x20 || after == UInt8(ascii: ",") || after == UInt8(ascii: ";")
            || after == UInt8(ascii: ".") || after == UInt8(ascii: ":")
        else { continue }
      }
      found = index - 1
    }
    guard let start = found else { return nil }
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: start)
    let upper = utf8.index(lower, offsetBy: 1 + keyBytes.count)
    return lower..<upper
  }
}

/// Byte ranges taken out of a text, so that an offset into the text
/// before can be carried over to the text after.
struct TextRemovals {
  /// Start (in the text before) and length of each removal, in order.
  private var ranges: [(start: Int, length: Int)] = []

  mutating func record(at start: Int, length: Int) {
    if let last = ranges.last, last.start + last.length == start {
      ranges[ranges.count - 1].length += length
    } else {
      ranges.append((start, length))
    }
  }

  /// Where `offset` of the text before lands in the text after; an offset
  /// inside a removed range lands where the range was.
  func map(_ offset: Int) -> Int {
    var shift = 0
    for range in ranges {
      if range.start >= offset { break }
      shift += min(range.length, offset - range.start)
    }
    return offset - shift
  }
}
