/// A rectangle of the grid.
public struct Frame: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < x + width && py >= y && py < y + height
  }
}

/// Which pane has the keyboard.
public enum Pane: Hashable, Sendable {
  case tree
  case reader
}

/// Where the panes go for a terminal size: tree left (~35%), reader right,
/// status line at the bottom; below `twoPaneMinimum` columns only the
/// focused pane shows.
public struct PaneLayout: Hashable, Sendable {
  public static let twoPaneMinimum = 80

  public var tree: Frame?
  public var separatorColumn: Int?
  public var reader: Frame?
  public var status: Frame
  /// The area overlays may cover (everything above the status line).
  public var content: Frame

  public init(columns: Int, rows: Int, focus: Pane) {
    let columns = max(0, columns)
    let rows = max(0, rows)
    status = Frame(x: 0, y: max(0, rows - 1), width: columns, height: rows > 0 ? 1 : 0)
    let contentHeight = max(0, rows - 1)
    content = Frame(x: 0, y: 0, width: columns, height: contentHeight)
    if columns >= Self.twoPaneMinimum {
      let treeWidth = max(20, columns * 35 / 100)
      tree = Frame(x: 0, y: 0, width: treeWidth, height: contentHeight)
      separatorColumn = treeWidth
      reader = Frame(x: treeWidth + 1, y: 0, width: columns - treeWidth - 1, height: contentHeight)
    } else if focus == .tree {
      tree = content
    } else {
      reader = content
    }
  }

  public var isSinglePane: Bool { separatorColumn == nil }

  /// Columns of reader text: one column of margin on each side when wide enough.
  public var readerMargin: Int { (reader?.width ?? 0) >= 20 ? 1 : 0 }
  public var readerTextWidth: Int { max(1, (reader?.width ?? 0) - 2 * readerMargin) }
}
