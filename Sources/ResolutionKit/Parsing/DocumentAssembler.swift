/// Turns the paragraphs of one file into documents.
///
/// - A header starts a document; its title is the header line's rest and the
///   unlabelled paragraphs after it, up to the enacting line, the first
///   heading or the first labelled clause.
/// - Text before the first header is a `fragment` document.
/// - Headings start sections; an annex heading starts an annex that takes
///   every paragraph (headings included) until the `Ref.:` line or the next
///   header.
/// - Clauses before any heading go into a section headed `text` (role
///   preambular), with a diagnostic: the parser never drops text.
/// - The `Ref.:` line closes the document; chapter headings are recognised
///   between documents. Text after the `Ref.:` line stays with the document,
///   with a diagnostic.
struct DocumentAssembler {
  let file: String
  /// Taken by the parse once assembled (`appendMoving`).
  var documents: [Document] = []
  private(set) var diagnostics: [Diagnostic] = []

  /// Heading of the section that holds clauses found before any heading.
  static let untitledSectionHeading = "text"

  private struct SectionDraft {
    var heading: String
    var role: SectionRole
    var location: SourceLocation
    var items: [ClauseItem] = []
  }

  private struct AnnexDraft {
    var heading: AnnexHeading
    var title: String?
    var location: SourceLocation
    var items: [ClauseItem] = []
    var awaitingTitle = true
  }

  private struct DocumentDraft {
    var document: Document
    var titleParts: [String] = []
    var titleLength = 0
    var collectingTitle = false
    var sections: [SectionDraft] = []
    var annexes: [AnnexDraft] = []
    var inAnnex = false
    /// Footnotes whose marker is in the title, with the marker's key.
    var titleFootnotes: [(footnote: Footnote, key: String)] = []
    /// The key of a marker right after the header (`RESOLUTION 1282 (C09)¹`).
    var headerMarkKey: String?
  }

  private var current: DocumentDraft?
  /// Nests every section and annex of every document in turn, reusing
  /// its storage.
  private var builder = ClauseTreeBuilder(heading: "", usedPaths: [])
  private var chapter: String?
  /// At file start and after a `Ref.:` line: where chapters may stand.
  private var betweenDocuments = true
  /// Whether this text had a chapter heading; until then documents stand
  /// in the chapter of the text before it (when parsed in pieces).
  private(set) var sawChapter = false
  /// Documents begun before the first chapter heading.
  private(set) var documentsBeforeFirstChapter = 0

  /// The chapter in force at the end.
  var finalChapter: String? { chapter }
  /// Whether a document took the chapter in force, and its line.
  private var chapterTaken = true
  private var chapterLine = 0
  /// A chapter heading no document took (at the end of the text), for a
  /// diagnostic once the whole file is parsed: its words are in no node.
  var untakenChapter: Diagnostic? {
    guard let chapter, !chapterTaken else { return nil }
    return Diagnostic(
      file: file, line: chapterLine, message: Self.untakenChapterMessage(chapter))
  }

  static func untakenChapterMessage(_ chapter: String) -> String {
    "chapter heading \"\(chapter)\" has no document of its own"
  }

  /// `file`'s number in `InternedStrings`, for the locations made here.
  private let fileNumber: UInt32

  /// With `findingReferences`, each document's references are found
  /// (unresolved) as it is finished; with `codebook`, its clause texts
  /// are then kept coded (see `SharedText`).
  init(file: String, findingReferences: Bool = false, codebook: WordCodebook? = nil) {
    self.file = file
    fileNumber = InternedStrings.number(of: file)
    self.findingReferences = findingReferences
    builder.codebook = codebook
  }

  private let findingReferences: Bool

  /// Whether a document is open, tested through one of its fields:
  /// `current == nil` copies the whole draft.
  private var hasDraft: Bool { current?.inAnnex != nil }

  private func location(_ line: Int) -> SourceLocation {
    SourceLocation(fileNumber: fileNumber, line: line)
  }

