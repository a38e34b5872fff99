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

  /// NBSP (U+00A0) and narrow NBSP (U+202F) become plain spaces.
  private static func replacingNoBreakSpaces(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(0xC2) || utf8.contains(0xE2) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count)
    var changed = false
    var iterator = Array(utf8)[...]
    while let byte = iterator.first {
      if byte == 0xC2, iterator.count >= 2, iterator[iterator.startIndex + 1] == 0xA0 {
        out.append(0x20)
        iterator = iterator.dropFirst(2)
        changed = true
      } else if byte == 0xE2, iterator.count >= 3, iterator[iterator.startIndex + 1] == 0x80,
        iterator[iterator.startIndex + 2] == 0xAF
      {
        out.append(0x20)
        iterator = iterator.dropFirst(3)
        changed = true
      } else {
        out.append(byte)
        iterator = iterator.dropFirst()
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
  }

  private enum Entry {
    case text(SourceLine, afterFormFeed: Bool)
    case blank(Int)
    case noise
  }

  private mutating func split(_ text: String) {
    var entries: [Entry] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var number = 0
    var index = utf8.startIndex
    func emit(
      _ end: String.UTF8View.Index, into entries: inout [Entry], removed: inout [RemovedLine]
    ) {
      number += 1
      var line = Substring(text[start..<end])
      var formFeed = false
      if line.utf8.contains(0x0C) {
        formFeed = true
        removed.append(RemovedLine(line: number, text: "\u{0C}", reason: "form feed"))
        line = Substring(String(line.filter { $0 != "\u{0C}" }))
      }
      let trimmed = Self.trim(line)
      if trimmed.isEmpty {
        entries.append(formFeed ? .noise : .blank(number))
        return
      }
      if let reason = PageNoise.reason(for: trimmed) {
        removed.append(RemovedLine(line: number, text: String(trimmed), reason: reason))
        entries.append(.noise)
        return
      }
      let width = Self.characterCount(line[line.startIndex..<trimmed.endIndex])
      entries.append(
        .text(SourceLine(number: number, text: trimmed, width: width), afterFormFeed: formFeed))
    }
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A || byte == 0x0D {
        emit(index, into: &entries, removed: &removed)
        var next = utf8.index(after: index)
        if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A {
          next = utf8.index(after: next)
        }
        index = next
        start = index
      } else {
        index = utf8.index(after: index)
      }
    }
    if start != utf8.endIndex { emit(utf8.endIndex, into: &entries, removed: &removed) }
    lineCount = number
    resolveBlanks(entries)
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
