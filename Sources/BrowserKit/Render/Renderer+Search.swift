import ResolutionKit

/// The search overlay (results above, prompt on the status line) and the
/// citation format picker.
extension Renderer {
  /// The box, the rows each result takes (two: where it is, then the
  /// snippet; one when the box has a single row), the first result shown
  /// and how many fit.
  static func searchGeometry(_ panel: SearchPanel, layout: PaneLayout) -> (
    box: (outer: Frame, inner: Frame), rowsPerHit: Int, first: Int, visible: Int
  ) {
    let box = box(lines: max(1, panel.hits.count * 2), in: layout.content)
    let rowsPerHit = box.inner.height >= 2 ? 2 : 1
    let visible = max(0, box.inner.height / rowsPerHit)
    let first = visible > 0 ? max(0, panel.selection - visible + 1) : 0
    return (box, rowsPerHit, first, visible)
  }

  /// The result under a click, if any.
  public static func searchHit(at x: Int, y: Int, panel: SearchPanel, layout: PaneLayout) -> Int? {
    let g = searchGeometry(panel, layout: layout)
    guard g.box.inner.contains(x: x, y: y) else { return nil }
    let index = g.first + (y - g.box.inner.y) / g.rowsPerHit
    return panel.hits.indices.contains(index) ? index : nil
  }

  static func drawSearch(_ panel: SearchPanel, state: BrowserState, into grid: inout CellGrid) {
    let g = searchGeometry(panel, layout: state.layout)
    let inner = g.box.inner
    let title: String
    if panel.isIndexing {
      title = "Search — indexing…"
    } else if panel.input.allSatisfy(\.isWhitespace) {
      title = "Search — type words; Enter opens, Esc cancels"
    } else {
      let count = panel.hits.count
      let more = count >= BrowserState.searchResultLimit ? "+" : ""
      title = "Search — \(count)\(more) result\(count == 1 ? "" : "s")"
    }
    drawBox(g.box, title: title, into: &grid)
    if panel.hits.isEmpty, inner.height > 0 {
      let note =
        panel.isIndexing
        ? "indexing… results appear when the index is ready"
        : panel.input.isEmpty
          ? "Words, \"a phrase\", -word, pre*, doc:R1316, in:resolves" : "No results"
      grid.write(truncating: note, x: inner.x, y: inner.y, maxWidth: inner.width, role: .help)
    }
    for i in 0..<g.visible {
      let index = g.first + i
      guard panel.hits.indices.contains(index) else { break }
      let hit = panel.hits[index]
      let y = inner.y + i * g.rowsPerHit
      let selected = index == panel.selection
      let role: ThemeRole = selected ? .treeFocused : .help
      if selected { grid.fill(x: inner.x, y: y, width: inner.width, height: 1, role: role) }
      grid.write(truncating: label(of: hit), x: inner.x, y: y, maxWidth: inner.width, role: role)
      if g.rowsPerHit > 1, y + 1 < inner.y + inner.height {
        drawSnippet(
          hit.snippet, x: inner.x + 2, y: y + 1, limit: inner.x + inner.width, into: &grid)
      }
    }
    drawSearchPrompt(panel, state: state, into: &grid)
  }

  /// `R1316 › considering ¶1` / `R1316 › resolves (heading)` / `R1316 — title`
  static func label(of hit: SearchHit) -> String {
    let place = Location(documentID: hit.documentID, clausePath: hit.path).label
    switch hit.field {
    case .document, .title: return place + " — title"
    case .heading: return hit.heading.map { place + " › " + $0 } ?? place
    case .footnote: return place + " (footnote)"
    case .clause: return place
    }
  }

  /// The snippet with its matched words in the search-match role.
  static func drawSnippet(
    _ snippet: Snippet, x start: Int, y: Int, limit: Int, into grid: inout CellGrid
  ) {
    var x = start
    var highlights = snippet.highlights[...]
    for (offset, character) in snippet.text.enumerated() {
      while let first = highlights.first, first.upperBound <= offset { highlights.removeFirst() }
      let matched = highlights.first.map { $0.contains(offset) } ?? false
      x = grid.put(character, x: x, y: y, role: matched ? .searchMatch : .help, limit: limit)
      if x >= limit { break }
    }
  }

  static func drawSearchPrompt(_ panel: SearchPanel, state: BrowserState, into grid: inout CellGrid)
  {
    drawPromptLine(label: "/", input: panel.input, state: state, into: &grid)
  }

  static func drawCitationPicker(
    _ picker: CitationPicker, state: BrowserState, into grid: inout CellGrid
  ) {
    let place = Location(documentID: picker.address.documentID, clausePath: picker.address.path)
    let box = box(lines: picker.entries.count, in: state.layout.content)
    drawBox(box, title: "Copy a citation of \(place.label) — Enter copies", into: &grid)
    let inner = box.inner
    let nameWidth = min(12, (picker.entries.map { DisplayWidth.of($0.format.name) }.max() ?? 0) + 2)
    let first = inner.height > 0 ? max(0, picker.selection - inner.height + 1) : 0
    for i in 0..<inner.height {
      let index = first + i
      guard picker.entries.indices.contains(index) else { break }
      let entry = picker.entries[index]
      let y = inner.y + i
      let selected = index == picker.selection
      var role: ThemeRole = selected ? .treeFocused : .help
      if selected { grid.fill(x: inner.x, y: y, width: inner.width, height: 1, role: role) }
      grid.write(
        truncating: entry.format.name, x: inner.x, y: y, maxWidth: min(nameWidth, inner.width),
        role: role)
      let preview: String
      switch entry.preview {
      case .success(let text): preview = text
      case .failure(let error):
        preview = "(cannot write: \(error))"
        if !selected { role = .error }
      }
      let x = inner.x + nameWidth
      grid.write(truncating: preview, x: x, y: y, maxWidth: inner.x + inner.width - x, role: role)
    }
  }
}
