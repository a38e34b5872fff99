/// A key press as the browser sees it, independent of the terminal library.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl with a letter: `.control("c")`.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case backspace, delete
  case tab, backTab
  case enter, escape
  case function(Int)

  /// How the help screen writes the key.
  public var displayName: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .control(let c): return "Ctrl-" + String(c).uppercased()
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .function(let n): return "F\(n)"
    }
  }
}

/// A mouse event in grid coordinates.
public enum MouseEvent: Hashable, Sendable {
  case click(x: Int, y: Int)
  case wheelUp(x: Int, y: Int)
  case wheelDown(x: Int, y: Int)
}
