/// What a paragraph (block) of text is.
enum BlockKind {
  // The two big payloads are boxed: kinds are moved and copied for every
  // line, and the boxes keep the enum small.
  indirect case header(DocumentHeader)
  /// `The Council,`; the text is the whole formula.
  case enacting
  case heading(HeadingPhrases.Match)
  /// A `Ref.:` line; the text is what follows `Ref.:`.
  case sources
  case annex(AnnexHeading)
  /// `1 Finance`: a chapter if it stands between documents, else a clause.
  indirect case chapter(ChapterLine, ClauseMarker)
  case clause(ClauseMarker)
  /// Text without a label.
  case paragraph
  /// A footnote line (and its wrapped rest): the mark as printed and its
  /// value (`"1"` for `¹`, `"*"`).
  case footnote(mark: String, key: String)
}

/// A paragraph: its kind, first line and text (label removed, lines joined).
struct Block {
  var kind: BlockKind
  var line: Int
  var text: String
  /// Plain-digit footnote markers taken out of the text (`1` of
  /// `Resolution 1300 1`), found by their footnote line.
  var footnoteKeys: [String] = []
  /// Where each of those markers stood: UTF-8 offsets into `text`.
  var footnoteAnchors: [Int] = []
  /// Whether a line of the paragraph may hold a footnote marker.
  var mayHaveMarks = true

  /// Takes a plain-digit marker (` 1`) out of the text, keeping the
  /// offsets of markers taken out before it right.
  mutating func takeOutMarker(_ range: Range<String.Index>, key: String) {
    let utf8 = text.utf8
    let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
    let length = utf8.distance(from: range.lowerBound, to: range.upperBound)
    text.removeSubrange(range)
    footnoteAnchors = footnoteAnchors.map { $0 > start ? max(start, $0 - length) : $0 }
    footnoteKeys.append(key)
    footnoteAnchors.append(start)
  }
}

/// Groups clean lines into paragraphs. The same text gives the same
/// paragraphs whether it comes with blank lines between paragraphs (the
/// seed), hard-wrapped without them (`pdftotext -layout`), or one paragraph
/// per line (Word "save as text"):
///
/// - a blank line always ends a paragraph, unless it only surrounds page
///   noise (a page break);
/// - headers, enacting lines, headings, `Ref.:` lines, annex and chapter
///   headings and labelled lines (`1.`, `a)`, `•`) start a paragraph;
/// - in text that is not hard-wrapped every line is a paragraph;
/// - in hard-wrapped text a line continues the paragraph unless the line
///   before ends with `;`, `:`, `.` or `,` and the next line's first word
///   would have fitted on it (so the break was not a wrap). Weak labels (a
///   bare `1 ` or a dash) start a paragraph after either condition.
///
/// Known limit: in hard-wrapped text, an unlabelled paragraph that follows
/// a line filled to the margin and ending with `;` is joined to it; nothing
/// in plain text tells the two apart.
struct ParagraphSegmenter {
  private let source: SourceLines
  /// The bytes the lines' offsets point into, valid while `segment` runs.
  private let bytes: SourceBytes
  private var blocks: [Block] = []
  private var kind: BlockKind = .paragraph
  /// The open paragraph's lines (label removed from the first), as byte
  /// ranges: the paragraph's string is made once, at `flush`.
  private var parts: [Range<Int>] = []
  private var firstLine = 0
  /// Where the open paragraph's last line is in `source.lines`.
  private var lastLine: Int?
  /// The footnote being read, if any.
  private var footnote: (mark: String, key: String, parts: [Range<Int>], line: Int)?
  /// Footnotes read while a paragraph was open (a footnote at the foot of
  /// a page inside a clause): emitted after that paragraph.
  private var heldFootnotes: [Block] = []
  /// A `*` marker was seen, so a line `* …` is its footnote.
  private var starPending = false

  static func segment(_ source: SourceLines) -> [Block] {
    source.withBytes { bytes in
      var segmenter = ParagraphSegmenter(source: source, bytes: bytes)
      segmenter.run()
      return segmenter.blocks
    }
  }

  private init(source: SourceLines, bytes: SourceBytes) {
    self.source = source
    self.bytes = bytes
    blocks.reserveCapacity(source.lines.count / 2)
  }

