import ResolutionKit

/// Draws a state into a cell grid: a pure function of the state (which
/// holds the terminal size). Only visible rows are touched.
public enum Renderer {
  public static func render(_ state: BrowserState) -> CellGrid {
    var grid = CellGrid(width: state.columns, height: state.rows, fill: .bodyText)
    let layout = state.layout
    if let tree = layout.tree { drawTree(state, in: tree, into: &grid) }
    if let column = layout.separatorColumn {
      for y in 0..<layout.content.height { grid.write("│", x: column, y: y, role: .border) }
    }
    if let reader = layout.reader { drawReader(state, in: reader, into: &grid) }
    drawStatus(state, into: &grid)
    switch state.overlay {
    case .help(let scroll)?: drawHelp(state, scroll: scroll, into: &grid)
    case .list(let panel)?: drawList(panel, layout: layout, into: &grid)
    case .prompt(let prompt)?: drawPrompt(prompt, state: state, into: &grid)
    case .search(let panel)?: drawSearch(panel, state: state, into: &grid)
    case .citationFormats(let picker)?: drawCitationPicker(picker, state: state, into: &grid)
    case nil: break
    }
    return grid
  }

  // MARK: Tree

  static func drawTree(_ state: BrowserState, in frame: Frame, into grid: inout CellGrid) {
    grid.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height, role: .tree)
    let rows = state.treeRows
    for i in 0..<frame.height {
      let index = state.treeScroll + i
      guard rows.indices.contains(index) else { break }
      let row = rows[index]
      let y = frame.y + i
      var role = ThemeRole.tree
      if index == state.treeSelection {
        role = state.focus == .tree ? .treeFocused : .treeSelected
        grid.fill(x: frame.x, y: y, width: frame.width, height: 1, role: role)
      }
      let indent = min(row.depth * 2, frame.width / 2)
      let marker = row.isExpandable ? (row.isExpanded ? "▾ " : "▸ ") : "  "
      var x = frame.x + indent
      x = grid.write(marker, x: x, y: y, role: role, limit: frame.x + frame.width)
      grid.write(truncating: row.title, x: x, y: y, maxWidth: frame.x + frame.width - x, role: role)
    }
    if rows.isEmpty, frame.height > 0 {
      grid.write(
        truncating: "(no documents)", x: frame.x, y: frame.y, maxWidth: frame.width, role: .tree)
    }
  }

  // MARK: Reader

  static func drawReader(_ state: BrowserState, in frame: Frame, into grid: inout CellGrid) {
    guard let layout = state.readerLayout, state.document != nil else {
      grid.write(
        truncating: "No document", x: frame.x, y: frame.y, maxWidth: frame.width, role: .bodyText)
      return
    }
    let references = state.references(inDocument: layout.documentIndex)
    let margin = state.layout.readerMargin
    let limit = frame.x + frame.width - margin
    let current = state.currentClause.flatMap { layout.clauseLines[$0] }
    let selectedFootnote = state.selectedFootnote.flatMap { layout.index(of: $0.footnote) }
    let atNote = state.selectedFootnote?.atNote ?? false
    for i in 0..<frame.height {
      let index = state.readerScroll + i
      guard layout.lines.indices.contains(index) else { break }
      let line = layout.lines[index]
      let y = frame.y + i
      let isCurrent = current?.contains(index) ?? false
      if isCurrent, margin > 0 { grid.write("▌", x: frame.x, y: y, role: .currentClause) }
      var x = frame.x + margin + line.indent
      let matched = state.searchHighlight?.matchedPositions(in: line) ?? []
      for (position, glyph) in line.glyphs.enumerated() {
        var role = glyph.role
        if let reference = glyph.reference {
          role = .link
          // Not resolved yet (references pending) looks like leading nowhere.
          if !references.indices.contains(reference) || references[reference].target == nil {
            role = .unresolvedLink
          }
          if reference == state.selectedReference { role = .treeFocused }
        } else if isCurrent, role == .bodyText || role == .clauseLabel {
          role = .currentClause
        }
        if let footnote = atNote ? glyph.footnoteNote : glyph.footnoteMarker,
          footnote == selectedFootnote
        {
          role = .treeFocused
        }
        if matched.contains(position),
          glyph.reference == nil || glyph.reference != state.selectedReference
        {
          role = .searchMatch
        }
        x = grid.put(glyph.character, x: x, y: y, role: role, limit: limit)
        if x >= limit { break }
      }
    }
  }

  // MARK: Status line

  /// `line 40/63 77%`
  public static func position(_ state: BrowserState) -> String {
    guard let layout = state.readerLayout, !layout.lines.isEmpty else { return "" }
    let total = layout.lines.count
    let shown = min(total, state.readerScroll + max(1, state.readerHeight))
    return "line \(state.readerScroll + 1)/\(total) \(shown * 100 / total)%"
  }

  static func drawStatus(_ state: BrowserState, into grid: inout CellGrid) {
    let frame = state.layout.status
    guard frame.height > 0, frame.width > 0 else { return }
    let y = frame.y
    grid.fill(x: 0, y: y, width: frame.width, height: 1, role: .statusLine)
    let position = position(state)
    var left = state.location?.label ?? "empty corpus"
    if state.corpus.referencesPending { left += " · finding references…" }
    if state.layout.isSinglePane { left = (state.focus == .tree ? "[tree] " : "[reader] ") + left }
    var leftRole = ThemeRole.statusLine
    if let message = state.statusMessage {
      left = message.text
      leftRole = message.isError ? .error : .statusMessage
    }
    let positionWidth = DisplayWidth.of(position)
    let room = frame.width - positionWidth - 2
    if room >= 8 {
      grid.write(truncating: left, x: 0, y: y, maxWidth: room, role: leftRole)
      grid.write(position, x: frame.width - positionWidth, y: y, role: .statusLine)
    } else {
      grid.write(truncating: left, x: 0, y: y, maxWidth: frame.width, role: leftRole)
    }
  }

  // MARK: Overlays

  /// The box of an overlay with `lines` lines of content, and the area
  /// inside its border (the same when there is no room for a border).
  static func box(lines: Int, in content: Frame) -> (outer: Frame, inner: Frame) {
    guard content.width >= 24, content.height >= 5 else { return (content, content) }
    let width = min(content.width - 4, 100)
    let height = min(content.height - 2, lines + 2)
    let outer = Frame(
      x: content.x + (content.width - width) / 2, y: content.y + 1, width: width, height: height)
    return (
      outer, Frame(x: outer.x + 1, y: outer.y + 1, width: outer.width - 2, height: outer.height - 2)
    )
  }

  static func drawBox(_ box: (outer: Frame, inner: Frame), title: String, into grid: inout CellGrid)
  {
    let o = box.outer
    grid.fill(x: o.x, y: o.y, width: o.width, height: o.height, role: .help)
    guard o != box.inner else {
      return
    }
    let right = o.x + o.width - 1
    let bottom = o.y + o.height - 1
    for x in o.x...right {
      grid.write("─", x: x, y: o.y, role: .border)
      grid.write("─", x: x, y: bottom, role: .border)
    }
    for y in o.y...bottom {
      grid.write("│", x: o.x, y: y, role: .border)
      grid.write("│", x: right, y: y, role: .border)
    }
    grid.write("┌", x: o.x, y: o.y, role: .border)
    grid.write("┐", x: right, y: o.y, role: .border)
    grid.write("└", x: o.x, y: bottom, role: .border)
    grid.write("┘", x: right, y: bottom, role: .border)
    grid.write(truncating: " \(title) ", x: o.x + 2, y: o.y, maxWidth: o.width - 4, role: .border)
  }

  static func drawHelp(_ state: BrowserState, scroll: Int, into grid: inout CellGrid) {
    let entries = state.keyMap.helpEntries
    let keyWidth = min(24, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0)
    let box = box(lines: entries.count, in: state.layout.content)
    drawBox(box, title: "Keys — Esc closes", into: &grid)
    let inner = box.inner
    for i in 0..<inner.height {
      let index = scroll + i
      guard entries.indices.contains(index) else { break }
      let entry = entries[index]
      let y = inner.y + i
      grid.write(
        truncating: entry.keys, x: inner.x, y: y, maxWidth: min(keyWidth, inner.width), role: .help)
      let x = inner.x + keyWidth + 2
      grid.write(
        truncating: entry.action.summary, x: x, y: y, maxWidth: inner.x + inner.width - x,
        role: .help)
    }
  }

  /// The first visible item and the row of the first item, for a panel.
  static func listGeometry(_ panel: ListPanel, layout: PaneLayout) -> (
    box: (outer: Frame, inner: Frame), first: Int, top: Int, visible: Int
  ) {
    let box = box(lines: panel.message.count + panel.items.count, in: layout.content)
    let inner = box.inner
    let messageRows = min(panel.message.count, max(0, inner.height - 1))
    let visible = max(0, inner.height - messageRows)
    let first = visible > 0 ? max(0, panel.selection - visible + 1) : 0
    return (box, first, inner.y + messageRows, visible)
  }

  /// The item under a click, if any.
  public static func listItem(at x: Int, y: Int, panel: ListPanel, layout: PaneLayout) -> Int? {
    let g = listGeometry(panel, layout: layout)
    guard g.box.inner.contains(x: x, y: y), y >= g.top else { return nil }
    let index = g.first + (y - g.top)
    return panel.items.indices.contains(index) ? index : nil
  }

  static func drawList(_ panel: ListPanel, layout: PaneLayout, into grid: inout CellGrid) {
    let g = listGeometry(panel, layout: layout)
    drawBox(g.box, title: panel.title, into: &grid)
    let inner = g.box.inner
    for (i, line) in panel.message.prefix(g.top - inner.y).enumerated() {
      grid.write(truncating: line, x: inner.x, y: inner.y + i, maxWidth: inner.width, role: .help)
    }
    for i in 0..<g.visible {
      let index = g.first + i
      guard panel.items.indices.contains(index) else { break }
      let item = panel.items[index]
      let y = g.top + i
      var role: ThemeRole = item.destination == nil ? .heading : .help
      if index == panel.selection && item.destination != nil {
        role = .treeFocused
        grid.fill(x: inner.x, y: y, width: inner.width, height: 1, role: role)
      }
      grid.write(truncating: item.text, x: inner.x, y: y, maxWidth: inner.width, role: role)
    }
  }

  static func drawPrompt(_ prompt: GoToPrompt, state: BrowserState, into grid: inout CellGrid) {
    let content = state.layout.content
    let count = min(prompt.suggestions.count, content.height)
    for i in 0..<count {
      let y = content.y + content.height - count + i
      let role: ThemeRole = prompt.selection == i ? .treeFocused : .help
      grid.fill(x: 0, y: y, width: content.width, height: 1, role: role)
      grid.write(
        truncating: prompt.suggestions[i].label, x: 1, y: y, maxWidth: content.width - 1, role: role
      )
    }
    drawPromptLine(label: "Go to: ", input: prompt.input, state: state, into: &grid)
  }

  /// The status line as a prompt: label, the end of the input (where the
  /// cursor is) kept in view, a cursor cell, then any status message.
  static func drawPromptLine(
    label: String, input: String, state: BrowserState, into grid: inout CellGrid
  ) {
    let status = state.layout.status
    guard status.height > 0 else { return }
    grid.fill(x: 0, y: status.y, width: status.width, height: 1, role: .prompt)
    var x = grid.write(label, x: 0, y: status.y, role: .prompt)
    let room = max(0, status.width - x - 1)
    // One pass from the end: a long pasted input costs its length, not its square.
    let safe = TerminalText.safe(input)
    var start = safe.endIndex
    var width = 0
    while start > safe.startIndex {
      let previous = safe.index(before: start)
      let next = width + DisplayWidth.of(String(safe[previous]))
      if next > room { break }
      width = next
      start = previous
    }
    x = grid.write(String(safe[start...]), x: x, y: status.y, role: .prompt)
    grid.write(" ", x: x, y: status.y, role: .treeFocused)
    if let message = state.statusMessage, x + 3 < status.width {
      grid.write(
        truncating: message.text, x: x + 2, y: status.y, maxWidth: status.width - x - 2,
        role: message.isError ? .error : .statusMessage)
    }
  }
}
