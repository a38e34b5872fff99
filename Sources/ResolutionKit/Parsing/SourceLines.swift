/// One line of a file after cleaning: trimmed, page noise gone.
struct SourceLine {
  /// 1-based line number in the file.
  let number: Int
  /// The line without leading and trailing whitespace.
  let text: Substring
  /// Characters from the start of the raw line to the end of its text
  /// (indentation included): where the line stops on the page.
  let width: Int
  var isBlank: Bool { text.isEmpty }
  /// A blank line next to removed page noise: a page break, not
  /// necessarily a paragraph break.
  var isSoftBlank = false
}

/// A file split into clean lines, with what was removed and how the text is
/// laid out.
struct SourceLines {
  var lines: [SourceLine] = []
  var removed: [RemovedLine] = []
  var lineCount = 0
  /// True for hard-wrapped text (PDF extraction): paragraphs span several
  /// short lines. False when each line is a paragraph (Word, the seed).
  var isHardWrapped = false
  /// The right margin of hard-wrapped text, in characters.
  var wrapWidth = 0

  /// Lines longer than this are paragraphs, not wrapped lines.
  static let longLine = 100

  init(_ raw: String) {
    var text = raw
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    text = Self.replacingNoBreakSpaces(text)
    split(text)
    measureLayout()
  }