  private mutating func run() {
    source.lines.withUnsafeBufferPointer { lines in
      for position in lines.indices {
        let line = lines[position]
        if line.isBlank {
          finishFootnote()
          if !line.isSoftBlank {
            flush()
            afterBlank = true
          }
          continue
        }
        add(line, at: position)
      }
    }
    finishFootnote()
    flush()
  }

  /// The text at a range of line offsets, for the tests that need
  /// characters.
  private mutating func substring(_ range: Range<Int>) -> Substring { source.substring(range) }

  /// Where `part`, a slice of `line` (the text at `range`), is.
  private static func range(of part: Substring, in line: Substring, at range: Range<Int>)
    -> Range<Int>
  {
    let lower = range.lowerBound + line.utf8.distance(from: line.startIndex, to: part.startIndex)
    return lower..<(lower + part.utf8.count)
  }

  // The read-only helpers below are `mutating` only so that `self` is
  // passed in place: called from `add`, a non-mutating one was handed a
  // copy of the whole segmenter (some 300 bytes) on every line.

  /// Whether a blank line came since the last line of text.
  private var afterBlank = true
  /// Whether the open paragraph's last line ends with `.`.
  private var lastLineEndsWithDot = false

  /// Adds the line of text at `position` (at least one byte).
  private mutating func add(_ line: SourceLine, at position: Int) {
    let range = line.range
    let number = line.number
    let mayHaveMarks = line.mayHaveMarks
    let bytes = self.bytes[range]
    let first = bytes[0]
    if first == 0xC2 || first == 0xE2 || first == 0x2A {
      let text = substring(range)
      if let found = FootnoteMarks.footnoteLine(text, allowStar: starPending) {
        finishFootnote()
        footnote = (
          found.mark, found.key, [Self.range(of: found.text, in: text, at: range)], number
        )
        if found.key == "*" { starPending = false }
        return
      }
    }
    if source.isHardWrapped, TextJoiner.isDigit(first), let plain = plainFootnote(at: position) {
      finishFootnote()
      footnote = (plain.key, plain.key, [plain.text], number)
      return
    }
    var atParagraphStart = true
    if lastLine != nil {
      atParagraphStart = afterBlank || isBetweenParagraphs || lastLineEndsWithDot
    }
    var classified = classify(range, bytes: bytes, atParagraphStart: atParagraphStart)
    if footnote != nil {
      // A footnote wraps onto the next lines of a page; a sentence end
      // or a labelled line ends it.
      if source.isHardWrapped, let last = footnote?.parts.last, !endsSentence(last),
        !classified.structural, !classified.weak
      {
        footnote?.parts.append(range)
        return
      }
      finishFootnote()
    }
    if !starPending, mayHaveMarks, bytes.contains(UInt8(ascii: "*")),
      FootnoteMarks.hasStarMarker(bytes: bytes)
    {
      starPending = true
    }
    if shouldJoin(range, classified) {
      parts.append(classified.continuationText ?? range)
      paragraphMayHaveMarks = paragraphMayHaveMarks || mayHaveMarks
      lastLine = position
      if case .chapter(_, let marker) = kind { kind = .clause(marker) }
    } else {
      flush()
      // Moved, not copied: `classified` is not used again.
      swap(&kind, &classified.kind)
      parts.append(classified.text)
      paragraphMayHaveMarks = mayHaveMarks
      firstLine = number
      lastLine = position
    }
    lastLineEndsWithDot = bytes[bytes.count - 1] == UInt8(ascii: ".")
    afterBlank = false
  }

  private var paragraphMayHaveMarks = false
  /// Plain-digit markers of the open paragraph, taken out at `flush`.
  private var paragraphFootnoteKeys: [String] = []

