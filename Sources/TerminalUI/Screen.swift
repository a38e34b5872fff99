@preconcurrency import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// Why the full-screen browser cannot start.
public enum ScreenError: Error, Hashable, Sendable, CustomStringConvertible {
  case notATerminal
  case unsupportedTerminal(String)

  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and output must be a terminal"
    case .unsupportedTerminal(let name):
      return "the terminal type “\(name)” cannot be used for the full-screen browser"
    }
  }
}

/// The terminal in full-screen mode: the one owner of ncurses. Draws frames
/// (only rows that changed), reads keys and mouse events, and restores the
/// terminal on `end()` (also called on deinit).
public final class Screen {
  private var previous: ScreenFrame?
  private var pairs: [PairKey: Int] = [:]
  private var nextPair = 1
  private let colorCount: Int
  private let pairLimit: Int
  private var ended = false

  private struct PairKey: Hashable {
    var foreground: Int
    var background: Int
  }

  /// Starts full-screen mode on standard input and output. Colours are off
  /// when the terminal has none or `NO_COLOR` is set.
  public init() throws(ScreenError) {
    try Self.checkTerminal()
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    TerminalSignals.unblock()
    setlocale(LC_ALL, "")
    guard let output = fdopen(1, "w"), let input = fdopen(0, "r"),
      newterm(nil, output, input) != nil
    else {
      throw .unsupportedTerminal(term)
    }
    if getenv("ESCDELAY") == nil { set_escdelay(25) }
    raw()
    noecho()
    nonl()
    keypad(stdscr, true)
    curs_set(0)
    wtimeout(stdscr, 250)
    mouseinterval(0)
    let mask =
      rb_button1_pressed() | rb_button1_clicked() | rb_button4_pressed() | rb_button5_pressed()
    mousemask(mask, nil)
    if has_colors() && getenv("NO_COLOR").map({ $0.pointee == 0 }) ?? true {
      start_color()
      use_default_colors()
      colorCount = Int(COLORS)
      pairLimit = Int(COLOR_PAIRS)
    } else {
      colorCount = 0
      pairLimit = 0
    }
    TerminalSignals.install()
  }

  /// Whether full-screen mode can start here, without drawing anything:
  /// standard input and output are terminals and `TERM` names a terminal
  /// that can move the cursor.
  public static func checkTerminal() throws(ScreenError) {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !term.isEmpty, rb_terminal_can_draw(1) == 1 else {
      throw .unsupportedTerminal(term.isEmpty ? "(unset)" : term)
    }
  }

  deinit { end() }

  /// Leaves full-screen mode; safe to call more than once.
  public func end() {
    guard !ended else { return }
    ended = true
    curs_set(1)
    endwin()
  }

  /// Columns and rows.
  public var size: (columns: Int, rows: Int) {
    (Int(rb_getmaxx(stdscr)), Int(rb_getmaxy(stdscr)))
  }

  /// A termination signal that arrived (SIGINT, SIGTERM, SIGHUP), if any.
  public var pendingSignal: Int32? { TerminalSignals.pending }

  /// Forgets what is on screen so the next `draw` repaints every cell.
  public func invalidate() {
    previous = nil
    clearok(curscr, true)
  }

  /// Draws a frame, rewriting only rows that differ from the last one.
  public func draw(_ frame: ScreenFrame) {
    let sameSize = previous.map { $0.width == frame.width && $0.height == frame.height } ?? false
    if !sameSize { erase() }
    for y in 0..<frame.height {
      let row = frame.row(y)
      if sameSize, let previous, previous.row(y) == row { continue }
      drawRow(row, y: y)
    }
    previous = frame
    refresh()
  }

  private func drawRow(_ row: ArraySlice<ScreenCell>, y: Int) {
    var x = 0
    var index = row.startIndex
    var buffer: [wchar_t] = []
    while index < row.endIndex {
      let style = row[index].style
      let start = x
      buffer.removeAll(keepingCapacity: true)
      while index < row.endIndex, row[index].style == style {
        let cell = row[index]
        if cell.width > 0 {
          for scalar in cell.text.unicodeScalars {
            buffer.append(wchar_t(bitPattern: scalar.value))
          }
        }
        x += 1
        index += 1
      }
      apply(style)
      buffer.append(0)
      _ = buffer.withUnsafeBufferPointer { pointer in
        mvaddnwstr(Int32(y), Int32(start), pointer.baseAddress, Int32(buffer.count - 1))
      }
    }
  }

  private func apply(_ style: ScreenStyle) {
    var attributes = rb_a_normal()
    if style.bold { attributes |= rb_a_bold() }
    if style.dim { attributes |= rb_a_dim() }
    if style.italic { attributes |= rb_a_italic() }
    if style.underline { attributes |= rb_a_underline() }
    if style.reverse { attributes |= rb_a_reverse() }
    rb_attr_set(attributes, Int32(pair(for: style)))
  }

  /// The colour pair for a style, made on first use; 0 when out of pairs.
  private func pair(for style: ScreenStyle) -> Int {
    guard colorCount > 0 else { return 0 }
    let key = PairKey(
      foreground: ColorReduction.number(style.foreground, colors: colorCount),
      background: ColorReduction.number(style.background, colors: colorCount))
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let existing = pairs[key] { return existing }
    guard nextPair < pairLimit else { return 0 }
    let number = nextPair
    let ok: Int32
    if number < 256 {
      ok = init_pair(Int16(number), Int16(key.foreground), Int16(key.background))
    } else {
      ok = init_extended_pair(Int32(number), Int32(key.foreground), Int32(key.background))
    }
    guard ok != ERR else { return 0 }
    nextPair += 1
    pairs[key] = number
    return number
  }

  /// Waits up to a quarter of a second for input; nil when nothing came
  /// (so the caller can check `pendingSignal`).
  public func nextEvent() -> TerminalEvent? {
    var character: wint_t = 0
    let result = get_wch(&character)
    if result == KEY_CODE_YES { return functionKey(Int32(bitPattern: character)) }
    guard result == OK else { return nil }
    return .key(plainKey(character))
  }

  private func plainKey(_ code: wint_t) -> TerminalKey {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      let letter = Character(Unicode.Scalar(UInt8(96 + code)))
      return .control(letter)
    default:
      guard let scalar = Unicode.Scalar(UInt32(code)) else { return .character("\u{FFFD}") }
      return .character(Character(scalar))
    }
  }

  private func functionKey(_ code: Int32) -> TerminalEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_HOME, KEY_A1: return .key(.home)
    case KEY_END, KEY_C1: return .key(.end)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_BTAB: return .key(.backTab)
    case KEY_ENTER: return .key(.enter)
    case KEY_RESIZE: return .resize
    case KEY_MOUSE: return mouseEvent()
    default:
      for n in 1...12 where code == rb_key_f(Int32(n)) { return .key(.function(n)) }
      return nil
    }
  }

  private func mouseEvent() -> TerminalEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let x = Int(event.x)
    let y = Int(event.y)
    let state = event.bstate
    if state & rb_button4_pressed() != 0 { return .wheelUp(x: x, y: y) }
    if state & rb_button5_pressed() != 0 { return .wheelDown(x: x, y: y) }
    if state & (rb_button1_pressed() | rb_button1_clicked()) != 0 { return .click(x: x, y: y) }
    return nil
  }

  /// Ctrl-Z: gives the terminal back, stops the process, and takes the
  /// terminal again when resumed (`fg`).
  public func suspend() {
    endwin()
    signal(SIGTSTP, SIG_DFL)
    raise(SIGTSTP)
    // Resumed.
    refresh()
    invalidate()
  }
}
