/// A key as ncurses reports it, decoded.
public enum TerminalKey: Hashable, Sendable {
  case character(Character)
  /// Ctrl with a letter, lowercased: Ctrl-C is `.control("c")`.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case backspace, delete
  case tab, backTab
  case enter, escape
  case function(Int)
}

/// What the terminal can report.
public enum TerminalEvent: Hashable, Sendable {
  case key(TerminalKey)
  /// Left button pressed or clicked at a cell.
  case click(x: Int, y: Int)
  case wheelUp(x: Int, y: Int)
  case wheelDown(x: Int, y: Int)
  /// The terminal changed size; read `Screen.size` again.
  case resize
}
