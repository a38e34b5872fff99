import Foundation
import ResolutionKit
import Testing

/// The full-screen browser driven in tmux as a person would drive it.
@Suite(.serialized) struct BrowserTmuxTests {
  static var binary: String { BuiltBinary.resbrowse?.path ?? "resbrowse-not-built" }

  /// `TERM=… resbrowse ARGS; echo EXIT=$?` and a pause, so the exit status
  /// and the restored screen can be read before the session ends.
  static func command(term: String = "tmux-256color", _ arguments: String = "") -> String {
    "TERM=\(term) '\(binary)' \(arguments); echo EXIT=$?; sleep 30"
  }

  /// The flow needs the parser and reference resolution: R1316 citing R1300.
  static var sampleHasLinks: Bool {
    Corpus.sample.document(id: "R1316")?.references.contains { $0.target == "R1300" } ?? false
  }

  @Test(
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
    .enabled(
      if: sampleHasLinks,
      "R1316 in the sample corpus has no resolved link to R1300 yet (references not merged)"))
  func goToFollowBackHelpResizeQuit() throws {
    let tmux = try TmuxSession(command: Self.command())
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("│") } != nil, "browser did not start:\n\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "1")

    try tmux.send(":")
    try tmux.send("1316", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1316") } != nil, "\(tmux.capture())")
    #expect(tmux.capture().contains("Resolution 1316"))

    // Tab through the links until the status line says it leads to R1300.
    var found = false
    for _ in 0..<40 {
      try tmux.send("Tab")
      if tmux.waitFor(timeout: 2, { _ in tmux.statusLine().contains("→ R1300") }) != nil {
        found = true
        break
      }
    }
    #expect(found, "no link to R1300 in R1316:\n\(tmux.capture())")
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1300") } != nil, "\(tmux.capture())")
    #expect(tmux.capture().contains("Resolution 1300"))

    try tmux.send("BSpace")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1316") } != nil, "\(tmux.capture())")

    try tmux.send("?")
    #expect(tmux.waitFor { $0.contains("Keys — Esc closes") } != nil)
    try tmux.send("Escape")
    #expect(tmux.waitFor { !$0.contains("Keys — Esc closes") } != nil)

    // Narrow: one pane with its name in the status line; wide again: two.
    try tmux.resize(columns: 60, rows: 20)
    #expect(
      tmux.waitFor { _ in tmux.statusLine().hasPrefix("[reader] R1316") } != nil,
      "\(tmux.capture())")
    try tmux.resize(columns: 20, rows: 5)
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("[reader]") } != nil)
    try tmux.resize(columns: 100, rows: 30)
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1316") } != nil)

    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  /// X10 mouse reports, the encoding ncurses expects under tmux-256color:
  /// ESC [ M, then button, column and row, each plus 32 (1-based cells).
  static func mouse(button: Int, x: Int, y: Int) -> String {
    let bytes = [button + 32, x + 33, y + 33].compactMap(Unicode.Scalar.init).map(Character.init)
    return "\u{1B}[M" + String(bytes)
  }

  @Test(
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed"),
    .enabled(if: Corpus.sample.document(id: "PP-R71") != nil, "the sample corpus has no PP-R71"))
  func mouseClickSelectsAndWheelScrolls() throws {
    let tmux = try TmuxSession(command: Self.command())
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("│") } != nil, "\(tmux.capture())")
    try tmux.send(":")
    try tmux.send("PP-R71", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().contains("line 1/") } != nil, "\(tmux.capture())")
    try tmux.send(Self.mouse(button: 65, x: 60, y: 10), literal: true)
    #expect(tmux.waitFor { _ in tmux.statusLine().contains("line 4/") } != nil, "\(tmux.capture())")
    try tmux.send(Self.mouse(button: 64, x: 60, y: 10), literal: true)
    #expect(tmux.waitFor { _ in tmux.statusLine().contains("line 1/") } != nil, "\(tmux.capture())")
    // The first tree row is a document: a click shows it.
    let first = tmux.capture().split(separator: "\n").first.map(String.init) ?? ""
    let id = first.dropFirst(2).prefix { !$0.isWhitespace }
    try tmux.send(Self.mouse(button: 0, x: 3, y: 0), literal: true)
    #expect(
      tmux.waitFor { _ in tmux.statusLine().hasPrefix(String(id)) } != nil, "\(tmux.capture())")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func quitsCleanlyOnCtrlCAndRestoresTheTerminal() throws {
    let tmux = try TmuxSession(command: Self.command(), columns: 80, rows: 24)
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("│") } != nil, "\(tmux.capture())")
    try tmux.send("C-c")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func sigtermRestoresTheTerminal() throws {
    let tmux = try TmuxSession(
      command:
        "TERM=tmux-256color '\(Self.binary)' & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo EXIT=$?; sleep 30",
      columns: 80, rows: 24)
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("EXIT=") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func dumbTerminalIsRefusedWithAPointerToShow() throws {
    let tmux = try TmuxSession(command: Self.command(term: "dumb"), columns: 100, rows: 10)
    defer { tmux.kill() }
    let screen = tmux.waitFor { $0.contains("EXIT=") } ?? tmux.capture()
    #expect(screen.contains("EXIT=2"))
    #expect(screen.contains("resbrowse show"))
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  @Test func pipedOutputIsRefusedWithStatusTwo() throws {
    let result = try BuiltBinary.run([])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.contains("terminal"))
    #expect(result.error.contains("resbrowse show"))
    #expect(result.error.contains("export"))
  }
}
