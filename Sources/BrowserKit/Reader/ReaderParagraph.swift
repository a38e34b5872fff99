import ResolutionKit

/// One paragraph of the reader as a stream of glyphs made on demand: its
/// text, the references and footnote markers drawn in it, and what stands
/// in front of its lines. Lines keep a cursor into it rather than glyphs of
/// their own: a clause of 20 MB held as glyphs took 2 GB and seconds to lay
/// out before the first frame.
final class ReaderParagraph: Sendable {
  let text: String
  let role: ThemeRole
  /// Reference spans (UTF-8 byte offsets) sorted by start; empty ones and
  /// those starting before the text dropped.
  let spans: [(reference: Int, span: Range<Int>)]
  /// Footnote markers sorted by offset (stable), each as its glyphs.
  let markers: [(offset: Int, glyphs: [Glyph])]
  /// The first `markWidth` glyphs are the mark of footnote `footnote`'s
  /// own text, when the paragraph is one.
  let note: (footnote: Int, markWidth: Int)?
  /// Drawn before the first line (the hanging label) and before the others.
  let firstLead: [Glyph]
  let otherLead: [Glyph]

  init(
    text: String, role: ThemeRole, references: [(Int, Range<Int>)],
    markers: [(offset: Int, glyphs: [Glyph])], note: (footnote: Int, markWidth: Int)?,
    firstLead: [Glyph], otherLead: [Glyph]
  ) {
    self.text = text
    self.role = role
    spans = references.filter { $0.1.lowerBound >= 0 && $0.1.lowerBound < $0.1.upperBound }
      .sorted { $0.1.lowerBound < $1.1.lowerBound }
      .map { (reference: $0.0, span: $0.1) }
    self.markers = markers.enumerated().sorted {
      ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
    }.map(\.element)
    self.note = note
    self.firstLead = firstLead
    self.otherLead = otherLead
  }

  /// A place in the stream, between two glyphs.
  struct Cursor: Sendable {
    /// UTF-8 offset of the next character of the text.
    var offset = 0
    /// Next marker, and next glyph within it.
    var marker: Int32 = 0
    var markerGlyph: Int32 = 0
    /// Glyphs before this place.
    var ordinal = 0
    /// First span that does not end at or before `offset`.
    var span = 0
  }

  /// The next glyph as wrapping and link placing need it, without making
  /// it: making a `Character` for each glyph was most of the time laying
  /// out a long text took.
  /// Plain values only, so that steps cost no reference counting.
  struct Step {
    enum Source { case ascii, character, marker }
    var source: Source
    /// UTF-8 offset of the character, or the index of the marker.
    var position: Int
    /// Index of the glyph in the marker.
    var markerGlyph: Int
    var width: Int
    var isSpace: Bool
    /// Part of the note's own mark (which replaces link and marker).
    var isNoteMark = false
    var reference: Int?
    var footnoteMarker: Int?

    /// Whether the glyph is a link or a footnote marker in the text.
    var hasTarget: Bool { reference != nil || footnoteMarker != nil }
  }

  /// The step after `cursor`, moving it past; nil at the end. Markers come
  /// before the first character at or after their offset, or at the end.
  func step(_ cursor: inout Cursor) -> Step? {
    let utf8 = text.utf8
    var step: Step
    while true {
      if Int(cursor.marker) < markers.count {
        let marker = markers[Int(cursor.marker)]
        if marker.offset <= cursor.offset || cursor.offset >= utf8.count {
          guard Int(cursor.markerGlyph) < marker.glyphs.count else {
            cursor.marker += 1
            cursor.markerGlyph = 0
            continue
          }
          let glyph = marker.glyphs[Int(cursor.markerGlyph)]
          step = Step(
            source: .marker, position: Int(cursor.marker), markerGlyph: Int(cursor.markerGlyph),
            width: glyph.width, isSpace: glyph.character == " ", reference: glyph.reference,
            footnoteMarker: glyph.footnoteMarker)
          cursor.markerGlyph += 1
          break
        }
      }
      guard cursor.offset < utf8.count else { return nil }
      while cursor.span < spans.count, spans[cursor.span].span.upperBound <= cursor.offset {
        cursor.span += 1
      }
      var reference: Int?
      if cursor.span < spans.count, spans[cursor.span].span.contains(cursor.offset) {
        reference = spans[cursor.span].reference
      }
      // Printable ASCII followed by ASCII is a grapheme of its own, safe and
      // one column wide: most text takes this path, without grapheme breaking.
      let position = utf8.index(utf8.startIndex, offsetBy: cursor.offset)
      let byte = utf8[position]
      let next = utf8.index(after: position)
      if byte >= 0x20, byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 {
        step = Step(
          source: .ascii, position: cursor.offset, markerGlyph: 0, width: 1, isSpace: byte == 0x20,
          reference: reference)
        cursor.offset += 1
        break
      }
      let raw = text[position]
      let character = TerminalText.safe(raw)
      let width = DisplayWidth.of(character)
      let start = cursor.offset
      cursor.offset += raw.utf8.count
      guard width > 0 else { continue }
      step = Step(
        source: .character, position: start, markerGlyph: 0, width: width,
        isSpace: character == " ", reference: reference)
      break
    }
    if let note, cursor.ordinal < note.markWidth {
      step.isNoteMark = true
      step.reference = nil
      step.footnoteMarker = nil
    }
    cursor.ordinal += 1
    return step
  }

  /// Characters of ASCII, made once.
  private static let asciiCharacters: [Character] = (0..<128).map {
    Character(Unicode.Scalar(UInt8($0)))
  }

  /// The glyph after `cursor`, moving it past; nil at the end.
  func next(_ cursor: inout Cursor) -> Glyph? {
    guard let step = step(&cursor) else { return nil }
    var glyph: Glyph
    if case .marker = step.source {
      glyph = markers[step.position].glyphs[step.markerGlyph]
    } else {
      glyph = Glyph(
        character: character(of: step), width: step.width, role: role, reference: step.reference)
    }
    if step.isNoteMark, let note {
      glyph.role = .footnoteMark
      glyph.footnoteNote = note.footnote
    }
    return glyph
  }

  /// What a step draws.
  private func character(of step: Step) -> Character {
    switch step.source {
    case .ascii:
      return Self.asciiCharacters[Int(byte(at: step.position))]
    case .character:
      return TerminalText.safe(text[text.utf8.index(text.utf8.startIndex, offsetBy: step.position)])
    case .marker:
      return markers[step.position].glyphs[step.markerGlyph].character
    }
  }

  /// `count` glyphs from `start`.
  func glyphs(from start: Cursor, count: Int) -> [Glyph] {
    var result: [Glyph] = []
    result.reserveCapacity(min(count, text.utf8.count + 8))
    var cursor = start
    while result.count < count, let glyph = next(&cursor) { result.append(glyph) }
    return result
  }

  private func byte(at offset: Int) -> UInt8 {
    text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
  }

  /// The characters of `count` glyphs from `start`, after `lead`: what
  /// `glyphs` would draw, as one string, without making the glyphs. ASCII
  /// goes in as bytes: appending characters took twice as long.
  func characters(after lead: [Glyph], from start: Cursor, count: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lead.count + count)
    for glyph in lead { bytes.append(contentsOf: glyph.character.utf8) }
    var cursor = start
    for _ in 0..<count {
      guard let step = step(&cursor) else { break }
      if case .ascii = step.source {
        bytes.append(byte(at: step.position))
      } else {
        bytes.append(contentsOf: character(of: step).utf8)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
