/// One terminal cell: a grapheme, how many columns it takes, and its role.
/// A wide grapheme fills its first cell; the next cell is a continuation
/// (`width == 0`, empty text) that a terminal must not draw over.
public struct Cell: Hashable, Sendable {
  public var text: String
  public var width: Int
  public var role: ThemeRole

  public init(text: String, width: Int, role: ThemeRole) {
    self.text = text
    self.width = width
    self.role = role
  }

  public static func blank(_ role: ThemeRole) -> Cell { Cell(text: " ", width: 1, role: role) }
  static func continuation(_ role: ThemeRole) -> Cell { Cell(text: "", width: 0, role: role) }
}

/// What the browser draws: a width×height grid of cells. The terminal layer
/// copies it to the screen; tests read it directly.
public struct CellGrid: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill role: ThemeRole = .bodyText) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(role), count: self.width * self.height)
  }

  public func cell(x: Int, y: Int) -> Cell? {
    guard x >= 0, y >= 0, x < width, y < height else { return nil }
    return cells[y * width + x]
  }

  /// The cells of one row (empty when out of range).
  public func row(_ y: Int) -> ArraySlice<Cell> {
    guard y >= 0, y < height else { return [] }
    return cells[(y * width)..<((y + 1) * width)]
  }

  /// The row as text, continuation cells skipped: what a person would see.
  public func text(ofRow y: Int) -> String {
    row(y).map(\.text).joined()
  }

  /// Every row as text, for test failure messages.
  public var lines: [String] { (0..<height).map(text(ofRow:)) }

  /// Fills a rectangle with blanks of a role (clipped to the grid).
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: ThemeRole) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + max(0, w))
    let y1 = min(height, y + max(0, h))
    guard x0 < x1, y0 < y1 else { return }
    for row in y0..<y1 {
      for column in x0..<x1 { cells[row * width + column] = .blank(role) }
    }
  }

  /// Writes text from column `x` on row `y`, no further than `limit`
  /// (exclusive; defaults to the grid's width). Control characters become
  /// placeholders; a wide grapheme that does not fit becomes a space.
  /// Returns the column after the last one written.
  @discardableResult
  public mutating func write(
    _ text: some StringProtocol, x: Int, y: Int, role: ThemeRole, limit: Int? = nil
  ) -> Int {
    var column = x
    for character in text {
      guard column < writeLimit(limit) else { break }
      column = put(character, x: column, y: y, role: role, limit: limit)
    }
    return column
  }

  /// Writes one grapheme (made safe) and returns the next column.
  @discardableResult
  public mutating func put(
    _ character: Character, x: Int, y: Int, role: ThemeRole, limit: Int? = nil
  )
    -> Int
  {
    let end = writeLimit(limit)
    guard y >= 0, y < height, x < end else { return x }
    let safe = TerminalText.safe(character)
    let w = DisplayWidth.of(safe)
    if w == 0 { return x }
    guard x >= 0 else { return x + w }
    if x + w > end {
      set(x: x, y: y, .blank(role))
      return end
    }
    set(x: x, y: y, Cell(text: String(safe), width: w, role: role))
    if w == 2 {
      let next = y * width + x + 1
      if cells[next].width == 2, x + 2 < width { cells[next + 1] = .blank(cells[next + 1].role) }
      cells[next] = .continuation(role)
    }
    return x + w
  }

  /// Writes text cut to `maxWidth` columns, ending in `…` when cut.
  @discardableResult
  public mutating func write(
    truncating text: some StringProtocol, x: Int, y: Int, maxWidth: Int, role: ThemeRole
  ) -> Int {
    let fitted = TextFitting.truncate(text, toWidth: maxWidth)
    return write(fitted, x: x, y: y, role: role, limit: x + max(0, maxWidth))
  }

  /// Changes the role of cells in a row span, keeping their text.
  public mutating func paint(x: Int, y: Int, width w: Int, role: ThemeRole) {
    guard y >= 0, y < height else { return }
    for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
      cells[y * width + column].role = role
    }
  }

  private func writeLimit(_ limit: Int?) -> Int { min(width, limit ?? width) }

  private mutating func set(x: Int, y: Int, _ cell: Cell) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    // Overwriting half of a wide grapheme blanks its other half.
    if cells[index].width == 0, x > 0, cells[index - 1].width == 2 {
      cells[index - 1] = .blank(cells[index - 1].role)
    }
    if cells[index].width == 2, x + 1 < width, cell.width != 2 {
      cells[index + 1] = .blank(cells[index + 1].role)
    }
    cells[index] = cell
  }
}

/// Cutting text to a number of columns.
public enum TextFitting {
  /// The text if it fits in `width` columns, else its start and `…`.
  public static func truncate(_ text: some StringProtocol, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    // One pass that stops at the edge: a tree row may carry a whole
    // clause, and a redraw must not scan thousands of characters per row.
    var result = ""
    var widths: [Int] = []
    var used = 0
    var fits = true
    for character in text {
      let shown = TerminalText.safe(character)
      let w = DisplayWidth.of(shown)
      if used + w > width {
        fits = false
        break
      }
      result.append(shown)
      widths.append(w)
      used += w
    }
    if fits { return result }
    while used > width - 1, let w = widths.popLast() {
      result.removeLast()
      used -= w
    }
    return result + "…"
  }
}