  private mutating func diagnose(_ line: Int, _ message: String) {
    diagnostics.append(Diagnostic(file: file, line: line, message: message))
  }

  mutating func assemble(_ blocks: consuming [Block]) {
    // Whether a header follows, possibly after more chapter headings
    // (`3 Conferences and meetings`, `3.2 Council`, `R 1396 …`).
    var headerFollows = [Bool](repeating: false, count: blocks.count)
    if blocks.count > 1 {
      for index in stride(from: blocks.count - 2, through: 0, by: -1) {
        switch blocks[index + 1].kind {
        case .header: headerFollows[index] = true
        case .chapter: headerFollows[index] = headerFollows[index + 1]
        default: break
        }
      }
    }
    // Each block is moved out of the array (swapped for an empty one):
    // reading it in place still copied it.
    for index in blocks.indices {
      var block = Block(kind: .paragraph, line: 0, text: "")
      swap(&block, &blocks[index])
      add(block, headerFollows: headerFollows[index])
    }
    finishDocument()
  }

  private mutating func add(_ block: Block, headerFollows: Bool) {
    switch block.kind {
    case .header(let header):
      startDocument(header, at: block.line)
    case .chapter(let chapterLine, let marker):
      if betweenDocuments || headerFollows {
        if let previous = chapter, !chapterTaken {
          diagnose(self.chapterLine, Self.untakenChapterMessage(previous))
        }
        chapter = chapterLine.text
        self.chapterLine = block.line
        chapterTaken = false
        sawChapter = true
        if current != nil, !betweenDocuments { finishDocument() }
      } else {
        addClause(marker, block)
      }
    case .enacting:
      if !hasDraft { startFragment(at: block.line) }
      if current?.document.authority == nil, current?.document.sections.isEmpty == true,
        current?.sections.isEmpty == true, current?.inAnnex == false
      {
        var authority = Substring(block.text)
        if let last = authority.last, last == "," || last == ":" {
          authority = authority.dropLast()
        }
        current?.document.authority = String(authority)
        if let body = IssuingBodies.body(inEnactingLine: authority) {
          current?.document.body = body
        }
        current?.collectingTitle = false
        betweenDocuments = false
      } else {
        addClause(.none, block)
      }
    case .heading(let match):
      if !hasDraft { startFragment(at: block.line) }
      current?.collectingTitle = false
      betweenDocuments = false
      if current?.inAnnex == true {
        addClause(.none, block)
      } else {
        let section = SectionDraft(
          heading: builder.pooled(Self.droppingFinalCommaOrColon(block.text)), role: match.role,
          location: location(block.line))
        current?.sections.append(section)
      }
    case .sources:
      if !hasDraft { startFragment(at: block.line) }
      guard var draft = current.take() else { return }
      current = nil
      let symbols = SourcesLine.symbols(in: Substring(block.text))
      if let previous = draft.document.sourcesLine {
        diagnose(block.line, "second Ref.: line in the same document")
        draft.document.sourcesLine = previous + " " + block.text
      } else {
        draft.document.sourcesLine = block.text
      }
      draft.document.sources += symbols
      draft.collectingTitle = false
      draft.inAnnex = false
      current = draft
      betweenDocuments = true
    case .annex(let heading):
      if !hasDraft { startFragment(at: block.line) }
      current?.collectingTitle = false
      current?.inAnnex = true
      let annex = AnnexDraft(heading: heading, location: location(block.line))
      current?.annexes.append(annex)
      betweenDocuments = false
    case .footnote(let mark, let key):
      attachFootnote(mark: mark, key: key, block)
    case .clause(let marker):
      addClause(marker, block)
    case .paragraph:
      addClause(.none, block)
    }
  }

