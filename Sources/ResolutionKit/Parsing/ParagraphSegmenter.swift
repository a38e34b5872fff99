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
  private var blocks: [Block] = []
  private var kind: BlockKind = .paragraph
  private var parts: [Substring] = []
  private var firstLine = 0
  /// Where the open paragraph's last line is in `source.lines` (an index,
  /// not a copy of the line: copies retain and release its text).
  private var lastLine: Int?
  /// The footnote being read, if any.
  private var footnote: (mark: String, key: String, parts: [Substring], line: Int)?
  /// Footnotes read while a paragraph was open (a footnote at the foot of
  /// a page inside a clause): emitted after that paragraph.
  private var heldFootnotes: [Block] = []
  /// A `*` marker was seen, so a line `* …` is its footnote.
  private var starPending = false

  static func segment(_ source: SourceLines) -> [Block] {
    var segmenter = ParagraphSegmenter(source: source)
    segmenter.run()
    return segmenter.blocks
  }

  private init(source: SourceLines) {
    self.source = source
    blocks.reserveCapacity(source.lines.count / 2)
  }

  private mutating func run() {
    source.lines.withUnsafeBufferPointer { lines in
      for position in lines.indices {
        // One copy of the line, taken apart (a copy retains and releases
        // its text; the closure below would copy it again).
        let line = lines[position]
        let text = line.text
        if text.isEmpty {
          finishFootnote()
          if !line.isSoftBlank {
            flush()
            afterBlank = true
          }
          continue
        }
        let number = line.number
        let mayHaveMarks = line.mayHaveMarks
        text.withUTF8Bytes {
          add(text, at: position, number: number, mayHaveMarks: mayHaveMarks, bytes: $0)
        }
      }
    }
    finishFootnote()
    flush()
  }

  /// Whether a blank line came since the last line of text.
  private var afterBlank = true
  /// Whether the open paragraph's last line ends with `.`.
  private var lastLineEndsWithDot = false

  /// Adds the line of text at `position`: `text`, whose UTF-8 bytes are
  /// `bytes` (at least one), numbered `number` in the file.
  private mutating func add(
    _ text: Substring, at position: Int, number: Int, mayHaveMarks: Bool,
    bytes: UnsafeBufferPointer<UInt8>
  ) {
    let first = bytes[0]
    if first == 0xC2 || first == 0xE2 || first == 0x2A,
      let found = FootnoteMarks.footnoteLine(text, allowStar: starPending)
    {
      finishFootnote()
      footnote = (found.mark, found.key, [found.text], number)
      if found.key == "*" { starPending = false }
      return
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
    var classified = classify(text, bytes: bytes, atParagraphStart: atParagraphStart)
    if var open = footnote {
      // A footnote wraps onto the next lines of a page; a sentence end
      // or a labelled line ends it.
      if source.isHardWrapped, let last = open.parts.last, !endsSentence(last),
        !classified.structural, !classified.weak
      {
        open.parts.append(text)
        footnote = open
        return
      }
      finishFootnote()
    }
    if !starPending, mayHaveMarks, bytes.contains(UInt8(ascii: "*")),
      FootnoteMarks.hasStarMarker(text)
    {
      starPending = true
    }
    if shouldJoin(text, classified) {
      parts.append(classified.continuationText ?? text)
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
  private mutating func plainFootnote(at position: Int) -> (key: String, text: Substring)? {
    let lines = source.lines
    guard let found = FootnoteMarks.plainFootnoteLine(lines[position].text) else { return nil }
    var next = position + 1
    while next < lines.count, !lines[next].isBlank, next - position <= 4 { next += 1 }
    guard next < lines.count, lines[next].isSoftBlank else { return nil }
    if lastLine != nil, !paragraphFootnoteKeys.contains(found.key),
      FootnoteMarks.plainMarkerRange(found.key, in: TextJoiner.join(parts)) != nil
    {
      paragraphFootnoteKeys.append(found.key)
      return found
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
      return found
    }
    return nil
  }

  private mutating func finishFootnote() {
    guard let open = footnote else { return }
    footnote = nil
    let block = Block(
      kind: .footnote(mark: open.mark, key: open.key), line: open.line,
      text: TextJoiner.join(open.parts))
    if lastLine != nil {
      heldFootnotes.append(block)
    } else {
      blocks.append(block)
    }
  }

  /// After these a new paragraph always starts.
  private var isBetweenParagraphs: Bool {
    switch kind {
    case .sources, .chapter, .header: true
    case .enacting: parts.last.map { EnactingLine.isComplete($0) } ?? false
    default: false
    }
  }

  private struct Classified {
    var kind: BlockKind
    /// The text after the label (or after `Ref.:`).
    var text: Substring
    var structural: Bool
    var weak: Bool = false
    /// The whole line, for a weak label that turns out to continue a paragraph.
    var continuationText: Substring?
  }

  /// What the line `text` (its UTF-8 `bytes`, at least one) is. Each test
  /// first looks at the first byte, so most lines skip most tests.
  private func classify(
    _ text: Substring, bytes: UnsafeBufferPointer<UInt8>, atParagraphStart: Bool
  ) -> Classified {
    let first = bytes[0]
    if first == UInt8(ascii: "R") || first == UInt8(ascii: "D"),
      let header = DocumentHeader.parse(text, bytes: bytes, atParagraphStart: atParagraphStart)
    {
      return Classified(kind: .header(header), text: header.titleStart, structural: true)
    }
    if first == UInt8(ascii: "R"), let content = SourcesLine.content(of: text, bytes: bytes) {
      return Classified(kind: .sources, text: content, structural: true)
    }
    if first == UInt8(ascii: "A"), let annex = AnnexHeading.parse(text, bytes: bytes) {
      return Classified(kind: .annex(annex), text: text, structural: true)
    }
    if first == UInt8(ascii: "T"), EnactingLine.starts(text, bytes: bytes) {
      return Classified(kind: .enacting, text: text, structural: true)
    }
    if (first | 0x20) &- 0x61 < 26, let heading = HeadingPhrases.match(text, bytes: bytes) {
      return Classified(kind: .heading(heading), text: text, structural: true)
    }
    guard let marked = ClauseMarkerScanner.scan(text, bytes: bytes) else {
      return Classified(kind: .paragraph, text: text, structural: false)
    }
    if case .number = marked.marker, let chapter = ChapterLine.parse(text, bytes: bytes) {
      return Classified(
        kind: .chapter(chapter, marked.marker), text: marked.rest, structural: !marked.isWeak,
        weak: marked.isWeak, continuationText: text)
    }
    return Classified(
      kind: .clause(marked.marker), text: marked.rest, structural: !marked.isWeak,
      weak: marked.isWeak, continuationText: text)
  }

  private func shouldJoin(_ text: Substring, _ next: Classified) -> Bool {
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
      return !fits(previous, text) && !text.hasSuffix(";") && !text.hasSuffix(".")
        && !text.hasPrefix("to ") && !text.hasPrefix("that ")
    case .enacting:
      guard let last = parts.last else { return false }
      return !EnactingLine.isComplete(last) && !next.structural && parts.count < 4
    case .sources:
      guard !next.structural, !next.weak, let last = parts.last, !last.hasSuffix(".") else {
        return false
      }
      if source.isHardWrapped { return !fits(previous, text) }
      return text.utf8.count <= 100 && text.contains("/")
    case .clause, .paragraph:
      // A label alone on its line: the text follows.
      if parts.count == 1, parts[0].isEmpty, !next.structural { return true }
      if next.structural { return false }
      guard source.isHardWrapped else { return false }
      if next.weak { return !(endsSentence(source.lines[previous].text) || fits(previous, text)) }
      return !(endsSentence(source.lines[previous].text) && fits(previous, text))
    }
  }

  /// Whether the line ends like a paragraph: `;`, `:`, `.`, `,` (possibly
  /// followed by closing quotes or brackets).
  private func endsSentence(_ text: Substring) -> Bool {
    for character in text.reversed() {
      switch character {
      case "\"", "\u{201D}", "'", "\u{2019}", ")": continue
      case ";", ":", ".", ",": return true
      default: return false
      }
    }
    return false
  }

  /// Whether the first word of `text` would have fitted after the line at
  /// `previous`: then the break was not a wrap.
  private func fits(_ previous: Int, _ text: Substring) -> Bool {
    let word = text[..<(text.utf8.firstIndex { $0 == 0x20 || $0 == 0x09 } ?? text.endIndex)]
    return source.lines[previous].width + 1 + SourceLines.characterCount(word)
      <= source.wrapWidth
  }

  private mutating func flush() {
    guard lastLine != nil else { return }
    // The kind moves into the block; the next paragraph starts plain.
    var blockKind = BlockKind.paragraph
    swap(&blockKind, &kind)
    let text: String
    switch blockKind {
    case .header: text = ""
    default: text = TextJoiner.join(parts)
    }
    var block = Block(kind: blockKind, line: firstLine, text: text)
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
