import ResolutionKit

/// One laid-out grapheme of the reader: already made safe for the terminal.
public struct Glyph: Hashable, Sendable {
  public var character: Character
  public var width: Int
  public var role: ThemeRole
  /// Index into the document's `references` when the glyph is part of a link.
  public var reference: Int?
}

/// One line of the reader.
public struct ReaderLine: Hashable, Sendable {
  public var indent: Int
  public var glyphs: [Glyph]
  /// The clause the line belongs to, if any.
  public var clausePath: String?

  public var text: String {
    String(repeating: " ", count: indent) + String(glyphs.map(\.character))
  }
}

/// Where a link (a fragment of one, when it wraps) stands in the layout.
public struct LinkPlacement: Hashable, Sendable {
  public var reference: Int
  public var line: Int
  /// Column in the reader's text area.
  public var column: Int
  public var width: Int
}

/// A document laid out for one text width: title, authority, headings,
/// clauses with hanging labels, footnotes, annexes, the `Ref.:` line.
/// Computed once per document and width, then only sliced when drawing.
public struct ReaderLayout: Sendable {
  public let documentIndex: Int
  public let width: Int
  public private(set) var lines: [ReaderLine] = []
  /// Lines of each clause's own text (children excluded), by path.
  public private(set) var clauseLines: [String: Range<Int>] = [:]
  /// First line of each section and annex heading.
  public private(set) var sectionLines: [Int] = []
  public private(set) var annexLines: [Int] = []
  /// Every link fragment, in reading order.
  public private(set) var placements: [LinkPlacement] = []
  /// Each drawn reference once, in reading order, with its first line.
  public private(set) var linkOrder: [(reference: Int, line: Int)] = []

  public init(document: Document, index: Int, width: Int) {
    documentIndex = index
    self.width = max(1, width)
    build(document)
    var seen = Set<Int>()
    for placement in placements where seen.insert(placement.reference).inserted {
      linkOrder.append((placement.reference, placement.line))
    }
  }

  /// Labels as a reader expects them: `a)` for letters, numbers as printed.
  public static func displayLabel(_ label: String) -> String {
    guard let first = label.first else { return label }
    return first.isLetter ? label + ")" : label
  }

  /// How the document is named on its first line: `Resolution 1316 (C09)`.
  public static func heading(of document: Document) -> String {
    switch document.kind {
    case .fragment:
      return "Fragment (\(document.location.file))"
    case .resolution, .decision:
      var text = document.kind == .resolution ? "Resolution" : "Decision"
      if let number = document.number { text += " " + number }
      if let revision = document.revision ?? document.session { text += " (\(revision))" }
      if let body = document.body, body != "Council" { text += " of the " + body }
      return text
    }
  }

  // MARK: Building

  /// Which text a reference stands in: its field, path and footnote.
  private struct FieldKey: Hashable {
    var field: ReferenceField
    var path: String
    var footnote: Int?
  }

  private mutating func build(_ document: Document) {
    // Grouped once: asking every paragraph to filter every reference made
    // laying out a document quadratic in its size.
    var byField: [FieldKey: [(Int, Range<Int>)]] = [:]
    for (i, r) in document.references.enumerated() {
      byField[FieldKey(field: r.field, path: r.path, footnote: r.footnote), default: []].append(
        (i, r.span))
    }
    func references(_ field: ReferenceField, _ path: String, footnote: Int? = nil) -> [(
      Int, Range<Int>
    )] {
      byField[FieldKey(field: field, path: path, footnote: footnote)] ?? []
    }
    paragraph(Self.heading(of: document), role: .documentTitle)
    if let title = document.title {
      paragraph(title, role: .documentTitle, references: references(.title, ""))
    }
    if let authority = document.authority {
      blank()
      paragraph(authority + ",", role: .bodyText)
    }
    for section in document.sections {
      blank()
      sectionLines.append(lines.count)
      paragraph(section.heading, role: .heading, references: references(.heading, section.heading))
      clauses(section.clauses, references: references)
    }
    for annex in document.annexes {
      blank()
      annexLines.append(lines.count)
      paragraph(annex.heading, role: .heading, references: references(.annexTitle, annex.heading))
      if let title = annex.title {
        paragraph(title, role: .heading, references: references(.annexTitle, annex.heading))
      }
      clauses(annex.clauses, references: references)
    }
    if let sourcesLine = document.sourcesLine {
      blank()
      let prefix = "Ref.: "
      let shifted = references(.sources, "").map {
        ($0.0, ($0.1.lowerBound + prefix.utf8.count)..<($0.1.upperBound + prefix.utf8.count))
      }
      paragraph(prefix + sourcesLine, role: .bodyText, references: shifted)
    }
    if lines.isEmpty { paragraph("(empty)", role: .bodyText) }
  }

  /// Clauses depth first, with an explicit stack (nesting comes from input).
  private mutating func clauses(
    _ top: [Clause], references: (ReferenceField, String, Int?) -> [(Int, Range<Int>)]
  ) {
    var stack: [(Clause, Int)] = top.reversed().map { ($0, 0) }
    while let (clause, depth) = stack.popLast() {
      if depth == 0 { blank() }
      let start = lines.count
      let indent = min(depth * 3, width / 3)
      let label = clause.label.map(Self.displayLabel) ?? ""
      let labelWidth =
        label.isEmpty ? 0 : min(max(DisplayWidth.of(label) + 1, 4), max(0, width / 3))
      paragraph(
        clause.text, role: .bodyText, references: references(.clause, clause.path, nil),
        indent: indent, hang: labelWidth, label: label, clausePath: clause.path)
      for (index, footnote) in clause.footnotes.enumerated() {
        paragraph(
          "[\(footnote.mark)] " + footnote.text, role: .bodyText,
          references: shift(references(.footnote, clause.path, index), by: "[\(footnote.mark)] "),
          indent: indent + labelWidth, clausePath: clause.path)
      }
      clauseLines[clause.path] = start..<lines.count
      stack.append(contentsOf: clause.children.reversed().map { ($0, depth + 1) })
    }
  }

