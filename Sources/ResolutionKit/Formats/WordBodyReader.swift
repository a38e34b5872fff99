import Foundation

/// Reads the paragraphs of word/document.xml (or the notes of
/// word/footnotes.xml and word/endnotes.xml) as text lines: runs joined,
/// tabs and breaks kept, automatic numbers written out, table rows as
/// `cell | cell`, and each footnote written where its marker stands as
/// `[footnote 1: text]`.
final class WordBodyReader: WordXMLHandler {
  enum Mode {
    case document
    /// Collects each `w:footnote`/`w:endnote` as one line, by id.
    case notes
  }

  private let mode: Mode
  private let styles: WordStyles
  private var counters: WordListCounters?
  private let footnotes: [String: String]
  private let endnotes: [String: String]

  /// The paragraphs, in reading order (document mode).
  private(set) var paragraphs: [String] = []
  /// Note text by id (notes mode).
  private(set) var notes: [String: String] = [:]

  private struct Paragraph {
    var text = ""
    var styleID: String?
    var numID: String?
    var level: Int?
    var italicPieces = 0
    var uprightPieces = 0
  }

  /// Open paragraphs: a text box's paragraphs sit inside another's run.
  private var open: [Paragraph] = []
  /// Depth inside content that is not shown: deleted or moved-away text,
  /// the fallback copy of alternate content, hidden notes.
  private var skipDepth = 0
  private var inText = false
  private var runItalic: Bool?
  private var runStyle: String?
  private var runHidden = false
  private var customMark: (kind: String, id: String, mark: String)?
  private var footnoteCount = 0
  private var endnoteCount = 0
  private var tableDepth = 0
  private var row = ""
  private var cellsInRow = 0
  private var noteID: String?
  private var noteLines: [String] = []

  private static let hiddenElements: Set<String> = [
    "Fallback", "del", "moveFrom", "instrText", "delInstrText",
  ]

  init(
    mode: Mode, styles: WordStyles, numbering: WordNumbering?,
    footnotes: [String: String] = [:], endnotes: [String: String] = [:]
  ) {
    self.mode = mode
    self.styles = styles
    self.counters = numbering.map { WordListCounters(numbering: $0, styles: styles) }
    self.footnotes = footnotes
    self.endnotes = endnotes
  }

  override func start(_ name: String, attributes: [String: String]) {
    if skipDepth > 0 || Self.hiddenElements.contains(name) {
      skipDepth += 1
      return
    }
    switch name {
    case "p":
      open.append(Paragraph())
    case "pStyle" where parent == "pPr":
      updateParagraph { $0.styleID = attributes.word("val") }
    case "numId" where parent == "numPr":
      updateParagraph { $0.numID = attributes.word("val") }
    case "ilvl" where parent == "numPr":
      updateParagraph { $0.level = attributes.word("val").flatMap { Int($0) } }
    case "r":
      runItalic = nil
      runStyle = nil
      runHidden = false
    case "i" where isRunProperty:
      runItalic = wordToggle(attributes)
    case "rStyle" where isRunProperty:
      runStyle = attributes.word("val")
    case "vanish" where isRunProperty:
      runHidden = wordToggle(attributes)
    case "t" where parent == "r":
      inText = true
    case "tab" where parent == "r", "ptab" where parent == "r":
      appendToParagraph("\t", countsAsText: false)
    case "br" where parent == "r", "cr" where parent == "r":
      appendToParagraph("\n", countsAsText: false)
    case "noBreakHyphen":
      appendToParagraph("-", countsAsText: true)
    case "footnoteReference", "endnoteReference":
      noteReference(name, attributes: attributes)
    case "tbl":
      tableDepth += 1
      if tableDepth == 1 { startRow() }
    case "tr" where tableDepth == 1:
      startRow()
    case "tc":
      if cellsInRow > 0 { row += " | " }
      cellsInRow += 1
    case "footnote", "endnote":
      let type = attributes.word("type") ?? "normal"
      if mode == .notes && type == "normal" {
        noteID = attributes.word("id")
        noteLines = []
      } else {
        skipDepth = 1  // separators, or notes inside the body (not Word's)
      }
    default:
      break
    }
  }