  /// A line `1 Approved by …` is a footnote only at the foot of a page (a
  /// page break follows it within a few lines) and when the text just
  /// before carries its marker after a number (`Resolution 1300 1`); the
  /// marker is then taken out of that text.
  private mutating func plainFootnote(at position: Int) -> (key: String, text: Range<Int>)? {
    let lines = source.lines
    let lineRange = lines[position].range
    let line = substring(lineRange)
    guard let found = FootnoteMarks.plainFootnoteLine(line) else { return nil }
    var next = position + 1
    while next < lines.count, !lines[next].isBlank, next - position <= 4 { next += 1 }
    guard next < lines.count, lines[next].isSoftBlank else { return nil }
    let text = Self.range(of: found.text, in: line, at: lineRange)
    if lastLine != nil, !paragraphFootnoteKeys.contains(found.key),
      FootnoteMarks.plainMarkerRange(found.key, in: TextJoiner.join(parts, in: bytes)) != nil
    {
      paragraphFootnoteKeys.append(found.key)
      return (found.key, text)
    }
    for index in blocks.indices.reversed().prefix(3) {
      switch blocks[index].kind {
      case .clause, .paragraph: break
      default: continue
      }
      guard !blocks[index].footnoteKeys.contains(found.key),
        let range = FootnoteMarks.plainMarkerRange(found.key, in: blocks[index].text)
      else { continue }
      blocks[index].takeOutMarker(range, key: found.key)
      return (found.key, text)
    }
    return nil
  }

  private mutating func finishFootnote() {
    guard let open = footnote else { return }
    footnote = nil
    let block = Block(
      kind: .footnote(mark: open.mark, key: open.key), line: open.line,
      text: TextJoiner.join(open.parts, in: bytes))
    if lastLine != nil {
      heldFootnotes.append(block)
    } else {
      blocks.append(block)
    }
  }

  /// After these a new paragraph always starts.
  private var isBetweenParagraphs: Bool {
    mutating get {
      switch kind {
      case .sources, .chapter, .header: true
      case .enacting: parts.last.map { endsEnactingLine($0) } ?? false
      default: false
      }
    }
  }

  private struct Classified {
    var kind: BlockKind
    /// The text after the label (or after `Ref.:`).
    var text: Range<Int>
    var structural: Bool
    var weak: Bool = false
    /// The whole line, for a weak label that turns out to continue a paragraph.
    var continuationText: Range<Int>?
  }

  /// What the line at `range` (its UTF-8 `bytes`, at least one) is. Each
  /// test first looks at the first byte, so most lines skip most tests;
  /// the line's text is made as a substring only for the tests that need
  /// it.
  private mutating func classify(
    _ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, atParagraphStart: Bool
  ) -> Classified {
    let first = bytes[0]
    let start = range.lowerBound
    // The line's text for the character tests, made from its bytes: a
    // closure that captured `self` would copy the segmenter for each line.
    let line = { Substring(bytes.string(0, bytes.count)) }
    func absolute(_ part: Range<Int>) -> Range<Int> {
      (start + part.lowerBound)..<(start + part.upperBound)
    }
    if first == UInt8(ascii: "R") || first == UInt8(ascii: "D") {
      let text = substring(range)
      if let header = DocumentHeader.parse(text, bytes: bytes, atParagraphStart: atParagraphStart) {
        return Classified(
          kind: .header(header), text: Self.range(of: header.titleStart, in: text, at: range),
          structural: true)
      }
      if first == UInt8(ascii: "R"), let content = SourcesLine.content(of: text, bytes: bytes) {
        return Classified(
          kind: .sources, text: Self.range(of: content, in: text, at: range), structural: true)
      }
    }
    if first == UInt8(ascii: "A"), bytes.count <= AnnexHeading.maximumLength,
      let annex = AnnexHeading.parse(substring(range), bytes: bytes)
    {
      return Classified(kind: .annex(annex), text: range, structural: true)
    }
    if first == UInt8(ascii: "T"), EnactingLine.starts(bytes: bytes, line: line) {
      return Classified(kind: .enacting, text: range, structural: true)
    }
    if (first | 0x20) &- 0x61 < 26,
      let heading = HeadingPhrases.match(bytes: bytes, line: line)
    {
      return Classified(kind: .heading(heading), text: range, structural: true)
    }
    guard let marked = ClauseMarkerScanner.scan(bytes: bytes) else {
      return Classified(kind: .paragraph, text: range, structural: false)
    }
    if case .number = marked.marker,
      let chapter = ChapterLine.parse(bytes: bytes, line: line)
    {
      return Classified(
        kind: .chapter(chapter, marked.marker), text: absolute(marked.rest),
        structural: !marked.isWeak, weak: marked.isWeak, continuationText: range)
    }
    return Classified(
      kind: .clause(marked.marker), text: absolute(marked.rest), structural: !marked.isWeak,
      weak: marked.isWeak, continuationText: range)
  }

