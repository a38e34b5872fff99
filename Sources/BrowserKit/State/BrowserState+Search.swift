import ResolutionKit

/// Search in the browser: the `/` prompt with results as the user types,
/// opening a result with its matches highlighted, n/N through the matches.
extension BrowserState {
  /// How many results the list offers.
  static let searchResultLimit = 200

  /// The index built in the background is ready: an open search shows its
  /// results at once.
  public mutating func searchIndexReady(_ index: SearchIndex) {
    searchIndex = index
    if case .search(var panel) = overlay {
      panel.isIndexing = false
      refreshResults(&panel, keepSelection: false)
      overlay = .search(panel)
    }
  }

  mutating func openSearch() {
    // A fresh search each time; back reopens the last results.
    overlay = .search(SearchPanel(isIndexing: searchIndex == nil))
  }

  /// Back to the results a place was left for.
  mutating func reopenSearch(_ saved: SavedSearch) {
    var panel = SearchPanel(input: saved.input, isIndexing: searchIndex == nil)
    refreshResults(&panel, keepSelection: false)
    panel.selection = max(0, min(saved.selection, panel.hits.count - 1))
    overlay = .search(panel)
  }

  private func query(for input: String) -> SearchQuery {
    SearchQuery(parsing: input, lastWordIsPrefix: true)
  }

  private func refreshResults(_ panel: inout SearchPanel, keepSelection: Bool) {
    guard let index = searchIndex else {
      panel.hits = []
      return
    }
    panel.hits = index.search(query(for: panel.input), limit: Self.searchResultLimit)
    panel.selection = keepSelection ? max(0, min(panel.selection, panel.hits.count - 1)) : 0
  }

  /// Keys the search prompt takes; false hands the key to the key map
  /// (Ctrl-C, Ctrl-L).
  mutating func handleSearchPrompt(key: Key, _ panel: inout SearchPanel) -> Bool {
    let page = max(1, Renderer.searchGeometry(panel, layout: layout).visible)
    switch key {
    case .character(let c):
      panel.input.append(c)
      refreshResults(&panel, keepSelection: false)
    case .backspace, .delete:
      if !panel.input.isEmpty { panel.input.removeLast() }
      refreshResults(&panel, keepSelection: false)
    case .control("u"):
      panel.input = ""
      refreshResults(&panel, keepSelection: false)
    case .up, .backTab: panel.selection -= 1
    case .down, .tab: panel.selection += 1
    case .pageUp: panel.selection -= page
    case .pageDown: panel.selection += page
    case .home: panel.selection = 0
    case .end: panel.selection = panel.hits.count - 1
    case .enter:
      openSearchHit(panel)
      return true
    case .escape:
      // Nothing moved while searching: closing is going back.
      overlay = nil
      statusMessage = nil
      return true
    default:
      return false
    }
    panel.selection = max(0, min(panel.selection, panel.hits.count - 1))
    statusMessage = nil
    overlay = .search(panel)
    return true
  }

  /// Opens the selected result at its clause with the matches highlighted;
  /// the place left remembers the search, so back shows the results again.
  mutating func openSearchHit(_ panel: SearchPanel) {
    guard panel.hits.indices.contains(panel.selection) else {
      if panel.isIndexing {
        statusMessage = StatusMessage("Still indexing — results come in a moment")
      } else if !panel.input.isEmpty {
        statusMessage = StatusMessage("No results", isError: true)
      }
      return
    }
    overlay = nil
    let query = query(for: panel.input)
    activeSearch = ActiveSearch(
      input: panel.input, query: query, hits: panel.hits, resultIndex: panel.selection)
    searchHighlight = SearchHighlight(query: query)
    var here = location
    here?.search = SavedSearch(input: panel.input, selection: panel.selection)
    open(result: panel.selection, leaving: here)
  }

  /// Opens result `index` of the active search as a jump.
  private mutating func open(result index: Int, leaving here: Location?) {
    guard var search = activeSearch, search.hits.indices.contains(index) else { return }
    let hit = search.hits[index]
    // A heading hit opens at the heading (the reader finds it by name).
    let place = hit.path ?? (hit.field == .heading ? hit.heading : nil)
    jump(to: Location(documentID: hit.documentID, clausePath: place), leaving: here)
    search.resultIndex = index
    search.matchLine = nil
    search.matchDocument = hit.documentID
    if let layout = readerLayout, let path = hit.path, let lines = layout.clauseLines[path] {
      search.matchLine = matchingLines().first { lines.contains($0) }
    }
    activeSearch = search
    reportMatch(resultOpened: true)
  }

