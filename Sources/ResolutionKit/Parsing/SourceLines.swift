import Foundation

/// One line of a file after cleaning: trimmed, page noise gone. The text
/// is a byte range, not a string: a line is copied and kept without
/// retaining anything (`SourceLines.withBytes` reads it).
///
/// 20 bytes: a piece's lines are all held at once, beside the raw lines
/// and the file's text, at the peak of the load (630,000 lines at 10,000
/// resolutions; 64-bit fields made them twice the size). A text of 4 GB
/// or more is not parsed (`DocumentParser.maximumBytes`), so offsets fit.
struct SourceLine {
  private let storedNumber: UInt32
  private let storedStart: UInt32
  private let storedEnd: UInt32
  private let storedWidth: UInt32
  /// Whether the line has a `*` or a non-ASCII character: only then can
  /// it hold a footnote marker.
  var mayHaveMarks: Bool
  /// A blank line next to removed page noise: a page break, not
  /// necessarily a paragraph break.
  var isSoftBlank: Bool

  init(
    number: Int, start: Int, end: Int, width: Int, mayHaveMarks: Bool = true,
    isSoftBlank: Bool = false
  ) {
    storedNumber = UInt32(clamping: number)
    storedStart = UInt32(clamping: start)
    storedEnd = UInt32(clamping: end)
    storedWidth = UInt32(clamping: width)
    self.mayHaveMarks = mayHaveMarks
    self.isSoftBlank = isSoftBlank
  }

  /// 1-based line number in the file.
  var number: Int { Int(storedNumber) }
  /// Where the line's text (without leading and trailing whitespace) is:
  /// UTF-8 offsets into the file's text, or, from `SourceLines.patchBase`
  /// on, into the lines rewritten while cleaning (`SourceLines.patches`).
  var start: Int { Int(storedStart) }
  var end: Int { Int(storedEnd) }
  /// Characters from the start of the raw line to the end of its text
  /// (indentation included): where the line stops on the page.
  var width: Int { Int(storedWidth) }
  var isBlank: Bool { storedStart == storedEnd }

  var range: Range<Int> { start..<end }
}

/// The bytes behind a piece's lines (`SourceLines.withBytes`): the file's
/// text, then the rewritten lines.
struct SourceBytes {
  let text: UnsafeBufferPointer<UInt8>
  let patches: UnsafeBufferPointer<UInt8>

  /// The bytes of a range of `SourceLine` offsets (within one line).
  @inline(__always)
  subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    let base = text.count
    if range.lowerBound >= base {
      return UnsafeBufferPointer(
        rebasing: patches[(range.lowerBound - base)..<(range.upperBound - base)])
    }
    return UnsafeBufferPointer(rebasing: text[range])
  }
}

/// A file split into clean lines, with what was removed and how the text is
/// laid out.
struct SourceLines {
  var lines: [SourceLine] = []
  /// The file's text, which the lines' offsets point into.
  private(set) var text = ""
  /// Lines rewritten while cleaning (form feeds taken out), one after
  /// another; offsets from `patchBase` on point here.
  private(set) var patches = ""
  /// Where offsets into `patches` start: the text's length in bytes.
  private(set) var patchBase = 0
  var removed: [RemovedLine] = []
  var lineCount = 0
  /// True for hard-wrapped text (PDF extraction): paragraphs span several
  /// short lines. False when each line is a paragraph (Word, the seed).
  var isHardWrapped = false
  /// The right margin of hard-wrapped text, in characters.
  var wrapWidth = 0

  /// Lines longer than this are paragraphs, not wrapped lines.
  static let longLine = 100

  /// The whole file, in one piece.
  init(_ raw: String) {
    let prepared = PreparedText(raw)
    self.init(prepared, lines: 0..<prepared.rawLines.count)
    applyLayout(layout)
  }

