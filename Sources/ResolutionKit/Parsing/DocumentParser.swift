import Foundation

/// Parses the text of one file into documents: resolutions, decisions and
/// fragments, with sections, nested clauses, annexes and `Ref.:` sources.
/// Never fails: what cannot be placed becomes a diagnostic.
///
/// Stages: `SourceLines` (line breaks, BOM, NBSP, page noise),
/// `ParagraphSegmenter` (lines → paragraphs), `DocumentAssembler`
/// (paragraphs → documents, with `ClauseTreeBuilder` for nesting and paths).
///
/// A big file is parsed in pieces on all cores. Pieces start at a document
/// header after a blank line, where no parser state carries over except
/// the layout (measured over the whole file) and the chapter (handed on
/// after the pieces are parsed), so the result equals a sequential parse.
public enum DocumentParser {
  /// Files smaller than this are parsed in one piece.
  static let minimumPieceBytes = 1 << 20
  /// A piece's paragraphs are all held at once, beside the documents
  /// made so far and the file's text: small pieces keep that low. At
  /// 10,000 resolutions on 2 cores, 4 a core made the load's peak 131
  /// MiB, 16 made it 126 (and 32, 125).
  static let piecesPerCore = 16

  /// Texts of this many UTF-8 bytes or more are not parsed: line records
  /// keep 32-bit offsets (`SourceLine`). Larger than any compilation.
  public static let maximumBytes = Int(UInt32.max)

  public static func parse(_ source: consuming SourceText) -> ParsedFile {
    parse(source, findingReferences: false)
  }

  /// `parse`, and with `findingReferences` each document's references
  /// found (unresolved) as the piece that makes it builds it: each clause's
  /// text is read before it is coded (see `SharedText`).
  public static func parse(_ source: consuming SourceText, findingReferences: Bool) -> ParsedFile {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let pieces = min(cores * piecesPerCore, source.text.utf8.count / minimumPieceBytes)
    return parse(source, pieces: pieces, findingReferences: findingReferences)
  }

  /// Parses in about `pieces` pieces (one if fewer than 2). Takes the
  /// source: when the caller holds no other copy, its text is freed once
  /// the last piece is segmented. The pieces read it in place: a copy per
  /// piece let each piece's bytes go early, but the copies and the text
  /// were all held at the start (at 10,000 resolutions, 98 MB: the load's
  /// peak once clause texts were coded).
  static func parse(
    _ source: consuming SourceText, pieces: Int, findingReferences: Bool = false,
    maximumBytes: Int = maximumBytes
  ) -> ParsedFile {
    let file = source.name
    guard source.text.utf8.count < maximumBytes else {
      let message =
        "the text is \(source.text.utf8.count) bytes, too large to parse"
        + " (the most is \(maximumBytes - 1))"
      return ParsedFile(
        documents: [], diagnostics: [Diagnostic(file: file, line: 1, message: message)],
        file: SourceFile(name: file, lineCount: 0, removedLines: []))
    }
    // Line records are a large transient (20 bytes a line, and more lines
    // than paragraphs): the raw lines go once the pieces have their
    // lines, and each piece's lines once it is segmented, so that they
    // are not all held beside the documents they make.
    var (lineSets, lineCount) = { (text: String) -> ([SourceLines], Int) in
      let prepared = PreparedText(text)
      let ranges = PieceBoundaries.ranges(of: prepared, count: pieces)
      return (
        ranges.concurrentMap { SourceLines(prepared, lines: $0) }, prepared.rawLines.count
      )
    }(source.takeText())
    var layout = SourceLines.LayoutMeasures()
    for lines in lineSets { layout.add(lines.layout) }
    for index in lineSets.indices { lineSets[index].applyLayout(layout) }
    var assembled = (consume lineSets).concurrentMapHandingOver {
      lines -> (assembler: DocumentAssembler, removed: [RemovedLine]) in
      // The lines are freed when `segmented` returns.
      var (blocks, removed) = segmented(lines)
      return WordCodebook.withBorrowed { codebook in
        var assembler = DocumentAssembler(
          file: file, findingReferences: findingReferences, codebook: codebook)
        // Handed over, not shared: `assemble` takes its blocks out one by
        // one, and an array still held here was copied whole first (at
        // 10,000 resolutions, 26 MB of new pages and a retain of every
        // string of every paragraph).
        var taken: [Block] = []
        swap(&taken, &blocks)
        assembler.assemble(consume taken)
        return (assembler, removed)
      }
    }
    // Room for all the documents at once: grown piece by piece, the
    // array was moved (and its new pages faulted in) once a piece, on
    // this thread alone while the others waited.
    var documents: [Document] = []
    documents.reserveCapacity(assembled.reduce(0) { $0 + $1.assembler.documents.count })
    var diagnostics: [Diagnostic] = []
    var removed: [RemovedLine] = []
    var chapter: String?
    for index in assembled.indices {
      let first = documents.count
      documents.appendMoving(&assembled[index].assembler.documents)
      let (assembler, removedLines) = assembled[index]
      if let chapter {
        for position in first..<(first + assembler.documentsBeforeFirstChapter) {
          documents[position].chapter = chapter
        }
      }
      if assembler.sawChapter { chapter = assembler.finalChapter }
      diagnostics += assembler.diagnostics
      removed += removedLines
    }
    // Every piece after the first starts with a header, which takes the
    // chapter left over by the piece before: only the last one can have an
    // untaken chapter.
    if let untaken = assembled.last?.assembler.untakenChapter { diagnostics.append(untaken) }
    return ParsedFile(
      documents: documents, diagnostics: diagnostics,
      file: SourceFile(name: file, lineCount: lineCount, removedLines: removed))
  }
}