  /// The text without a final `,` or `:` character. A final ASCII byte
  /// after an ASCII byte (or alone) is the whole last character, so most
  /// headings need no character comparison.
  static func droppingFinalCommaOrColon(_ text: String) -> String {
    let utf8 = text.utf8
    if let last = utf8.last, last < 0x80 {
      guard last == UInt8(ascii: ",") || last == UInt8(ascii: ":") else { return text }
      let end = utf8.index(before: utf8.endIndex)
      if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 {
        return String(text[..<end])
      }
    }
    var trimmed = Substring(text)
    if let last = trimmed.last, last == "," || last == ":" { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  private mutating func addClause(_ marker: ClauseMarker, _ block: Block) {
    // The draft is changed in place: taking it out and putting it back
    // moves it twice.
    if !hasDraft { startFragment(at: block.line) }
    guard hasDraft else { return }
    Self.addClause(
      marker, block, to: &current!, diagnostics: &diagnostics, betweenDocuments: betweenDocuments,
      file: file, fileNumber: fileNumber)
  }

  private static func addClause(
    _ marker: ClauseMarker, _ block: Block, to draft: inout DocumentDraft,
    diagnostics: inout [Diagnostic], betweenDocuments: Bool, file: String, fileNumber: UInt32
  ) {
    let unlabelled = marker == .none
    if draft.collectingTitle {
      if unlabelled && draft.titleLength + block.text.utf8.count <= 1000 {
        draft.titleParts.append(block.text)
        draft.titleLength += block.text.utf8.count
        return
      }
      draft.collectingTitle = false
    }
    if betweenDocuments && draft.document.sourcesLine != nil {
      diagnostics.append(
        Diagnostic(
          file: file, line: block.line,
          message: "text after the Ref.: line kept with the document before it"))
    }
    if draft.inAnnex, !draft.annexes.isEmpty {
      let last = draft.annexes.count - 1
      if draft.annexes[last].awaitingTitle {
        draft.annexes[last].awaitingTitle = false
        if unlabelled && block.text.utf8.count <= 200 && !block.text.hasSuffix(";")
          && !block.text.hasSuffix(".") && !block.text.hasSuffix(",")
        {
          draft.annexes[last].title = block.text
          return
        }
      }
      appendItem(marker, block, fileNumber: fileNumber, to: &draft.annexes[last].items)
      return
    }
    if draft.sections.isEmpty {
      diagnostics.append(
        Diagnostic(
          file: file, line: block.line,
          message: "text before any section heading, put under \"\(untitledSectionHeading)\""))
      draft.sections.append(
        SectionDraft(
          heading: untitledSectionHeading, role: .preambular,
          location: SourceLocation(fileNumber: fileNumber, line: block.line)))
    }
    appendItem(
      marker, block, fileNumber: fileNumber, to: &draft.sections[draft.sections.count - 1].items)
  }

  /// Appends the block as a clause item, footnote markers and inline
  /// notes taken out. A new list starts with room for a few items: most
  /// hold several, and growing one item at a time moves them repeatedly.
  /// (The item is built in the append: built in a local, it was copied.)
  private static func appendItem(
    _ marker: ClauseMarker, _ block: Block, fileNumber: UInt32, to items: inout [ClauseItem]
  ) {
    let cleaned = takeOutMarks(block, mayHaveMarks: block.mayHaveMarks)
    let location = SourceLocation(fileNumber: fileNumber, line: block.line)
    if items.isEmpty { items.reserveCapacity(8) }
    items.append(
      ClauseItem(
        marker: marker, text: cleaned.text, location: location, footnoteMarks: cleaned.marks,
        footnotes: cleaned.notes.isEmpty
          ? []
          : cleaned.notes.map {
            Footnote(mark: $0.mark, text: $0.text, location: location, anchor: $0.offset)
          }))
  }

  /// Gives the footnote to the latest clause of the document that carries
  /// its marker and has no footnote for it yet; else to the latest clause,
  /// with a diagnostic. Without any clause it becomes a clause itself.
  private mutating func attachFootnote(mark: String, key: String, _ block: Block) {
    let footnote = Footnote(mark: mark, text: block.text, location: location(block.line))
    guard var draft = current.take() else {
      diagnose(block.line, "footnote \(mark) without a marker in the text, kept as a paragraph")
      addClause(.none, Block(kind: .paragraph, line: block.line, text: mark + " " + block.text))
      return
    }
    defer { current = draft }
    func carries(_ item: ClauseItem) -> Bool {
      item.footnoteMarks.contains { $0.key == key } && !item.footnotes.contains { $0.mark == mark }
    }
    func anchored(_ item: ClauseItem) -> Footnote {
      var anchored = footnote
      anchored.anchor = item.footnoteMarks.first { $0.key == key }?.offset
      return anchored
    }
    for annex in draft.annexes.indices.reversed() {
      if let item = draft.annexes[annex].items.lastIndex(where: carries) {
        draft.annexes[annex].items[item].footnotes.append(
          anchored(draft.annexes[annex].items[item]))
        return
      }
    }
    for section in draft.sections.indices.reversed() {
      if let item = draft.sections[section].items.lastIndex(where: carries) {
        draft.sections[section].items[item].footnotes.append(
          anchored(draft.sections[section].items[item]))
        return
      }
    }
    // A marker in the title (`R 1282 Title¹`): the document's footnote.
    if !draft.titleFootnotes.contains(where: { $0.footnote.mark == mark }),
      draft.headerMarkKey == key
        || draft.titleParts.contains(where: {
          FootnoteMarks.strip($0).marks.contains { $0.key == key }
        })
    {
      draft.titleFootnotes.append((footnote, key))
      return
    }
    diagnose(
      block.line, "footnote \(mark) has no marker in the text; attached to the clause before it")
    if draft.inAnnex, let annex = draft.annexes.indices.last,
      !draft.annexes[annex].items.isEmpty
    {
      draft.annexes[annex].items[draft.annexes[annex].items.count - 1].footnotes.append(footnote)
    } else if let section = draft.sections.indices.last, !draft.sections[section].items.isEmpty {
      draft.sections[section].items[draft.sections[section].items.count - 1].footnotes.append(
        footnote)
    } else {
      // Not part of the title either.
      draft.collectingTitle = false
      current = draft
      addClause(.none, Block(kind: .paragraph, line: block.line, text: mark + " " + block.text))
      if let taken = current.take() { draft = taken }
    }
  }

  /// A paragraph's text without its footnote markers and inline notes:
  /// the markers' keys and places, and the notes lifted out, every offset
  /// into the returned text.
  static func takeOutMarks(_ block: Block, mayHaveMarks: Bool) -> (
    text: String, marks: [FootnoteMarks.StrippedMark], notes: [FootnoteMarks.InlineNote]
  ) {
    let lifted = FootnoteMarks.liftInlineNotes(block.text)
    var plain: [FootnoteMarks.StrippedMark] = []
    if !block.footnoteKeys.isEmpty {
      plain = zip(block.footnoteKeys, block.footnoteAnchors).map {
        FootnoteMarks.StrippedMark(key: $0.0, offset: lifted.removed.map($0.1))
      }
    }
    guard mayHaveMarks else { return (lifted.text, plain, lifted.notes) }
    let stripped = FootnoteMarks.strip(lifted.text)
    for index in plain.indices { plain[index].offset = stripped.removed.map(plain[index].offset) }
    var notes = lifted.notes
    for index in notes.indices { notes[index].offset = stripped.removed.map(notes[index].offset) }
    return (stripped.text, stripped.marks + plain, notes)
  }

  private mutating func startDocument(_ header: DocumentHeader, at line: Int) {
    finishDocument()
    if !sawChapter { documentsBeforeFirstChapter += 1 }
    chapterTaken = true
    var document = Document(
      id: "", kind: header.kind, body: header.body, number: header.number,
      revision: header.revision, session: header.session, chapter: chapter,
      location: location(line))
    document.id = DocumentIdentifier.baseID(for: document)
    var draft = DocumentDraft(document: document)
    // A resolution has several sections (considering, recognizing,
    // resolves, instructs …): room for them up front.
    draft.sections.reserveCapacity(8)
    draft.collectingTitle = true
    var titleStart = header.titleStart
    if let marker = FootnoteMarks.leadingMarker(titleStart) {
      draft.headerMarkKey = marker.key
      titleStart = marker.rest
    }
    if !titleStart.isEmpty {
      let title = TextJoiner.normalisingWhitespace(titleStart)
      draft.titleParts.append(title)
      draft.titleLength = title.utf8.count
    }
    current = draft
    betweenDocuments = false
  }

  private mutating func startFragment(at line: Int) {
    finishDocument()
    if !sawChapter { documentsBeforeFirstChapter += 1 }
    chapterTaken = true
    var document = Document(id: "", kind: .fragment, chapter: chapter, location: location(line))
    document.id = DocumentIdentifier.baseID(for: document)
    current = DocumentDraft(document: document)
    betweenDocuments = false
  }

  private mutating func finishDocument() {
    guard var draft = current.take() else { return }
    var document = draft.document
    if !draft.titleParts.isEmpty {
      // Joined like clause lines, so a word hyphenated across lines is one.
      let title = TextJoiner.join(draft.titleParts.map { Substring($0) })
      let cleaned = Self.takeOutMarks(
        Block(kind: .paragraph, line: document.location.line, text: title), mayHaveMarks: true)
      document.title = cleaned.text
      document.titleFootnotes = cleaned.notes.map {
        Footnote(mark: $0.mark, text: $0.text, location: document.location, anchor: $0.offset)
      }
      for (footnote, key) in draft.titleFootnotes {
        var anchored = footnote
        anchored.anchor = cleaned.marks.first { $0.key == key }?.offset
        document.titleFootnotes.append(anchored)
      }
    } else {
      document.titleFootnotes = draft.titleFootnotes.map(\.footnote)
    }
    if document.session == nil, document.kind != .fragment {
      document.session = SourcesLine.session(of: document.sources)
    }
    // The one builder takes every section and annex in turn: it keeps the
    // document's paths unique.
    var itemCount = 0
    for index in draft.sections.indices { itemCount += draft.sections[index].items.count }
    for index in draft.annexes.indices { itemCount += draft.annexes[index].items.count }
    builder.startDocument(expectingClauses: itemCount)
    // References are found as the parts are built, in reading order (as
    // `ReferenceExtractor.extract(from:)` would): the builder reads each
    // clause's text before it codes it.
    var collector = findingReferences ? ReferenceCollector(citingBody: document.body) : nil
    collector?.addTitle(of: document)
    document.sections.reserveCapacity(draft.sections.count)
    for sectionIndex in draft.sections.indices {
      builder.restart(heading: draft.sections[sectionIndex].heading)
      builder.add(moving: &draft.sections[sectionIndex].items)
      let draftSection = draft.sections[sectionIndex]
      var section = Section(
        heading: draftSection.heading, role: draftSection.role, location: draftSection.location,
        clauses: [])
      collector?.addHeading(of: section)
      section.clauses = builder.build(collecting: &collector)
      document.sections.append(section)
    }
    document.annexes.reserveCapacity(draft.annexes.count)
    for annexIndex in draft.annexes.indices {
      builder.restart(heading: draft.annexes[annexIndex].heading.pathPrefix, separator: ", ")
      builder.add(moving: &draft.annexes[annexIndex].items)
      let draftAnnex = draft.annexes[annexIndex]
      var annex = Annex(
        heading: draftAnnex.heading.heading, title: draftAnnex.title,
        location: draftAnnex.location, clauses: [])
      collector?.addTitle(of: annex)
      annex.clauses = builder.build(collecting: &collector)
      document.annexes.append(annex)
    }
    if !builder.diagnostics.isEmpty { diagnostics += builder.diagnostics }
    let cappedAt = builder.firstCappedLocation
    if let cappedAt {
      diagnose(
        cappedAt.line,
        "clauses nested deeper than \(ClauseTreeBuilder.maximumDepth) levels kept at level \(ClauseTreeBuilder.maximumDepth)"
      )
    }
    if let collector {
      document.references = collector.finish(sourcesLine: document.sourcesLine)
    }
    documents.append(document)
  }
}