  /// The raw lines `range` of a prepared file. Line numbers stay those of
  /// the whole file. The layout is measured (`layout`) but not applied:
  /// the caller adds the measures of all pieces and applies the sum.
  init(_ prepared: PreparedText, lines range: Range<Int>) {
    text = prepared.text
    patchBase = text.utf8.count
    split(prepared, range)
    lineCount = prepared.rawLines.count
    layout = withBytes { measureLayout($0) }
  }

  /// Calls `body` with the bytes the lines' offsets point into (in place:
  /// the text is native UTF-8).
  func withBytes<Result>(_ body: (SourceBytes) -> Result) -> Result {
    var text = self.text
    var patches = self.patches
    return text.withUTF8 { text in
      patches.withUTF8 { patches in body(SourceBytes(text: text, patches: patches)) }
    }
  }

  /// The text at a range of line offsets, as a substring: for the tests
  /// that need characters, and for the rare lines they decide.
  func substring(_ range: Range<Int>) -> Substring {
    let string = range.lowerBound >= patchBase ? patches : text
    let lower = range.lowerBound >= patchBase ? range.lowerBound - patchBase : range.lowerBound
    let utf8 = string.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lower)
    let end = utf8.index(start, offsetBy: range.count)
    return string[start..<end]
  }

  /// The text of a line, as a substring (see `substring`).
  func text(of line: SourceLine) -> Substring { substring(line.range) }

  /// Measures of this piece's layout; see `applyLayout`.
  private(set) var layout = LayoutMeasures()

  /// Pieces a whole-text byte scan is cut into: none under 2 MB, at most
  /// two per core.
  private static func scanChunkCount(byteCount: Int) -> Int {
    min(ProcessInfo.processInfo.activeProcessorCount * 2, byteCount / (1 << 20))
  }

  /// NBSP (U+00A0) and narrow NBSP (U+202F) become plain spaces; the text
  /// is copied only when it has any. Most texts have none: a big one is
  /// searched for the first on all cores.
  static func replacingNoBreakSpaces(_ text: String, chunks: Int? = nil) -> String {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    let text = contiguous
    let count = text.utf8.count
    let chunkCount = chunks ?? scanChunkCount(byteCount: count)
    let first: Int?
    if chunkCount > 1 {
      let ranges = (0..<count).evenlySplit(into: chunkCount)
      first =
        ranges.concurrentMap { range in
          text.utf8.withContiguousStorageIfAvailable {
            noBreakSpace(in: $0, from: range.lowerBound, to: range.upperBound)
          } ?? nil
        }
        .compactMap { $0 }.first
    } else {
      first =
        text.utf8.withContiguousStorageIfAvailable { noBreakSpace(in: $0, from: 0, to: count) }
        ?? nil
    }
    guard let first else { return text }
    let replaced = text.utf8.withContiguousStorageIfAvailable { bytes -> String in
      var out: [UInt8] = []
      out.reserveCapacity(count)
      var copied = 0
      var next: Int? = first
      while let position = next {
        out.append(contentsOf: bytes[copied..<position])
        out.append(0x20)
        copied = position + (bytes[position] == 0xC2 ? 2 : 3)
        next = noBreakSpace(in: bytes, from: copied, to: count)
      }
      out.append(contentsOf: bytes[copied..<count])
      return String(decoding: out, as: UTF8.self)
    }
    return replaced ?? text
  }

  /// The first NBSP (C2 A0) or narrow NBSP (E2 80 AF) starting in
  /// `start..<end` (it may end after `end`).
  private static func noBreakSpace(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var index = start
    while index < end {
      // Eight ASCII bytes at a time.
      if index + 8 <= end,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      let byte = base[index]
      if byte == 0xC2, index + 1 < count, base[index + 1] == 0xA0 { return index }
      if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80, base[index + 2] == 0xAF {
        return index
      }
      index += 1
    }
    return nil
  }

  /// One raw line as byte offsets into the text: 20 bytes, for the same
  /// reason as `SourceLine` (every line of the file is held at once).
  struct RawLine: Equatable {
    private let storedStart: UInt32
    private let storedTextStart: UInt32
    private let storedTextEnd: UInt32
    private let storedWidth: UInt32
    let formFeed: Bool
    /// A `*` or a non-ASCII byte on the line.
    let mayHaveMarks: Bool

    init(
      start: Int, textStart: Int, textEnd: Int, width: Int, formFeed: Bool, mayHaveMarks: Bool
    ) {
      storedStart = UInt32(clamping: start)
      storedTextStart = UInt32(clamping: textStart)
      storedTextEnd = UInt32(clamping: textEnd)
      storedWidth = UInt32(clamping: width)
      self.formFeed = formFeed
      self.mayHaveMarks = mayHaveMarks
    }

    var start: Int { Int(storedStart) }
    var textStart: Int { Int(storedTextStart) }
    var textEnd: Int { Int(storedTextEnd) }
    var width: Int { Int(storedWidth) }
  }

  /// Splits on LF, CRLF and CR, scanning the bytes once: a big text in
  /// chunks on all cores, each ending just after a LF (where no line or
  /// CRLF pair is cut), the lines concatenated in order.
  static func rawLines(_ text: String, chunks: Int? = nil) -> [RawLine] {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    let text = contiguous
    let count = text.utf8.count
    let chunkCount = chunks ?? scanChunkCount(byteCount: count)
    guard chunkCount > 1 else {
      return text.utf8.withContiguousStorageIfAvailable { rawLines($0, in: 0..<$0.count) } ?? []
    }
    let bounds =
      text.utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
        var bounds = [0]
        for chunk in 1..<chunkCount {
          let nominal = max(count * chunk / chunkCount, bounds[bounds.count - 1])
          guard let base = bytes.baseAddress,
            let newline = memchr(base + nominal, 0x0A, count - nominal)
          else { break }
          bounds.append(UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1)
        }
        bounds.append(count)
        return bounds
      } ?? [0, count]
    let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
    let chunks = ranges.concurrentMap { range in
      text.utf8.withContiguousStorageIfAvailable { rawLines($0, in: range) } ?? []
    }
    // Concatenated on all cores too: each chunk copied into its place (the
    // serial copy and the faults of its new pages showed in profiles).
    var offsets: [Int] = []
    var total = 0
    for chunk in chunks {
      offsets.append(total)
      total += chunk.count
    }
    let starts = offsets
    return [RawLine](unsafeUninitializedCapacity: total) { buffer, initialized in
      let target = RawLineSlots(buffer)
      _ = Array(chunks.indices).concurrentMap { index in
        target.copy(chunks[index], to: starts[index])
      }
      initialized = total
    }
  }

  /// Disjoint slices of one buffer of raw lines, filled from several
  /// threads at once.
  private struct RawLineSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<RawLine>
    init(_ buffer: UnsafeMutableBufferPointer<RawLine>) { self.buffer = buffer }
    func copy(_ lines: [RawLine], to start: Int) {
      guard let base = buffer.baseAddress else { return }
      lines.withUnsafeBufferPointer { source in
        guard let from = source.baseAddress else { return }
        (base + start).initialize(from: from, count: source.count)
      }
    }
  }

  /// The lines of `bytes[range]`, offsets into `bytes`; `range` starts a
  /// line, and ends one unless it ends the text.
  private static func rawLines(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>)
    -> [RawLine]
  {
    var lines: [RawLine] = []
    guard let base = bytes.baseAddress else { return lines }
    lines.reserveCapacity(range.count / 60 + 1)
    var start = range.lowerBound
    var index = range.lowerBound
    var formFeed = false
    // UTF-8 continuation bytes since `start`: width = bytes − these.
    var continuation = 0
    var mayHaveMarks = false
    let count = range.upperBound
    func finish(_ end: Int) {
      var textStart = start
      var textEnd = end
      while textStart < textEnd && isSpace(base[textStart]) { textStart += 1 }
      while textEnd > textStart && isSpace(base[textEnd - 1]) { textEnd -= 1 }
      // Trailing whitespace is ASCII: every continuation byte is before textEnd.
      lines.append(
        RawLine(
          start: start, textStart: textStart, textEnd: textEnd,
          width: textEnd - start - continuation, formFeed: formFeed,
          mayHaveMarks: mayHaveMarks))
    }
    while index < count {
      // Eight bytes at a time while they are ASCII above 0x0D (no line
      // break, form feed or multi-byte character).
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let below0E = (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & high
        let star = word ^ 0x2A2A_2A2A_2A2A_2A2A
        let stars = (star &- 0x0101_0101_0101_0101) & ~star & high
        if (word & high) | below0E | stars == 0 {
          index += 8
          continue
        }
      }
      let byte = base[index]
      if byte > 0x0D {
        if byte & 0xC0 == 0x80 { continuation += 1 }
        if byte >= 0x80 || byte == UInt8(ascii: "*") { mayHaveMarks = true }
        index += 1
        continue
      }
      if byte == 0x0A || byte == 0x0D {
        finish(index)
        index += 1
        if byte == 0x0D && index < count && base[index] == 0x0A { index += 1 }
        start = index
        formFeed = false
        continuation = 0
        mayHaveMarks = false
      } else {
        if byte == 0x0C { formFeed = true }
        index += 1
      }
    }
    if start < count { finish(count) }
    return lines
  }

  /// Makes the lines of raw lines `range`.
  private mutating func split(_ prepared: PreparedText, _ range: Range<Int>) {
    var text = prepared.text
    text.withUTF8 { split(prepared, range, bytes: $0) }
  }

  /// `split` with the file's UTF-8 bytes at hand: a line is its offsets,
  /// and only a line with a form feed is rewritten (into `patches`).
  private mutating func split(
    _ prepared: PreparedText, _ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>
  ) {
    lines.reserveCapacity(range.count)
    var patchBytes: [UInt8] = []
    // A run of blank and noise lines becomes one blank line, soft when it
    // touches page noise or a form feed (a page break).
    var runFirstBlank = 0
    var runTouchesNoise = false
    var inRun = false
    for position in range {
      let line = prepared.rawLines[position]
      let number = position + 1
      if line.textStart == line.textEnd && !line.formFeed {
        inRun = true
        if runFirstBlank == 0 { runFirstBlank = number }
        continue
      }
      var start = line.textStart
      var end = line.textEnd
      var width = line.width
      var noise = false
      if line.formFeed {
        removed.append(RemovedLine(line: number, text: "\u{0C}", reason: "form feed"))
        let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
        // A form feed is a character of its own: dropping its byte drops it.
        let cleaned = lineBytes.filter { $0 != 0x0C }
        let trimmed = cleaned.withUnsafeBufferPointer { $0.trimmed(0, $0.count) }
        let kept = Array(cleaned[trimmed])
        if kept.count != lineBytes.count {
          width = Self.characterCount(kept)
        }
        start = patchBase + patchBytes.count
        end = start + kept.count
        patchBytes += kept
        noise = kept.isEmpty
        if !kept.isEmpty {
          let text = Substring(String(decoding: kept, as: UTF8.self))
          if Self.mayBeNoise(text), let reason = PageNoise.reason(for: text) {
            removed.append(RemovedLine(line: number, text: String(text), reason: reason))
            noise = true
          }
        }
      } else {
        let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if Self.mayBeNoise(lineBytes),
          let reason = PageNoise.reason(
            bytes: lineBytes, line: { Substring(lineBytes.string(0, lineBytes.count)) })
        {
          removed.append(
            RemovedLine(line: number, text: lineBytes.string(0, lineBytes.count), reason: reason))
          noise = true
        }
      }
      if noise {
        inRun = true
        runTouchesNoise = true
        continue
      }
      if inRun {
        lines.append(
          SourceLine(
            number: runFirstBlank, start: 0, end: 0, width: 0,
            isSoftBlank: runTouchesNoise || line.formFeed))
        (inRun, runFirstBlank, runTouchesNoise) = (false, 0, false)
      }
      lines.append(
        SourceLine(
          number: number, start: start, end: end, width: width, mayHaveMarks: line.mayHaveMarks))
    }
    if inRun {
      lines.append(
        SourceLine(number: runFirstBlank, start: 0, end: 0, width: 0, isSoftBlank: runTouchesNoise))
    }
    if !patchBytes.isEmpty { patches = String(decoding: patchBytes, as: UTF8.self) }
  }

  /// A cheap first test: page noise is short and starts with a digit, a
  /// dash, `Page`, `Res.`, `Dec.`, a margin mark or a drive letter.
  private static func mayBeNoise(_ line: Substring) -> Bool {
    line.withUTF8Bytes { mayBeNoise($0) }
  }

  private static func mayBeNoise(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count <= 80, let first = bytes.first else { return false }
    return (0x30...0x39).contains(first) || first == UInt8(ascii: "-") || first == 0xE2
      || first == UInt8(ascii: "P") || first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
      || first == UInt8(ascii: "A") || first == UInt8(ascii: "M") || first == UInt8(ascii: "S")
      || first == UInt8(ascii: "(")
      || ((0x41...0x5A).contains(first) && bytes.count > 1 && bytes[1] == UInt8(ascii: ":"))
  }

  /// Counts that decide the layout, additive over the pieces of a file.
  struct LayoutMeasures {
    /// Non-blank lines by width (the last slot: longer than `longLine`).
    var widths = [Int](repeating: 0, count: SourceLines.longLine + 2)
    var nonBlank = 0
    var long = 0
    /// Lines that stop mid-sentence at a typical margin: evidence of wrapping.
    var wrapped = 0

    mutating func add(_ other: LayoutMeasures) {
      for index in widths.indices { widths[index] += other.widths[index] }
      nonBlank += other.nonBlank
      long += other.long
      wrapped += other.wrapped
    }
  }

  private func measureLayout(_ bytes: SourceBytes) -> LayoutMeasures {
    var measures = LayoutMeasures()
    for line in lines where !line.isBlank {
      measures.nonBlank += 1
      if line.width > Self.longLine { measures.long += 1 }
      measures.widths[min(line.width, Self.longLine + 1)] += 1
      if line.width >= 40, line.width <= Self.longLine, let last = bytes[line.range].last,
        TextJoiner.isLetterOrDigit(last) || last == UInt8(ascii: "-")
      {
        measures.wrapped += 1
      }
    }
    return measures
  }

  /// Decides from the measures of the whole file whether it is hard-wrapped
  /// and where its right margin is.
  mutating func applyLayout(_ measures: LayoutMeasures) {
    let nonBlank = measures.nonBlank
    let long = measures.long
    let wrapped = measures.wrapped
    isHardWrapped = nonBlank > 0 && long * 50 < nonBlank && wrapped >= 2 && wrapped * 10 >= nonBlank
    // The right margin: the width that 95% of the wrapped lines stay within.
    let short = nonBlank - long
    var seen = 0
    wrapWidth = Self.longLine
    for width in 0...Self.longLine {
      seen += measures.widths[width]
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
  static func characterCount(_ utf8: some Sequence<UInt8>) -> Int {
    var count = 0
    for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }
}

/// A file's text ready for splitting: BOM gone, no-break spaces made plain,
/// and its raw lines found, once for all pieces.
struct PreparedText: Sendable {
  let text: String
  let rawLines: [SourceLines.RawLine]

  init(_ raw: String) {
    var text = raw
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    text = SourceLines.replacingNoBreakSpaces(text)
    text.makeContiguousUTF8()
    self.text = text
    rawLines = SourceLines.rawLines(text)
  }
}