  override func end(_ name: String) {
    if skipDepth > 0 {
      skipDepth -= 1
      return
    }
    switch name {
    case "t":
      inText = false
    case "r":
      if let note = customMark {
        customMark = nil
        insertNote(kind: note.kind, id: note.id, mark: note.mark)
      }
      runHidden = false
    case "p":
      if let paragraph = open.popLast() { finish(paragraph) }
    case "tr" where tableDepth == 1:
      output(row.trimmingCharacters(in: .whitespaces))
      startRow()
    case "tbl":
      if tableDepth == 1 { output(row.trimmingCharacters(in: .whitespaces)) }
      tableDepth = max(0, tableDepth - 1)
      if tableDepth == 0 { startRow() }
    case "footnote", "endnote":
      if let id = noteID {
        notes[id] = noteLines.joined(separator: " ")
        noteID = nil
      }
    default:
      break
    }
  }

  override func characters(_ text: String) {
    guard inText, skipDepth == 0, !runHidden else { return }
    if customMark != nil {
      customMark?.mark += text
      return
    }
    appendToParagraph(text, countsAsText: true)
  }

  /// `w:i` directly in a run's properties (not the paragraph mark's).
  private var isRunProperty: Bool {
    parent == "rPr" && path.count >= 3 && path[path.count - 3] == "r"
  }

  private func updateParagraph(_ change: (inout Paragraph) -> Void) {
    guard !open.isEmpty else { return }
    change(&open[open.count - 1])
  }

  private func appendToParagraph(_ text: String, countsAsText: Bool) {
    guard !open.isEmpty else { return }
    let index = open.count - 1
    open[index].text += text
    guard countsAsText, text.contains(where: { !$0.isWhitespace }) else { return }
    let italic =
      runItalic ?? styles.isItalic(runStyle) ?? styles.isItalic(open[index].styleID) ?? false
    if italic {
      open[index].italicPieces += 1
    } else {
      open[index].uprightPieces += 1
    }
  }

  private func noteReference(_ name: String, attributes: [String: String]) {
    guard let id = attributes.word("id") else { return }
    let kind = name == "footnoteReference" ? "footnote" : "endnote"
    if let custom = attributes.word("customMarkFollows"), wordToggle(["val": custom]) {
      customMark = (kind, id, "")
      return
    }
    let mark: String
    if kind == "footnote" {
      footnoteCount += 1
      mark = String(footnoteCount)
    } else {
      endnoteCount += 1
      mark = ListNumberFormat.roman(endnoteCount).lowercased()
    }
    insertNote(kind: kind, id: id, mark: mark)
  }

  /// The note's text where its marker stands, so it stays with its clause.
  private func insertNote(kind: String, id: String, mark: String) {
    guard !open.isEmpty else { return }
    let text = (kind == "footnote" ? footnotes[id] : endnotes[id]) ?? ""
    let mark = mark.trimmingCharacters(in: .whitespaces)
    var inserted = text.isEmpty ? "[\(kind) \(mark)]" : "[\(kind) \(mark): \(text)]"
    if let last = open[open.count - 1].text.last, !last.isWhitespace { inserted = " " + inserted }
    appendToParagraph(inserted, countsAsText: false)
  }

  private func finish(_ paragraph: Paragraph) {
    let styleNumbering = styles.numbering(paragraph.styleID)
    var label: (label: String, separator: String)?
    if let numID = paragraph.numID ?? styleNumbering?.numID {
      let level = paragraph.level ?? styleNumbering?.level ?? 0
      label = counters?.nextLabel(numID: numID, level: level)
    }
    var text = paragraph.text
    let isHeading =
      styles.isHeading(paragraph.styleID)
      || (paragraph.italicPieces > 0 && paragraph.uprightPieces == 0)
    // A heading is one line, so the parser never reads part of it as text.
    if isHeading { text = text.replacingOccurrences(of: "\n", with: " ") }
    let lines = text.split(separator: "\n")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    guard !lines.isEmpty else { return }
    var body = lines.joined(separator: "\n")
    if let label, !label.label.isEmpty { body = label.label + label.separator + body }
    if tableDepth > 0 {
      if !row.isEmpty && !row.hasSuffix(" | ") { row += " " }
      row += body.replacingOccurrences(of: "\n", with: " ")
    } else {
      output(body)
    }
  }

  /// A finished line: into the body, or into the open note.
  private func output(_ body: String) {
    guard !body.isEmpty else { return }
    switch mode {
    case .document:
      paragraphs.append(body)
    case .notes:
      if noteID != nil { noteLines.append(body.replacingOccurrences(of: "\n", with: " ")) }
    }
  }

  private func startRow() {
    row = ""
    cellsInRow = 0
  }
}