  private func shift(_ refs: [(Int, Range<Int>)], by prefix: String) -> [(Int, Range<Int>)] {
    let n = prefix.utf8.count
    return refs.map { ($0.0, ($0.1.lowerBound + n)..<($0.1.upperBound + n)) }
  }

  private mutating func blank() {
    if let last = lines.last, last.glyphs.isEmpty { return }
    if lines.isEmpty { return }
    lines.append(ReaderLine(indent: 0, glyphs: [], clausePath: nil))
  }

  /// Wraps one paragraph at spaces into lines of `width` columns. The label
  /// hangs in the first `hang` columns after `indent`.
  private mutating func paragraph(
    _ text: String, role: ThemeRole, references: [(Int, Range<Int>)] = [], indent: Int = 0,
    hang: Int = 0, label: String = "", clausePath: String? = nil
  ) {
    let glyphs = Self.glyphs(text, role: role, references: references)
    let indent = min(indent, max(0, width - 1))
    let hang = min(hang, max(0, width - indent - 1))
    let available = max(1, width - indent - hang)
    var line: [Glyph] = []
    var used = 0
    var lastSpace: Int?  // index in `line` of the last space
    var first = true

    func labelGlyphs() -> [Glyph] {
      guard first, !label.isEmpty else {
        return Array(repeating: Glyph(character: " ", width: 1, role: role), count: hang)
      }
      var result = Self.glyphs(
        TextFitting.truncate(label, toWidth: max(1, hang - 1)), role: .clauseLabel, references: [])
      let w = result.reduce(0) { $0 + $1.width }
      result += Array(
        repeating: Glyph(character: " ", width: 1, role: role), count: max(0, hang - w))
      return result
    }

    func flush(_ body: [Glyph]) {
      var trimmed = body
      while let last = trimmed.last, last.character == " " { trimmed.removeLast() }
      let start = labelGlyphs()
      let lineIndex = lines.count
      var column = indent + start.reduce(0) { $0 + $1.width }
      var run: LinkPlacement?
      for glyph in trimmed {
        if let reference = glyph.reference {
          if var current = run, current.reference == reference {
            current.width += glyph.width
            run = current
          } else {
            if let current = run { placements.append(current) }
            run = LinkPlacement(
              reference: reference, line: lineIndex, column: column, width: glyph.width)
          }
        } else if let current = run {
          placements.append(current)
          run = nil
        }
        column += glyph.width
      }
      if let current = run { placements.append(current) }
      lines.append(ReaderLine(indent: indent, glyphs: start + trimmed, clausePath: clausePath))
      first = false
    }

    for glyph in glyphs {
      if line.isEmpty && glyph.character == " " { continue }
      if used + glyph.width > available {
        if glyph.character == " " {
          flush(line)
          line = []
          used = 0
          lastSpace = nil
          continue
        }
        if let space = lastSpace, space > 0 {
          let carried = Array(line[(space + 1)...])
          flush(Array(line[..<space]))
          line = carried
        } else {
          flush(line)
          line = []
        }
        used = line.reduce(0) { $0 + $1.width }
        lastSpace = nil
      }
      if glyph.character == " " { lastSpace = line.count }
      line.append(glyph)
      used += glyph.width
    }
    if !line.isEmpty || first { flush(line) }
  }

  /// Safe graphemes with roles; those inside a reference span (UTF-8 byte
  /// offsets) carry the reference. Spans out of range are ignored.
  static func glyphs(_ text: String, role: ThemeRole, references: [(Int, Range<Int>)]) -> [Glyph] {
    let spans = references.filter { $0.1.lowerBound >= 0 && $0.1.lowerBound < $0.1.upperBound }
      .sorted { $0.1.lowerBound < $1.1.lowerBound }
    var result: [Glyph] = []
    let utf8 = text.utf8
    result.reserveCapacity(utf8.count)
    var offset = 0
    var spanIndex = 0
    var position = utf8.startIndex
    while position != utf8.endIndex {
      while spanIndex < spans.count, spans[spanIndex].1.upperBound <= offset { spanIndex += 1 }
      var reference: Int?
      if spanIndex < spans.count, spans[spanIndex].1.contains(offset) {
        reference = spans[spanIndex].0
      }
      // Printable ASCII followed by ASCII is a grapheme of its own, safe and
      // one column wide: most text takes this path, without grapheme breaking.
      let byte = utf8[position]
      let next = utf8.index(after: position)
      if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
        result.append(
          Glyph(
            character: Character(Unicode.Scalar(byte)), width: 1, role: role, reference: reference))
        offset += 1
        position = next
        continue
      }
      let character = text[position]
      offset += character.utf8.count
      position = text.index(after: position)
      let safe = TerminalText.safe(character)
      let width = DisplayWidth.of(safe)
      guard width > 0 else { continue }
      result.append(Glyph(character: safe, width: width, role: role, reference: reference))
    }
    return result
  }

  // MARK: Queries

  /// The first line of a clause, if it is laid out.
  public func line(ofClause path: String) -> Int? { clauseLines[path]?.lowerBound }

  /// The link fragment at a line and text column.
  public func placement(line: Int, column: Int) -> LinkPlacement? {
    placements.first { $0.line == line && column >= $0.column && column < $0.column + $0.width }
  }

  /// The first line of a reference.
  public func line(ofReference reference: Int) -> Int? {
    linkOrder.first { $0.reference == reference }?.line
  }
}