  mutating func clearSearch() {
    guard searchHighlight != nil || activeSearch != nil else {
      statusMessage = StatusMessage("No search highlight to clear")
      return
    }
    searchHighlight = nil
    activeSearch = nil
    statusMessage = StatusMessage("Search highlight cleared")
  }

  /// Reader lines of the current document holding a match.
  mutating func matchingLines() -> [Int] {
    guard let highlight = searchHighlight, let layout = readerLayout else { return [] }
    if let cache = matchingLinesCache, cache.document == layout.documentIndex,
      cache.width == layout.width
    {
      return cache.lines
    }
    let lines = layout.lines.indices.filter {
      !highlight.matchedPositions(in: layout.lines[$0]).isEmpty
    }
    matchingLinesCache = (layout.documentIndex, layout.width, lines)
    return lines
  }

  /// n / N: the next match in this document, else the next result in
  /// another document.
  mutating func stepMatch(forward: Bool) {
    guard var search = activeSearch else {
      statusMessage = StatusMessage("No search yet — / searches")
      return
    }
    let lines = matchingLines()
    var cursor = search.matchDocument == document?.id ? search.matchLine : nil
    if cursor == nil { cursor = forward ? readerScroll - 1 : readerScroll + max(1, readerHeight) }
    let here = cursor ?? 0
    if let line = forward ? lines.first(where: { $0 > here }) : lines.last(where: { $0 < here }) {
      search.matchLine = line
      search.matchDocument = document?.id
      activeSearch = search
      show(matchLine: line)
      reportMatch(resultOpened: false)
      return
    }
    // On to the next result outside this document.
    let order =
      forward
      ? Array(search.hits.indices.dropFirst(search.resultIndex + 1))
      : Array(search.hits.indices.prefix(search.resultIndex).reversed())
    guard let next = order.first(where: { search.hits[$0].documentID != document?.id }) else {
      // No other document: round again, like a pager.
      if let line = forward ? lines.first : lines.last {
        search.matchLine = line
        search.matchDocument = document?.id
        activeSearch = search
        show(matchLine: line)
        reportMatch(resultOpened: false)
        let report = statusMessage?.text ?? ""
        statusMessage = StatusMessage(
          (forward ? "Wrapped to the first match: " : "Wrapped to the last match: ") + report)
        return
      }
      statusMessage = StatusMessage(
        forward
          ? "No more matches for “\(TextFitting.truncate(search.input, toWidth: 30))”"
          : "No earlier matches for “\(TextFitting.truncate(search.input, toWidth: 30))”")
      return
    }
    open(result: next, leaving: location)
  }

  private mutating func show(matchLine line: Int) {
    let height = max(1, readerHeight)
    if line < readerScroll || line >= readerScroll + height {
      readerScroll = max(0, line - height / 3)
      clampReaderScroll()
    }
    if let layout = readerLayout, layout.lines.indices.contains(line),
      let path = layout.lines[line].clausePath
    {
      currentClause = path
    }
  }

  /// `R1316 › considering ¶1 — result 1/3, match 2/5 · n next, \ clears`
  private mutating func reportMatch(resultOpened: Bool) {
    guard let search = activeSearch, let here = location else { return }
    let lines = matchingLines()
    var parts = ["result \(search.resultIndex + 1)/\(search.hits.count)"]
    if let line = search.matchLine, let position = lines.firstIndex(of: line) {
      parts.append("match \(position + 1)/\(lines.count)")
    } else if lines.isEmpty {
      parts.append("no match shown in the text")
    }
    statusMessage = StatusMessage(
      here.label + " — " + parts.joined(separator: ", ") + " · n next, N previous, \\ clears")
  }
}

extension SearchHighlight {
  /// Paints the words, prefixes and phrases of a search.
  public init(query: SearchQuery) {
    self.init { SearchIndex.matchRanges(of: query, in: $0) }
  }
}
