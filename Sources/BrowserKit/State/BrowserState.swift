import ResolutionKit

/// What the host loop must do after an action.
public enum BrowserEffect: Hashable, Sendable {
  case none
  case quit
  case suspend
  /// Repaint every cell (Ctrl-L).
  case redraw
  /// Text to put on the clipboard (`y`, `Y`, the format picker); the host
  /// delivers it and reports where it went.
  case copy(CopyRequest)
  /// An action that needs the host (cycling themes): the host does it.
  case unhandled(Action)
}

/// A message on the status line.
public struct StatusMessage: Hashable, Sendable {
  public var text: String
  public var isError: Bool

  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}

/// Everything the browser shows, and every change to it. No terminal code:
/// tests drive it with actions and read what `Renderer` draws.
public struct BrowserState: Sendable {
  /// Replaced once when a corpus loaded with its references pending gets
  /// them (`referencesResolved(_:)`); documents keep their positions.
  public private(set) var corpus: Corpus
  public var keyMap: KeyMap = .standard
  /// How `:` resolves text; replaceable by the citation parser.
  public var goToService: GoToService = .simple

  public private(set) var columns: Int
  public private(set) var rows: Int
  public private(set) var focus: Pane = .tree
  public private(set) var layout: PaneLayout

  // Tree
  public private(set) var expanded: Set<TreeNodeID> = []
  /// Made row by row when read: a keypress never builds rows for a whole
  /// chapter or corpus.
  public private(set) var treeRows: TreeRowList
  public private(set) var treeSelection = 0
  public private(set) var treeScroll = 0

  // Reader
  public private(set) var documentIndex: Int?
  public internal(set) var currentClause: String?
  public internal(set) var readerScroll = 0
  public private(set) var selectedReference: Int?
  /// A footnote marker (Tab stops at them too) or a footnote's own text.
  public private(set) var selectedFootnote: FootnoteSelection?
  private var layouts = LayoutCache()
  /// While the corpus's references are pending: the references of the
  /// documents shown so far, found on the spot (none resolved yet).
  private var provisionalReferences: [Int: [Reference]] = [:]

  // History: places left by jumps, most recent last.
  public private(set) var backStack: [Location] = []
  public private(set) var forwardStack: [Location] = []

  public var overlay: Overlay?
  /// Matches of the current search, painted in the reader.
  public var searchHighlight: SearchHighlight? { didSet { matchingLinesCache = nil } }
  /// The reader lines holding a match, for one document and width: n and N
  /// ask at every press, and a long document has hundreds of thousands.
  var matchingLinesCache: (document: Int, width: Int, lines: [Int])?
  public var statusMessage: StatusMessage?

  // Search: the index arrives from a background build (`searchIndexReady`).
  public internal(set) var searchIndex: SearchIndex?
  /// The search whose matches are highlighted and stepped through by n/N.
  public internal(set) var activeSearch: ActiveSearch?

  // Citations
  /// The config file's citation templates, offered in the format picker.
  public var citationTemplates: [String: String] = [:]
  /// What `y` copies: config `default_citation`, else short.
  public var defaultCitationFormat: CitationFormat = .short

  public init(corpus: Corpus, columns: Int = 80, rows: Int = 24) {
    self.corpus = corpus
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    treeRows = TreeRowList(outline: TreeOutline(corpus: corpus), expanded: [])
    corpus.prepareLookupInBackground()
    if !corpus.referencesPending { corpus.prepareReferenceKeysInBackground() }
    layout = PaneLayout(columns: columns, rows: rows, focus: .tree)
    if !corpus.documents.isEmpty { show(documentIndex: 0, clause: nil, scroll: 0) }
  }

  // MARK: Queries

  public var document: Document? {
    guard let index = documentIndex, corpus.documents.indices.contains(index) else { return nil }
    return corpus.documents[index]
  }

  /// The current document laid out for the reader's width.
  public var readerLayout: ReaderLayout? {
    guard let index = documentIndex else { return nil }
    return layouts.cached(index, layout.readerTextWidth)
  }

  /// The references of a document as the reader draws them: the corpus's,
  /// or while they are pending, those found for the documents shown.
  public func references(inDocument index: Int) -> [Reference] {
    if corpus.referencesPending { return provisionalReferences[index] ?? [] }
    guard corpus.documents.indices.contains(index) else { return [] }
    return corpus.documents[index].references
  }

  /// The references of the current document (see `references(inDocument:)`).
  public var currentReferences: [Reference] {
    documentIndex.map(references(inDocument:)) ?? []
  }

  public var readerHeight: Int { layout.reader?.height ?? layout.content.height }
  public var treeHeight: Int { layout.tree?.height ?? layout.content.height }

  public var location: Location? {
    document.map {
      Location(
        documentID: $0.id, clausePath: currentClause, scroll: readerScroll,
        reference: selectedReference, footnote: selectedFootnote)
    }
  }

