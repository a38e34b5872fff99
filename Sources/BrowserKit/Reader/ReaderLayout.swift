import ResolutionKit

/// One laid-out grapheme of the reader: already made safe for the terminal.
public struct Glyph: Hashable, Sendable {
  public var character: Character
  public var width: Int
  public var role: ThemeRole
  /// A link or a footnote mark, in one field: a long document has
  /// millions of glyphs, so each stays small.
  private var target: Target?

  private enum Target: Hashable, Sendable {
    case reference(Int)
    case footnoteMarker(Int)
    case footnoteNote(Int)
  }

  init(
    character: Character, width: Int, role: ThemeRole, reference: Int? = nil,
    footnoteMarker: Int? = nil
  ) {
    self.character = character
    self.width = width
    self.role = role
    if let reference {
      target = .reference(reference)
    } else if let footnoteMarker {
      target = .footnoteMarker(footnoteMarker)
    }
  }

  /// Index into the document's `references` when the glyph is part of a link.
  public var reference: Int? {
    if case .reference(let index) = target { return index }
    return nil
  }

  /// Index into the layout's `footnotes` when the glyph is a footnote
  /// marker drawn where it stood in the text (`[1]`).
  public var footnoteMarker: Int? {
    if case .footnoteMarker(let index) = target { return index }
    return nil
  }

  /// Index into the layout's `footnotes` when the glyph is the mark in
  /// front of the footnote's own text.
  public var footnoteNote: Int? {
    get {
      if case .footnoteNote(let index) = target { return index }
      return nil
    }
    set { target = newValue.map { .footnoteNote($0) } }
  }
}

/// A footnote of the document: of the clause at `clausePath`, or of the
/// title when the path is nil; `index` into that one's footnotes.
public struct FootnoteID: Hashable, Sendable {
  public var clausePath: String?
  public var index: Int

  public init(clausePath: String?, index: Int) {
    self.clausePath = clausePath
    self.index = index
  }
}

/// A place Tab stops at in the reader: a link or a footnote marker.
public enum ReaderStop: Hashable, Sendable {
  /// Index into the document's `references`.
  case reference(Int)
  /// Index into the layout's `footnotes`.
  case footnote(Int)
}

/// One line of the reader: a stretch of one paragraph's glyphs, made when
/// asked for (only the lines on screen are).
public struct ReaderLine: Hashable, Sendable {
  public let indent: Int
  /// The clause the line belongs to, if any.
  public let clausePath: String?
  // Fileprivate, not private: the layout builds lines with the memberwise
  // initialiser.
  /// Nil for a blank line.
  fileprivate let paragraph: ReaderParagraph?
  fileprivate let start: ReaderParagraph.Cursor
  fileprivate let count: Int
  /// The paragraph's first line: the label stands in front of it.
  fileprivate let isFirst: Bool

  static let blank = ReaderLine(
    indent: 0, clausePath: nil, paragraph: nil, start: .init(), count: 0, isFirst: false)

  /// What stands before the text: the label, or the room under it.
  private var lead: [Glyph] {
    guard let paragraph else { return [] }
    return isFirst ? paragraph.firstLead : paragraph.otherLead
  }

  /// Whether the line draws nothing (`glyphs` is empty).
  public var isEmpty: Bool { count == 0 && lead.isEmpty }

  public var glyphs: [Glyph] {
    guard let paragraph else { return [] }
    return lead + paragraph.glyphs(from: start, count: count)
  }

  /// The characters of `glyphs`, one string.
  public var characters: String {
    guard let paragraph else { return "" }
    return paragraph.characters(after: lead, from: start, count: count)
  }

  public var text: String { String(repeating: " ", count: indent) + characters }