  /// NBSP (U+00A0) and narrow NBSP (U+202F) become plain spaces; the text
  /// is copied only when it has any.
  private static func replacingNoBreakSpaces(_ text: String) -> String {
    var text = text
    text.makeContiguousUTF8()
    let replaced = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
      var out: [UInt8]? = nil
      var index = 0
      var copied = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte < 0xC2 {
          index += 1
          continue
        }
        var length = 0
        if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
          length = 2
        } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xAF
        {
          length = 3
        }
        if length == 0 {
          index += 1
          continue
        }
        if out == nil {
          out = []
          out?.reserveCapacity(count)
        }
        out?.append(contentsOf: bytes[copied..<index])
        out?.append(0x20)
        index += length
        copied = index
      }
      if out != nil { out?.append(contentsOf: bytes[copied..<count]) }
      return out
    }
    guard let bytes = replaced ?? nil else { return text }
    return String(decoding: bytes, as: UTF8.self)
  }

  private enum Entry {
    case text(SourceLine, afterFormFeed: Bool)
    case blank(Int)
    case noise
  }

  /// One raw line as byte offsets into the text.
  private struct RawLine {
    var start: Int
    var textStart: Int
    var textEnd: Int
    var width: Int
    var formFeed: Bool
  }

  /// Splits on LF, CRLF and CR, scanning the bytes once.
  private static func rawLines(_ text: String) -> [RawLine] {
    var text = text
    text.makeContiguousUTF8()
    let scanned = text.utf8.withContiguousStorageIfAvailable { bytes -> [RawLine] in
      var lines: [RawLine] = []
      lines.reserveCapacity(bytes.count / 60 + 1)
      var start = 0
      var index = 0
      var formFeed = false
      let count = bytes.count
      func finish(_ end: Int) {
        var textStart = start
        var textEnd = end
        while textStart < textEnd && isSpace(bytes[textStart]) { textStart += 1 }
        while textEnd > textStart && isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
        var width = 0
        for offset in start..<textEnd where bytes[offset] & 0xC0 != 0x80 { width += 1 }
        lines.append(
          RawLine(
            start: start, textStart: textStart, textEnd: textEnd, width: width, formFeed: formFeed))
      }
      while index < count {
        let byte = bytes[index]
        if byte > 0x0D {
          index += 1
          continue
        }
        if byte == 0x0A || byte == 0x0D {
          finish(index)
          index += 1
          if byte == 0x0D && index < count && bytes[index] == 0x0A { index += 1 }
          start = index
          formFeed = false
        } else {
          if byte == 0x0C { formFeed = true }
          index += 1
        }
      }
      if start < count { finish(count) }
      return lines
    }
    return scanned ?? []
  }

  private mutating func split(_ text: String) {
    var entries: [Entry] = []
    let raw = Self.rawLines(text)
    entries.reserveCapacity(raw.count)
    let utf8 = text.utf8
    func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
    for (position, line) in raw.enumerated() {
      let number = position + 1
      var trimmed = text[index(line.textStart)..<index(line.textEnd)]
      var width = line.width
      if line.formFeed {
        removed.append(RemovedLine(line: number, text: "\u{0C}", reason: "form feed"))
        if trimmed.utf8.contains(0x0C) {
          let cleaned = String(trimmed.filter { $0 != "\u{0C}" })
          trimmed = Self.trim(Substring(cleaned))
          width = Self.characterCount(trimmed)
        }
      }
      if trimmed.isEmpty {
        entries.append(line.formFeed ? .noise : .blank(number))
        continue
      }
      if Self.mayBeNoise(trimmed), let reason = PageNoise.reason(for: trimmed) {
        removed.append(RemovedLine(line: number, text: String(trimmed), reason: reason))
        entries.append(.noise)
        continue
      }
      entries.append(
        .text(SourceLine(number: number, text: trimmed, width: width), afterFormFeed: line.formFeed)
      )
    }
    lineCount = raw.count
    resolveBlanks(entries)
  }

  /// A cheap first test: page noise is short and starts with a digit, a
  /// dash, `Page`, `Res.`, `Dec.`, a margin mark or a drive letter.
  private static func mayBeNoise(_ line: Substring) -> Bool {
    let utf8 = line.utf8
    guard utf8.count <= 80, let first = utf8.first else { return false }
    return (0x30...0x39).contains(first) || first == UInt8(ascii: "-") || first == 0xE2
      || first == UInt8(ascii: "P") || first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
      || first == UInt8(ascii: "A") || first == UInt8(ascii: "M") || first == UInt8(ascii: "S")
      || first == UInt8(ascii: "(")
      || ((0x41...0x5A).contains(first) && utf8.dropFirst().first == UInt8(ascii: ":"))
  }

  /// Keeps text lines and one blank per run of blank lines; a run that
  /// touches page noise or a form feed becomes a soft blank (page break).
  private mutating func resolveBlanks(_ entries: [Entry]) {
    var index = 0
    while index < entries.count {
      if case .text(let line, _) = entries[index] {
        lines.append(line)
        index += 1
        continue
      }
      var touchesNoise = false
      var firstBlank = 0
      while index < entries.count {
        if case .text = entries[index] { break }
        switch entries[index] {
        case .noise: touchesNoise = true
        case .blank(let number): if firstBlank == 0 { firstBlank = number }
        case .text: break
        }
        index += 1
      }
      if index < entries.count, case .text(_, let afterFormFeed) = entries[index], afterFormFeed {
        touchesNoise = true
      }
      var blank = SourceLine(number: firstBlank, text: "", width: 0)
      blank.isSoftBlank = touchesNoise
      lines.append(blank)
    }
  }

  private mutating func measureLayout() {
    var counts = [Int](repeating: 0, count: Self.longLine + 2)
    var nonBlank = 0
    var long = 0
    // Lines that stop mid-sentence at a typical margin: evidence of wrapping.
    var wrapped = 0
    for line in lines where !line.isBlank {
      nonBlank += 1
      if line.width > Self.longLine { long += 1 }
      counts[min(line.width, Self.longLine + 1)] += 1
      if line.width >= 40, line.width <= Self.longLine, let last = line.text.utf8.last,
        TextJoiner.isLetterOrDigit(last) || last == UInt8(ascii: "-")
      {
        wrapped += 1
      }
    }
    isHardWrapped = nonBlank > 0 && long * 50 < nonBlank && wrapped >= 2 && wrapped * 10 >= nonBlank
    // The right margin: the width that 95% of the wrapped lines stay within.
    let short = nonBlank - long
    var seen = 0
    wrapWidth = Self.longLine
    for width in 0...Self.longLine {
      seen += counts[width]
      if seen * 100 >= short * 95 {
        wrapWidth = width
        break
      }
    }
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

  static func trim(_ line: Substring) -> Substring {
    let utf8 = line.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start != end, isSpace(utf8[start]) { start = utf8.index(after: start) }
    while end != start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
    return line[start..<end]
  }

  /// Unicode scalars in the text, counted on bytes (no decoding).
  static func characterCount(_ text: Substring) -> Int {
    var count = 0
    for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }
}