  /// The tree's shape; its visible rows are `treeRows`.
  public var outline: TreeOutline { treeRows.outline }

  public var selectedTreeRow: TreeRow? {
    treeRows.indices.contains(treeSelection) ? treeRows[treeSelection] : nil
  }

  // MARK: Input

  /// Handles a key: overlays first (the prompt takes text), then the key map.
  public mutating func handle(key: Key) -> BrowserEffect {
    if case .prompt(var prompt) = overlay {
      if handlePrompt(key: key, &prompt) { return .none }
    }
    if case .search(var panel) = overlay {
      if handleSearchPrompt(key: key, &panel) { return .none }
    }
    guard let action = keyMap.action(for: key) else {
      if overlay == nil {
        statusMessage = StatusMessage("\(key.displayName) is not bound — ? for help")
      }
      return .none
    }
    return handle(action)
  }

  public mutating func handle(_ action: Action) -> BrowserEffect {
    if action != .redraw { statusMessage = nil }
    switch action {
    case .quit: return .quit
    case .suspend: return .suspend
    case .redraw: return .redraw
    case .closeOverlay:
      overlay = nil
      return .none
    case .help:
      if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
      return .none
    default: break
    }
    if overlay != nil { return handleInOverlay(action) }
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom:
      move(action)
    case .collapseOrParent:
      if focus == .tree { collapseOrParent() } else { setFocus(.tree) }
    case .expandOrEnter:
      if focus == .tree { expandOrEnter() } else { followSelection() }
    case .activate:
      if focus == .tree { openSelectedTreeNode() } else { followSelection() }
    case .switchFocus: setFocus(focus == .tree ? .reader : .tree)
    case .previousDocument: stepDocument(by: -1)
    case .nextDocument: stepDocument(by: 1)
    case .nextLink: stepLink(forward: true)
    case .previousLink: stepLink(forward: false)
    case .footnote: switchFootnote()
    case .back: goBack()
    case .forward: goForward()
    case .showHistory: showHistory()
    case .showCitedBy: showCitedBy()
    case .goTo: overlay = .prompt(GoToPrompt())
    case .search: openSearch()
    case .searchNext: stepMatch(forward: true)
    case .searchPrevious: stepMatch(forward: false)
    case .clearSearch: clearSearch()
    case .copyCitation: return copyCitation(as: defaultCitationFormat)
    case .copyQuotation: return copyCitation(as: .quote)
    case .chooseCitationFormat: openCitationPicker()
    case .cycleTheme: return .unhandled(action)
    case .quit, .suspend, .redraw, .closeOverlay, .help:
      break
    }
    return .none
  }

  /// The terminal changed size: lay out again at once.
  public mutating func resize(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    layout = PaneLayout(columns: self.columns, rows: self.rows, focus: focus)
    // Lines move when the text re-wraps: n starts again from the screen.
    activeSearch?.matchLine = nil
    if let index = documentIndex {
      ensureLayout(index)
      // Keep the current clause in view across the re-wrap.
      if let clause = currentClause, let line = readerLayout?.line(ofClause: clause) {
        readerScroll = line
      }
    }
    clampReaderScroll()
    keepTreeSelectionVisible()
  }

  public mutating func handle(mouse event: MouseEvent) {
    switch event {
    case .click(let x, let y): click(x: x, y: y)
    case .wheelUp(let x, let y): wheel(x: x, y: y, by: -3)
    case .wheelDown(let x, let y): wheel(x: x, y: y, by: 3)
    }
  }

  /// The references of a corpus loaded with them pending are resolved
  /// (built in the background from the same corpus): links lead somewhere,
  /// cited-by works. Positions of documents and references are unchanged,
  /// so the place, the selection and the layouts stay as they are.
  public mutating func referencesResolved(_ resolved: Corpus) {
    guard corpus.referencesPending, !resolved.referencesPending,
      resolved.documents.count == corpus.documents.count
    else { return }
    corpus = resolved
    treeRows.replaceCorpus(resolved)
    provisionalReferences = [:]
    if let selected = selectedReference, !currentReferences.indices.contains(selected) {
      selectedReference = nil
    }
  }

  // MARK: Opening places

  /// Opens a place as a new jump: the current place goes on the back
  /// stack and the forward stack is cleared.
  public mutating func jump(to destination: Location) {
    jump(to: destination, leaving: location)
  }

  /// A jump that records `here` as the place left (a search result
  /// records the search, so back reopens it).
  mutating func jump(to destination: Location, leaving here: Location?) {
    guard let index = corpus.position(ofDocument: destination.documentID) else {
      statusMessage = StatusMessage("\(destination.documentID) is not in the corpus", isError: true)
      return
    }
    if let here, here != destination { backStack.append(here) }
    forwardStack.removeAll()
    open(destination, index: index)
  }

  /// Opens a clause address as a jump (go-to, citation paste).
  public mutating func jump(to address: ClauseAddress) {
    jump(to: Location(documentID: address.documentID, clausePath: address.path))
  }

  mutating func open(_ destination: Location, index: Int) {
    let document = corpus.documents[index]
    var clause = destination.clausePath
    var headingLine: Int?
    if let path = clause, document.clause(atPath: path) == nil {
      // Citers in a heading are addressed by the heading itself.
      clause = nil
      if let section = document.sections.firstIndex(where: { $0.heading == path }) {
        headingLine = layoutLine(index) { $0.sectionLines.dropFirst(section).first }
      } else if let annex = document.annexes.firstIndex(where: { $0.heading == path }) {
        headingLine = layoutLine(index) { $0.annexLines.dropFirst(annex).first }
      } else {
        statusMessage = StatusMessage(
          "No clause “\(path)” in \(destination.documentID); showing the document")
      }
    }
    show(documentIndex: index, clause: clause, scroll: destination.scroll ?? headingLine)
    selectedReference = destination.reference
    selectedFootnote = destination.footnote
    revealInTree(documentIndex: index)
    setFocus(.reader)
  }

  /// Lays out a document for the reader's width unless it is cached; while
  /// references are pending, with the document's references found now.
  private mutating func ensureLayout(_ index: Int) {
    let width = layout.readerTextWidth
    guard layouts.cached(index, width) == nil, corpus.documents.indices.contains(index) else {
      return
    }
    var document = corpus.documents[index]
    if corpus.referencesPending {
      let found = provisionalReferences[index] ?? ReferenceExtractor.extract(from: document)
      provisionalReferences[index] = found
      document.references = found
    }
    layouts.store(ReaderLayout(document: document, index: index, width: width))
  }

  private mutating func layoutLine(_ index: Int, _ line: (ReaderLayout) -> Int?) -> Int? {
    ensureLayout(index)
    return layouts.cached(index, layout.readerTextWidth).flatMap(line)
  }

  /// Shows a document in the reader with a clause in view.
  private mutating func show(documentIndex index: Int, clause: String?, scroll: Int?) {
    documentIndex = index
    ensureLayout(index)
    currentClause = clause
    selectedReference = nil
    selectedFootnote = nil
    if let scroll {
      readerScroll = scroll
    } else if let clause, let line = readerLayout?.line(ofClause: clause) {
      readerScroll = max(0, line - 1)
    } else {
      readerScroll = 0
    }
    clampReaderScroll()
  }

  private mutating func setFocus(_ pane: Pane) {
    focus = pane
    layout = PaneLayout(columns: columns, rows: rows, focus: pane)
    if let index = documentIndex { ensureLayout(index) }
    clampReaderScroll()
    keepTreeSelectionVisible()
  }

  // MARK: Moving

  private mutating func move(_ action: Action) {
    let height = focus == .tree ? treeHeight : readerHeight
    let page = max(1, height - 1)
    let half = max(1, height / 2)
    let delta: Int
    switch action {
    case .moveUp: delta = -1
    case .moveDown: delta = 1
    case .pageUp: delta = -page
    case .pageDown: delta = page
    case .halfPageUp: delta = -half
    case .halfPageDown: delta = half
    case .top: delta = Int.min / 2
    default: delta = Int.max / 2
    }
    if focus == .tree {
      selectTreeRow(treeSelection + delta)
    } else {
      scrollReader(by: delta)
    }
  }

  private mutating func scrollReader(by delta: Int) {
    let target =
      delta > 0
      ? readerScroll.addingReportingOverflow(delta) : readerScroll.addingReportingOverflow(delta)
    readerScroll = target.overflow ? (delta > 0 ? Int.max / 2 : 0) : target.partialValue
    clampReaderScroll()
    followScroll()
  }

  private var maxReaderScroll: Int {
    max(0, (readerLayout?.lines.count ?? 0) - readerHeight)
  }

  mutating func clampReaderScroll() {
    readerScroll = max(0, min(readerScroll, maxReaderScroll))
  }

  /// After scrolling: a clause or link that left the screen gives way to
  /// the first one visible.
  private mutating func followScroll() {
    guard let layout = readerLayout else { return }
    let visible = readerScroll..<(readerScroll + max(1, readerHeight))
    if let reference = selectedReference,
      !layout.placements.contains(where: { $0.reference == reference && visible.contains($0.line) })
    {
      selectedReference = nil
    }
    if let selected = selectedFootnote,
      !(footnoteLine(selected, in: layout).map(visible.contains) ?? false)
    {
      selectedFootnote = nil
    }
    if let clause = currentClause, let lines = layout.clauseLines[clause], lines.overlaps(visible) {
      return
    }
    currentClause = nil
    for line in visible where line < layout.lines.count {
      if let path = layout.lines[line].clausePath {
        currentClause = path
        break
      }
    }
  }

  // MARK: Tree

  private mutating func selectTreeRow(_ index: Int) {
    guard !treeRows.isEmpty else { return }
    treeSelection = max(0, min(index, treeRows.count - 1))
    keepTreeSelectionVisible()
    previewSelectedTreeNode()
  }

  private mutating func keepTreeSelectionVisible() {
    let height = max(1, treeHeight)
    treeSelection = max(0, min(treeSelection, treeRows.count - 1))
    if treeSelection < treeScroll { treeScroll = treeSelection }
    if treeSelection >= treeScroll + height { treeScroll = treeSelection - height + 1 }
    treeScroll = max(0, min(treeScroll, max(0, treeRows.count - height)))
  }

  /// Moving in the tree shows the node in the reader (not a history jump).
  private mutating func previewSelectedTreeNode() {
    guard let row = selectedTreeRow, let index = row.id.documentIndex else { return }
    switch row.id {
    case .clause(_, let path):
      show(documentIndex: index, clause: path, scroll: nil)
    case .section(_, let s):
      show(documentIndex: index, clause: nil, scroll: nil)
      if let line = readerLayout?.sectionLines.dropFirst(s).first { readerScroll = line }
      clampReaderScroll()
    case .annex(_, let a):
      show(documentIndex: index, clause: nil, scroll: nil)
      if let line = readerLayout?.annexLines.dropFirst(a).first { readerScroll = line }
      clampReaderScroll()
    default:
      if documentIndex != index { show(documentIndex: index, clause: nil, scroll: 0) }
    }
  }

  /// Opens or closes the node of a row: only the rows under it change
  /// (a chapter of a 100,000-document corpus must not re-flatten the tree,
  /// nor make a row for each of its documents).
  private mutating func setExpanded(rowAt index: Int, _ value: Bool) {
    guard treeRows.indices.contains(index) else { return }
    var row = treeRows[index]
    if value { expanded.insert(row.id) } else { expanded.remove(row.id) }
    let selected = selectedTreeRow?.id
    let end = treeRows.subtreeEnd(of: index)
    row.isExpanded = value && row.isExpandable
    let newEnd = treeRows.replaceNode(at: index, through: end, with: row, expanded: expanded)
    if treeSelection >= end {
      treeSelection += newEnd - end
    } else if treeSelection > index, let selected {
      treeSelection = treeRows.firstIndex(ofNode: selected, in: (index + 1)..<newEnd) ?? index
    }
    keepTreeSelectionVisible()
  }

  private mutating func collapseOrParent() {
    guard let row = selectedTreeRow else { return }
    if row.isExpanded {
      setExpanded(rowAt: treeSelection, false)
    } else if let parent = row.parent,
      let index = treeRows.lastIndex(ofNode: parent, before: treeSelection)
    {
      selectTreeRow(index)
    }
  }

  private mutating func expandOrEnter() {
    guard let row = selectedTreeRow else { return }
    if row.isExpandable && !row.isExpanded {
      setExpanded(rowAt: treeSelection, true)
    } else if row.isExpanded {
      selectTreeRow(treeSelection + 1)
    } else {
      openSelectedTreeNode()
    }
  }

  /// Enter in the tree: show the node and give the reader the keyboard;
  /// on a chapter, open or close it.
  private mutating func openSelectedTreeNode() {
    guard let row = selectedTreeRow else { return }
    if case .chapter = row.id {
      setExpanded(rowAt: treeSelection, !row.isExpanded)
      return
    }
    previewSelectedTreeNode()
    setFocus(.reader)
  }

  /// Selects a document's row, opening its chapter if needed.
  private mutating func revealInTree(documentIndex index: Int) {
    var searchFrom = 0
    if let chapter = outline.chapterNode(ofDocument: index),
      let chapterRow = treeRows.index(ofNode: chapter)
    {
      if !treeRows[chapterRow].isExpanded { setExpanded(rowAt: chapterRow, true) }
      searchFrom = chapterRow
    }
    // Each node has one row at most: found from its place, not by a scan.
    if let row = treeRows.firstIndex(
      ofNode: .document(index), in: searchFrom..<treeRows.endIndex)
    {
      treeSelection = row
      keepTreeSelectionVisible()
    }
  }

  private mutating func stepDocument(by delta: Int) {
    let count = corpus.documents.count
    guard count > 0 else { return }
    let next = (documentIndex ?? -1) + delta
    guard next >= 0, next < count else {
      statusMessage = StatusMessage(
        delta < 0 ? "This is the first document" : "This is the last document")
      return
    }
    let stayInTree = focus == .tree
    jump(to: Location(documentID: corpus.documents[next].id))
    if stayInTree { setFocus(.tree) }
  }

  // MARK: Links

  /// Tab and Shift-Tab: the next link or footnote marker in reading order.
  private mutating func stepLink(forward: Bool) {
    guard let layout = readerLayout else { return }
    let order = layout.stops
    guard !order.isEmpty else {
      statusMessage = StatusMessage("No references or footnote markers in this document")
      return
    }
    setFocus(.reader)
    let height = max(1, readerHeight)
    var current: ReaderStop?
    if let reference = selectedReference {
      current = .reference(reference)
    } else if let selected = selectedFootnote, !selected.atNote,
      let index = layout.index(of: selected.footnote)
    {
      current = .footnote(index)
    }
    var next: Int
    var wrapped = false
    if let current, let i = order.firstIndex(where: { $0.stop == current }) {
      next = forward ? i + 1 : i - 1
      if next >= order.count || next < 0 {
        next = forward ? 0 : order.count - 1
        wrapped = true
      }
    } else if forward {
      next = order.firstIndex { $0.line >= readerScroll } ?? 0
    } else {
      next = order.lastIndex { $0.line < readerScroll + height } ?? (order.count - 1)
    }
    let stop = order[next]
    // Like a browser's status bar: where Enter would lead.
    var description: String
    switch stop.stop {
    case .reference(let reference):
      selectedReference = reference
      selectedFootnote = nil
      description = describeReference(reference)
    case .footnote(let index):
      selectedReference = nil
      selectedFootnote = FootnoteSelection(footnote: layout.footnotes[index], atNote: false)
      description = describeFootnote(layout.footnotes[index], atNote: false)
    }
    if wrapped {
      description =
        (forward ? "Wrapped to the first reference: " : "Wrapped to the last reference: ")
        + description
    }
    statusMessage = StatusMessage(description)
    if stop.line < readerScroll || stop.line >= readerScroll + height {
      readerScroll = max(0, stop.line - height / 3)
      clampReaderScroll()
    }
    if stop.line < layout.lines.count, let path = layout.lines[stop.line].clausePath {
      currentClause = path
    }
  }

  /// Enter in the reader: follow the selected link, or go between a
  /// footnote's marker and its text.
  private mutating func followSelection() {
    if selectedFootnote != nil {
      switchFootnote()
    } else {
      followSelectedReference()
    }
  }

  // MARK: Footnotes

  /// The footnote as stored in the document.
  func footnote(_ id: FootnoteID) -> Footnote? {
    guard let document else { return nil }
    let notes =
      id.clausePath.map { document.clause(atPath: $0)?.footnotes ?? [] } ?? document.titleFootnotes
    return notes.indices.contains(id.index) ? notes[id.index] : nil
  }

  /// `Footnote [1]: Resolution 1282 was modified … — f or Enter shows it`
  func describeFootnote(_ id: FootnoteID, atNote: Bool) -> String {
    guard let footnote = footnote(id) else { return "" }
    let mark = "Footnote " + ReaderLayout.displayMark(footnote.mark)
    if atNote { return mark + " — f or Enter goes back to its marker" }
    return mark + ": " + TextFitting.truncate(footnote.text, toWidth: 50) + " — f or Enter shows it"
  }

  /// The line of a selected footnote's marker (or of its text).
  private func footnoteLine(_ selection: FootnoteSelection, in layout: ReaderLayout) -> Int? {
    guard let index = layout.index(of: selection.footnote) else { return nil }
    return selection.atNote ? layout.noteLines[index] : layout.markerPlaces[index]?.line
  }

  /// `f`: from a footnote's marker to its text under the clause, or back.
  /// With nothing selected, the current clause's footnote (the one whose
  /// marker is in view first) or else the first footnote in view. Each
  /// move is a jump, so Back returns too.
  private mutating func switchFootnote() {
    setFocus(.reader)
    guard let document, let layout = readerLayout else { return }
    var target: FootnoteSelection
    if let selected = selectedFootnote {
      target = FootnoteSelection(footnote: selected.footnote, atNote: !selected.atNote)
    } else if let near = footnoteInView(layout) {
      target = FootnoteSelection(footnote: near, atNote: true)
    } else {
      statusMessage = StatusMessage(
        layout.footnotes.isEmpty
          ? "No footnotes in this document"
          : "No footnote in view — Tab stops at footnote markers")
      return
    }
    guard let index = layout.index(of: target.footnote) else { return }
    var message = describeFootnote(target.footnote, atNote: target.atNote)
    var line = target.atNote ? layout.noteLines[index] : layout.markerPlaces[index]?.line
    if line == nil {
      // The marker was not found in the text: show where the footnote belongs.
      message = "Footnote's marker not found in the text; showing what carries it"
      line = target.footnote.clausePath.flatMap(layout.line(ofClause:)) ?? 0
    }
    let height = max(1, readerHeight)
    var scroll = readerScroll
    if let line, line < readerScroll || line >= readerScroll + height {
      scroll = max(0, line - height / 3)
    }
    jump(
      to: Location(
        documentID: document.id, clausePath: target.footnote.clausePath, scroll: scroll,
        footnote: target))
    statusMessage = StatusMessage(message)
  }

  /// The footnote `f` takes with nothing selected.
  private func footnoteInView(_ layout: ReaderLayout) -> FootnoteID? {
    let visible = readerScroll..<(readerScroll + max(1, readerHeight))
    func inView(_ index: Int) -> Bool {
      layout.markerPlaces[index].map { visible.contains($0.line) } ?? false
        || visible.contains(layout.noteLines[index])
    }
    if let clause = currentClause {
      let own = layout.footnotes.indices.filter { layout.footnotes[$0].clausePath == clause }
      // A selected link: the marker nearest to it (`Resolution 1282¹`).
      if let reference = selectedReference,
        let link = layout.placements.first(where: { $0.reference == reference })
      {
        let nearest = own.compactMap { index -> (Int, Int)? in
          guard let place = layout.markerPlaces[index] else { return nil }
          let distance = abs(place.line - link.line) * 10_000 + abs(place.column - link.column)
          return (index, distance)
        }.min { $0.1 < $1.1 }
        if let nearest { return layout.footnotes[nearest.0] }
      }
      if let index = own.first(where: inView) ?? own.first { return layout.footnotes[index] }
    }
    return layout.footnotes.indices.first(where: inView).map { layout.footnotes[$0] }
  }

  /// `Resolution 1300 of the Council → R1300 › resolves 2`, or why it
  /// leads nowhere.
  func describeReference(_ index: Int) -> String {
    let references = currentReferences
    guard references.indices.contains(index) else { return "" }
    let reference = references[index]
    let text = TextFitting.truncate(reference.text, toWidth: 50)
    if corpus.referencesPending { return "\(text) — still resolving references…" }
    if let target = reference.target {
      return "\(text) → " + Location(documentID: target, clausePath: reference.pinpoint).label
    }
    if !reference.candidates.isEmpty {
      return "\(text) → one of " + reference.candidates.joined(separator: ", ")
    }
    return "\(text) — not in the corpus"
  }

  /// Enter on a link: open its target (at the pinpoint when it exists), or
  /// explain that it is not in the corpus.
  private mutating func followSelectedReference() {
    let references = currentReferences
    guard let index = selectedReference, references.indices.contains(index) else {
      statusMessage = StatusMessage("No reference selected — Tab moves to the next one")
      return
    }
    guard !corpus.referencesPending else {
      statusMessage = StatusMessage("Still resolving references — try again in a moment")
      return
    }
    follow(references[index], at: index)
  }

  private mutating func follow(_ reference: Reference, at index: Int) {
    if let target = reference.target, let position = corpus.position(ofDocument: target) {
      var path: String?
      if let pinpoint = reference.pinpoint {
        let clauses = corpus.documents[position].allClauses
        path =
          clauses.first { $0.path == pinpoint }?.path
          ?? clauses.first { $0.path.lowercased() == pinpoint.lowercased() }?.path
      }
      jump(to: Location(documentID: target, clausePath: path))
      if reference.pinpoint != nil && path == nil, let pinpoint = reference.pinpoint {
        statusMessage = StatusMessage("No clause “\(pinpoint)” in \(target); showing the document")
      }
      return
    }
    showUnresolved(reference, at: index)
  }

  private mutating func showUnresolved(_ reference: Reference, at index: Int) {
    let name = TextFitting.truncate(reference.text, toWidth: 60)
    var message = ["“\(name)” is not in this corpus."]
    var items: [ListPanel.Item] = []
    if !reference.candidates.isEmpty {
      message = ["“\(name)” could be any of these:"]
      items += reference.candidates.map { id in
        let title = corpus.document(id: id).map(TreeOutline.documentTitle) ?? id
        return ListPanel.Item(text: title, destination: Location(documentID: id))
      }
    }
    let others = citations(sameAs: reference, except: (documentIndex ?? -1, index))
    if !others.isEmpty {
      items.append(ListPanel.Item(text: "Also cited in:", destination: nil))
      items += others
    } else if reference.candidates.isEmpty {
      message.append("Nowhere else in the corpus cites it.")
    }
    let first = items.firstIndex { $0.destination != nil } ?? 0
    overlay = .list(
      ListPanel(
        kind: .unresolved, title: "Not in the corpus", message: message, items: items,
        selection: first))
  }

  /// Other references to the same thing: same kind and number, or symbol
  /// (an index lookup: a scan of every reference was linear in the corpus).
  private func citations(sameAs reference: Reference, except: (Int, Int)) -> [ListPanel.Item] {
    corpus.references(sameAs: reference).compactMap { position in
      guard (position.document, position.reference) != except else { return nil }
      let document = corpus.documents[position.document]
      let other = document.references[position.reference]
      let place = Location(
        documentID: document.id,
        clausePath: other.path.isEmpty || other.field == .heading || other.field == .annexTitle
          ? nil : other.path,
        reference: position.reference)
      return ListPanel.Item(text: "\(place.label): \(other.text)", destination: place)
    }
  }

  // MARK: History

  private mutating func goBack() {
    guard let previous = backStack.popLast() else {
      statusMessage = StatusMessage("Nothing to go back to")
      return
    }
    if let here = location { forwardStack.append(here) }
    var place = previous
    place.search = nil
    restore(place)
    // Left for a search result: back shows the results again.
    if let saved = previous.search { reopenSearch(saved) }
  }

  private mutating func goForward() {
    guard let next = forwardStack.popLast() else {
      statusMessage = StatusMessage("Nothing to go forward to")
      return
    }
    if let here = location { backStack.append(here) }
    restore(next)
  }

  private mutating func restore(_ place: Location) {
    guard let index = corpus.position(ofDocument: place.documentID) else { return }
    open(place, index: index)
  }

  private mutating func showHistory() {
    var items: [ListPanel.Item] = backStack.map {
      let search = $0.search.map { " (searched “\(TextFitting.truncate($0.input, toWidth: 30))”)" }
      return ListPanel.Item(text: "  " + $0.label + (search ?? ""), destination: $0)
    }
    let current = items.count
    if let here = location {
      items.append(ListPanel.Item(text: "• " + here.label, destination: nil))
    }
    items += forwardStack.reversed().map { ListPanel.Item(text: "  " + $0.label, destination: $0) }
    guard !items.isEmpty else {
      statusMessage = StatusMessage("No history yet")
      return
    }
    overlay = .list(
      ListPanel(kind: .history, title: "Visited (oldest first)", items: items, selection: current))
  }

  // MARK: Backlinks

  private mutating func showCitedBy() {
    guard let document else { return }
    guard !corpus.referencesPending else {
      statusMessage = StatusMessage("Still indexing references — cited-by is ready in a moment")
      return
    }
    var address = ClauseAddress(documentID: document.id, path: currentClause)
    var links = currentClause == nil ? [] : corpus.backlinks.citing(address)
    if links.isEmpty {
      address.path = nil
      links = corpus.backlinks.citing(documentID: document.id)
    }
    let name = address.path.map { "\(document.id) › \($0)" } ?? document.id
    guard !links.isEmpty else {
      statusMessage = StatusMessage("Nothing in the corpus cites \(name)")
      return
    }
    let items = links.map { link -> ListPanel.Item in
      let place = Location(
        documentID: link.source.documentID, clausePath: link.source.path,
        reference: link.referenceIndex)
      var text = place.label
      if let source = corpus.document(id: link.source.documentID),
        source.references.indices.contains(link.referenceIndex)
      {
        text += ": " + source.references[link.referenceIndex].text
      }
      if let pinpoint = link.pinpoint { text += " (\(pinpoint))" }
      return ListPanel.Item(text: text, destination: place)
    }
    overlay = .list(
      ListPanel(kind: .citedBy, title: "Cited by — \(name) (\(links.count))", items: items))
  }

  // MARK: Overlays

  private mutating func handleInOverlay(_ action: Action) -> BrowserEffect {
    switch overlay {
    case .help(let scroll)?:
      let count = keyMap.helpEntries.count
      let page = max(1, Renderer.box(lines: count, in: layout.content).inner.height)
      var next = scroll
      switch action {
      case .moveUp: next -= 1
      case .moveDown: next += 1
      case .pageUp, .halfPageUp: next -= page
      case .pageDown, .halfPageDown: next += page
      case .top: next = 0
      case .bottom: next = count
      default: overlay = nil
      }
      if overlay != nil { overlay = .help(scroll: max(0, min(next, max(0, count - page)))) }
    case .list(var panel)?:
      let page = max(1, layout.content.height - 4)
      switch action {
      case .moveUp: panel.selection -= 1
      case .moveDown: panel.selection += 1
      case .pageUp, .halfPageUp: panel.selection -= page
      case .pageDown, .halfPageDown: panel.selection += page
      case .top: panel.selection = 0
      case .bottom: panel.selection = panel.items.count - 1
      case .activate, .expandOrEnter:
        choose(panel)
        return .none
      default:
        overlay = nil
        return .none
      }
      panel.selection = max(0, min(panel.selection, panel.items.count - 1))
      overlay = .list(panel)
    case .prompt(let prompt)?:
      if action == .activate { submit(prompt) }
    case .search?:
      // Keys the search prompt did not take (Ctrl-L, Ctrl-C) end up here.
      break
    case .citationFormats(var picker)?:
      switch action {
      case .moveUp: picker.selection -= 1
      case .moveDown: picker.selection += 1
      case .top, .pageUp, .halfPageUp: picker.selection = 0
      case .bottom, .pageDown, .halfPageDown: picker.selection = picker.entries.count - 1
      case .activate, .expandOrEnter: return copy(from: picker)
      default:
        overlay = nil
        return .none
      }
      picker.selection = max(0, min(picker.selection, picker.entries.count - 1))
      overlay = .citationFormats(picker)
    case nil:
      break
    }
    return .none
  }

  private mutating func choose(_ panel: ListPanel) {
    guard panel.items.indices.contains(panel.selection),
      let destination = panel.items[panel.selection].destination
    else { return }
    overlay = nil
    jump(to: destination)
  }

  /// Keys the prompt takes itself; false lets the key map have the key.
  private mutating func handlePrompt(key: Key, _ prompt: inout GoToPrompt) -> Bool {
    switch key {
    case .character(let c):
      prompt.input.append(c)
    case .backspace, .delete:
      if prompt.input.isEmpty {
        overlay = nil
        return true
      }
      prompt.input.removeLast()
    case .control("u"):
      prompt.input = ""
    case .tab, .down:
      guard !prompt.suggestions.isEmpty else { return true }
      if key == .tab {
        let chosen = prompt.suggestions[min(prompt.selection ?? 0, prompt.suggestions.count - 1)]
        prompt.input = chosen.completion
        prompt.selection = nil
      } else {
        prompt.selection = min((prompt.selection ?? -1) + 1, prompt.suggestions.count - 1)
        overlay = .prompt(prompt)
        return true
      }
    case .up:
      if let selection = prompt.selection { prompt.selection = selection > 0 ? selection - 1 : nil }
      overlay = .prompt(prompt)
      return true
    case .enter:
      submit(prompt)
      return true
    default:
      return false
    }
    prompt.suggestions = goToService.suggestions(prompt.input, corpus, 8)
    prompt.selection = nil
    overlay = .prompt(prompt)
    return true
  }

  private mutating func submit(_ prompt: GoToPrompt) {
    let input = String(
      prompt.input.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    if let selection = prompt.selection, prompt.suggestions.indices.contains(selection) {
      overlay = nil
      jump(to: prompt.suggestions[selection].address)
      return
    }
    guard !input.isEmpty else {
      overlay = nil
      return
    }
    guard let address = goToService.resolve(input, corpus) else {
      statusMessage = StatusMessage(
        "Nothing in the corpus matches “\(TextFitting.truncate(input, toWidth: 40))”", isError: true
      )
      return
    }
    overlay = nil
    jump(to: address)
  }

  // MARK: Mouse

  private mutating func click(x: Int, y: Int) {
    if case .search(var panel) = overlay {
      if let index = Renderer.searchHit(at: x, y: y, panel: panel, layout: layout) {
        panel.selection = index
        openSearchHit(panel)
      }
      return
    }
    if overlay != nil {
      if case .list(var panel) = overlay,
        let index = Renderer.listItem(at: x, y: y, panel: panel, layout: layout)
      {
        panel.selection = index
        overlay = .list(panel)
        choose(panel)
      } else {
        overlay = nil
      }
      return
    }
    if let tree = layout.tree, tree.contains(x: x, y: y) {
      let index = treeScroll + (y - tree.y)
      guard treeRows.indices.contains(index) else { return }
      focus = .tree
      if index == treeSelection, treeRows[index].isExpandable {
        setExpanded(rowAt: index, !treeRows[index].isExpanded)
      } else {
        selectTreeRow(index)
      }
    } else if let reader = layout.reader, reader.contains(x: x, y: y), let readerLayout {
      focus = .reader
      let line = readerScroll + (y - reader.y)
      let column = x - reader.x - layout.readerMargin
      if let hit = readerLayout.footnote(line: line, column: column) {
        selectedReference = nil
        selectedFootnote = FootnoteSelection(
          footnote: readerLayout.footnotes[hit.footnote], atNote: hit.atNote)
        switchFootnote()
      } else if let placement = readerLayout.placement(line: line, column: column) {
        selectedReference = placement.reference
        selectedFootnote = nil
        followSelectedReference()
      } else if readerLayout.lines.indices.contains(line),
        let path = readerLayout.lines[line].clausePath
      {
        currentClause = path
      }
    }
  }

  private mutating func wheel(x: Int, y: Int, by delta: Int) {
    if let tree = layout.tree, tree.contains(x: x, y: y) {
      treeScroll = max(0, min(treeScroll + delta, max(0, treeRows.count - treeHeight)))
    } else if overlay == nil {
      scrollReader(by: delta)
    }
  }
}