/// A piece's paragraphs and removed lines, its lines consumed.
private func segmented(_ lines: consuming SourceLines) -> ([Block], [RemovedLine]) {
  (ParagraphSegmenter.segment(lines), lines.removed)
}

/// Where a file may be cut into pieces that parse independently.
enum PieceBoundaries {
  /// Consecutive ranges of raw lines covering the file, about `count` of
  /// them, each after the first starting at a safe line.
  static func ranges(of prepared: PreparedText, count: Int) -> [Range<Int>] {
    let lines = prepared.rawLines
    guard count > 1, lines.count > 1 else { return [0..<lines.count] }
    // Pieces shrink from first to last (`shrinkingSplit`): the parse of
    // the last one is what the other cores wait for.
    let goals = Range<Int>.shrinkingShareBounds(of: prepared.text.utf8.count, parts: count)
    var starts = [0]
    var index = 1
    while index < lines.count {
      // Jump to the first line at or after the next target offset.
      guard starts.count < count else { break }
      let goal = goals[starts.count]
      if lines[index].start < goal {
        index = firstLine(in: lines, from: index, atOrAfter: goal)
        continue
      }
      if isSafeStart(index, prepared) {
        starts.append(index)
        index += 1
        continue
      }
      index += 1
    }
    var ranges: [Range<Int>] = []
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1] : lines.count
      ranges.append(start..<end)
    }
    return ranges
  }

  private static func firstLine(
    in lines: [SourceLines.RawLine], from: Int, atOrAfter offset: Int
  ) -> Int {
    var low = from
    var high = lines.count
    while low < high {
      let middle = (low + high) / 2
      if lines[middle].start < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// A header line (one that needs no paragraph start to be recognised)
  /// after a blank line, with no form feed on either, and no chapter
  /// heading before it up to the previous text (a chapter that precedes a
  /// header belongs with it, and is read differently when cut off).
  static func isSafeStart(_ index: Int, _ prepared: PreparedText) -> Bool {
    let lines = prepared.rawLines
    guard index >= 2, index < lines.count else { return false }
    let line = lines[index]
    let before = lines[index - 1]
    guard !line.formFeed, !before.formFeed, before.textStart == before.textEnd,
      line.textStart < line.textEnd
    else { return false }
    let text = prepared.text.utf8
    func trimmed(_ raw: SourceLines.RawLine) -> Substring {
      let start = text.index(text.startIndex, offsetBy: raw.textStart)
      let end = text.index(text.startIndex, offsetBy: raw.textEnd)
      return prepared.text[start..<end]
    }
    let first = text[text.index(text.startIndex, offsetBy: line.textStart)]
    guard first == UInt8(ascii: "R") || first == UInt8(ascii: "D") else { return false }
    guard DocumentHeader.parse(trimmed(line), atParagraphStart: false) != nil else {
      return false
    }
    // Back over blanks and page noise to the previous text line.
    var previous = index - 2
    var steps = 0
    while previous >= 0, steps < 64 {
      let raw = lines[previous]
      if raw.formFeed { return false }
      if raw.textStart == raw.textEnd {
        previous -= 1
        steps += 1
        continue
      }
      let previousText = trimmed(raw)
      if PageNoise.reason(for: previousText) != nil {
        previous -= 1
        steps += 1
        continue
      }
      return ChapterLine.parse(previousText) == nil
    }
    return previous < 0
  }
}