  private mutating func shouldJoin(_ text: Range<Int>, _ next: Classified) -> Bool {
    guard let previous = lastLine else { return false }
    switch kind {
    case .header, .annex, .footnote:
      return false
    case .chapter:
      // Not a chapter after all if the line was wrapped: a clause goes on.
      return source.isHardWrapped && !next.structural && !next.weak && !fits(previous, text)
    case .heading(let match):
      guard match.isOpenEnded, source.isHardWrapped, !next.structural, !next.weak else {
        return false
      }
      // A wrapped addressee: the line was full and the rest is a name.
      return !fits(previous, text) && !hasSuffix(text, UInt8(ascii: ";"), ";")
        && !hasSuffix(text, UInt8(ascii: "."), ".") && !hasPrefix(text, "to ")
        && !hasPrefix(text, "that ")
    case .enacting:
      guard let last = parts.last else { return false }
      return !endsEnactingLine(last) && !next.structural && parts.count < 4
    case .sources:
      guard !next.structural, !next.weak, let last = parts.last,
        !hasSuffix(last, UInt8(ascii: "."), ".")
      else {
        return false
      }
      if source.isHardWrapped { return !fits(previous, text) }
      return text.count <= 100 && substring(text).contains("/")
    case .clause, .paragraph:
      // A label alone on its line: the text follows.
      if parts.count == 1, parts[0].isEmpty, !next.structural { return true }
      if next.structural { return false }
      guard source.isHardWrapped else { return false }
      let previousText = source.lines[previous].range
      if next.weak { return !(endsSentence(previousText) || fits(previous, text)) }
      return !(endsSentence(previousText) && fits(previous, text))
    }
  }

  // The character tests on a line's bytes (`LineCharacters`); their
  // fallback makes the text from the bytes (a closure that captured `self`
  // would copy the segmenter).

  private mutating func hasSuffix(_ range: Range<Int>, _ byte: UInt8, _ suffix: String) -> Bool {
    let text = bytes[range]
    return LineCharacters.hasSuffix(text, byte, suffix) { Substring(text.string(0, text.count)) }
  }

  private mutating func hasPrefix(_ range: Range<Int>, _ prefix: StaticString) -> Bool {
    let text = bytes[range]
    return LineCharacters.hasPrefix(text, prefix) { Substring(text.string(0, text.count)) }
  }

  /// Whether the enacting line's text ends (`The Council,`).
  private mutating func endsEnactingLine(_ range: Range<Int>) -> Bool {
    hasSuffix(range, UInt8(ascii: ","), ",") || hasSuffix(range, UInt8(ascii: ":"), ":")
  }

  private mutating func endsSentence(_ range: Range<Int>) -> Bool {
    let text = bytes[range]
    return LineCharacters.endsSentence(text) { Substring(text.string(0, text.count)) }
  }

  /// Whether the first word of the text at `range` would have fitted
  /// after the line at `previous`: then the break was not a wrap.
  private mutating func fits(_ previous: Int, _ range: Range<Int>) -> Bool {
    let word = bytes[range].prefix { $0 != 0x20 && $0 != 0x09 }
    return source.lines[previous].width + 1 + SourceLines.characterCount(word)
      <= source.wrapWidth
  }

  private mutating func flush() {
    guard lastLine != nil else { return }
    let text: String
    if case .header = kind {
      text = ""
    } else {
      text = TextJoiner.join(parts, in: bytes)
    }
    // The kind moves into the block (swapped, not copied); the next
    // paragraph starts plain.
    var block = Block(kind: .paragraph, line: firstLine, text: text)
    swap(&block.kind, &kind)
    block.mayHaveMarks = paragraphMayHaveMarks
    for key in paragraphFootnoteKeys {
      if let range = FootnoteMarks.plainMarkerRange(key, in: block.text) {
        block.takeOutMarker(range, key: key)
      }
    }
    paragraphFootnoteKeys = []
    blocks.append(consume block)
    if !heldFootnotes.isEmpty {
      blocks += heldFootnotes
      heldFootnotes = []
    }
    // One by one: cheaper than `removeAll` for the one or two parts.
    while !parts.isEmpty { parts.removeLast() }
    lastLine = nil
    kind = .paragraph
  }
}