  public static func == (a: ReaderLine, b: ReaderLine) -> Bool {
    a.indent == b.indent && a.clausePath == b.clausePath && a.glyphs == b.glyphs
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(indent)
    hasher.combine(clausePath)
    hasher.combine(glyphs)
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
  /// Every footnote of the document, in reading order (title first).
  public private(set) var footnotes: [FootnoteID] = []
  /// Line and column of each footnote's marker in the text, by index in
  /// `footnotes`; nil when the marker's place is not known.
  public private(set) var markerPlaces: [(line: Int, column: Int)?] = []
  /// First line of each footnote's own text, by index in `footnotes`.
  public private(set) var noteLines: [Int] = []
  /// Links and footnote markers in reading order: where Tab stops.
  public private(set) var stops: [(stop: ReaderStop, line: Int)] = []
  private var footnoteIndexByID: [FootnoteID: Int] = [:]

  public init(document: Document, index: Int, width: Int) {
    documentIndex = index
    self.width = max(1, width)
    build(document)
    var seen = Set<Int>()
    var ordered: [(stop: ReaderStop, line: Int, column: Int)] = []
    for placement in placements where seen.insert(placement.reference).inserted {
      linkOrder.append((placement.reference, placement.line))
      ordered.append((.reference(placement.reference), placement.line, placement.column))
    }
    for (footnote, place) in markerPlaces.enumerated() {
      if let place { ordered.append((.footnote(footnote), place.line, place.column)) }
    }
    // Stable: a link and a marker never share a column, but keep it total.
    ordered = ordered.enumerated().sorted {
      ($0.element.line, $0.element.column, $0.offset) < (
        $1.element.line, $1.element.column, $1.offset
      )
    }.map(\.element)
    stops = ordered.map { ($0.stop, $0.line) }
  }

  /// How a footnote's mark is drawn: `[1]` for `¹` or `1`, `[*]`.
  public static func displayMark(_ mark: String) -> String {
    var plain = ""
    for scalar in mark.unicodeScalars {
      switch scalar {
      case "\u{00B9}": plain += "1"
      case "\u{00B2}": plain += "2"
      case "\u{00B3}": plain += "3"
      case "\u{2070}", "\u{2074}"..."\u{2079}":
        plain += String(scalar.value - 0x2070)
      default: plain.unicodeScalars.append(scalar)
      }
    }
    return "[" + plain + "]"
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
      paragraph(
        title, role: .documentTitle, references: references(.title, ""),
        markers: register(document.titleFootnotes, of: nil))
    }
    notes(document.titleFootnotes, of: nil, indent: 0, references: references)
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
        indent: indent, hang: labelWidth, label: label, clausePath: clause.path,
        markers: register(clause.footnotes, of: clause.path))
      notes(clause.footnotes, of: clause.path, indent: indent + labelWidth, references: references)
      clauseLines[clause.path] = start..<lines.count
      stack.append(contentsOf: clause.children.reversed().map { ($0, depth + 1) })
    }
  }

  /// Gives each footnote its index in `footnotes`; returns the markers to
  /// draw in the text that carries them.
  private mutating func register(_ notes: [Footnote], of path: String?) -> [FootnoteMarker] {
    var markers: [FootnoteMarker] = []
    for (index, footnote) in notes.enumerated() {
      let id = FootnoteID(clausePath: path, index: index)
      guard footnoteIndexByID[id] == nil else { continue }
      let number = footnotes.count
      footnotes.append(id)
      footnoteIndexByID[id] = number
      markerPlaces.append(nil)
      noteLines.append(0)
      if let anchor = footnote.anchor {
        markers.append(
          FootnoteMarker(offset: anchor, footnote: number, text: Self.displayMark(footnote.mark)))
      }
    }
    return markers
  }

  /// The footnotes' own texts, `[1] text`, under what carries them.
  private mutating func notes(
    _ notes: [Footnote], of path: String?, indent: Int,
    references: (ReferenceField, String, Int?) -> [(Int, Range<Int>)]
  ) {
    for (index, footnote) in notes.enumerated() {
      guard let number = footnoteIndexByID[FootnoteID(clausePath: path, index: index)] else {
        continue
      }
      let prefix = Self.displayMark(footnote.mark) + " "
      noteLines[number] = lines.count
      paragraph(
        prefix + footnote.text, role: .bodyText,
        references: shift(references(.footnote, path ?? "", index), by: prefix),
        indent: indent, clausePath: path, note: (number, prefix.count - 1))
    }
  }

  private func shift(_ refs: [(Int, Range<Int>)], by prefix: String) -> [(Int, Range<Int>)] {
    let n = prefix.utf8.count
    return refs.map { ($0.0, ($0.1.lowerBound + n)..<($0.1.upperBound + n)) }
  }

  private mutating func blank() {
    if let last = lines.last, last.isEmpty { return }
    if lines.isEmpty { return }
    lines.append(.blank)
  }

  /// Wraps one paragraph at spaces into lines of `width` columns. The label
  /// hangs in the first `hang` columns after `indent`. Lines keep where they
  /// start in the paragraph's glyph stream and how many glyphs they draw.
  private mutating func paragraph(
    _ text: String, role: ThemeRole, references: [(Int, Range<Int>)] = [], indent: Int = 0,
    hang: Int = 0, label: String = "", clausePath: String? = nil,
    markers: [FootnoteMarker] = [], note: (footnote: Int, markWidth: Int)? = nil
  ) {
    let indent = min(indent, max(0, width - 1))
    let hang = min(hang, max(0, width - indent - 1))
    let available = max(1, width - indent - hang)
    let spaces = Array(repeating: Glyph(character: " ", width: 1, role: role), count: hang)
    var firstLead = spaces
    if !label.isEmpty {
      firstLead = Self.glyphs(
        TextFitting.truncate(label, toWidth: max(1, hang - 1)), role: .clauseLabel)
      let labelWidth = firstLead.reduce(0) { $0 + $1.width }
      firstLead += Array(
        repeating: Glyph(character: " ", width: 1, role: role), count: max(0, hang - labelWidth))
    }
    let source = ReaderParagraph(
      text: text, role: role, references: references,
      markers: markers.map { (offset: $0.offset, glyphs: Self.markerGlyphs($0)) }, note: note,
      firstLead: firstLead, otherLead: spaces)

    var first = true
    // Ordinals of the glyphs that are links or markers: only lines holding
    // one are walked again to place them.
    var targets: [Int] = []
    var nextTarget = 0
    func flush(_ start: ReaderParagraph.Cursor, _ count: Int) {
      while nextTarget < targets.count, targets[nextTarget] < start.ordinal { nextTarget += 1 }
      if count > 0, nextTarget < targets.count, targets[nextTarget] < start.ordinal + count {
        let lead = first ? firstLead : spaces
        place(
          source, from: start, count: count, line: lines.count,
          column: indent + lead.reduce(0) { $0 + $1.width })
      }
      lines.append(
        ReaderLine(
          indent: indent, clausePath: clausePath, paragraph: source, start: start, count: count,
          isFirst: first))
      first = false
    }

    // The line being filled: where it starts, its glyphs, those up to its
    // last non-space, its width; its last space and what follows it.
    var cursor = ReaderParagraph.Cursor()
    var start = cursor
    var count = 0
    var kept = 0
    var used = 0
    var lastSpace: (index: Int, kept: Int, after: ReaderParagraph.Cursor)?
    var widthAfterSpace = 0
    while true {
      let before = cursor
      guard let glyph = source.step(&cursor) else { break }
      let isSpace = glyph.isSpace
      if glyph.hasTarget { targets.append(before.ordinal) }
      if count == 0 && isSpace { continue }
      if used + glyph.width > available {
        if isSpace {
          flush(start, kept)
          count = 0
          kept = 0
          used = 0
          lastSpace = nil
          continue
        }
        if let space = lastSpace, space.index > 0 {
          flush(start, space.kept)
          start = space.after
          count -= space.index + 1
          kept = count
          used = widthAfterSpace
        } else {
          flush(start, kept)
          count = 0
          kept = 0
          used = 0
        }
        lastSpace = nil
      }
      if count == 0 { start = before }
      if isSpace {
        lastSpace = (count, kept, cursor)
        widthAfterSpace = 0
      } else {
        kept = count + 1
        widthAfterSpace += glyph.width
      }
      count += 1
      used += glyph.width
    }
    if count > 0 || first { flush(start, kept) }
  }

  /// Records the links and footnote markers of one line: `count` glyphs
  /// from `start`, the first drawn at `column`.
  private mutating func place(
    _ source: ReaderParagraph, from start: ReaderParagraph.Cursor, count: Int, line: Int,
    column: Int
  ) {
    var cursor = start
    var column = column
    var run: LinkPlacement?
    for _ in 0..<count {
      guard let glyph = source.step(&cursor) else { break }
      if let marker = glyph.footnoteMarker, markerPlaces.indices.contains(marker),
        markerPlaces[marker] == nil
      {
        markerPlaces[marker] = (line, column)
      }
      if let reference = glyph.reference {
        if var current = run, current.reference == reference {
          current.width += glyph.width
          run = current
        } else {
          if let current = run { placements.append(current) }
          run = LinkPlacement(reference: reference, line: line, column: column, width: glyph.width)
        }
      } else if let current = run {
        placements.append(current)
        run = nil
      }
      column += glyph.width
    }
    if let current = run { placements.append(current) }
  }

  /// A footnote marker to draw inside a text, at a UTF-8 offset.
  struct FootnoteMarker {
    var offset: Int
    var footnote: Int
    var text: String
  }

  /// Safe graphemes of a text with one role, as the reader draws them.
  static func glyphs(_ text: String, role: ThemeRole) -> [Glyph] {
    let source = ReaderParagraph(
      text: text, role: role, references: [], markers: [], note: nil, firstLead: [],
      otherLead: [])
    return source.glyphs(from: .init(), count: .max)
  }

  private static func markerGlyphs(_ marker: FootnoteMarker) -> [Glyph] {
    var result: [Glyph] = []
    for character in marker.text {
      let safe = TerminalText.safe(character)
      let width = DisplayWidth.of(safe)
      guard width > 0 else { continue }
      result.append(
        Glyph(
          character: safe, width: width, role: .footnoteMark, footnoteMarker: marker.footnote))
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

  /// The index in `footnotes` of a footnote, if it is laid out.
  public func index(of footnote: FootnoteID) -> Int? { footnoteIndexByID[footnote] }

  /// The footnote whose marker (or, `atNote`, whose own mark) is drawn at
  /// a line and text column.
  public func footnote(line: Int, column: Int) -> (footnote: Int, atNote: Bool)? {
    guard lines.indices.contains(line) else { return nil }
    let readerLine = lines[line]
    var x = readerLine.indent
    for glyph in readerLine.glyphs {
      if column >= x && column < x + glyph.width {
        if let marker = glyph.footnoteMarker { return (marker, false) }
        if let note = glyph.footnoteNote { return (note, true) }
        return nil
      }
      x += glyph.width
    }
    return nil
  }

  /// The first line of a reference.
  public func line(ofReference reference: Int) -> Int? {
    linkOrder.first { $0.reference == reference }?.line
  }
}
