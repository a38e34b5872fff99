import Foundation
import ResolutionKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Search, citations, themes, hostile text and signals in the full-screen
/// browser, driven in tmux as a person would.
@Suite(.serialized) struct BrowserFeatureTmuxTests {
  static var binary: String { BrowserTmuxTests.binary }

  /// The seed excerpt in the repository (one fragment).
  static var seedFile: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ResolutionKitTests/Fixtures/seed.txt").path
  }

  static func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "resbrowse-e2e-\(UUID().uuidString.prefix(8))-\(name)"
  }

  static func started(_ tmux: TmuxSession) -> Bool {
    tmux.waitFor { $0.contains("│") } != nil
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func searchOpensAMatchStepsWithNAndEscapeReturns() throws {
    let tmux = try TmuxSession(command: BrowserTmuxTests.command("'\(Self.seedFile)'"))
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")

    try tmux.send("/")
    try tmux.send("child online", literal: true)
    #expect(
      tmux.waitFor { $0.contains("results") && $0.contains("fragment-") } != nil,
      "no results:\n\(tmux.capture())")
    try tmux.send("Enter")
    let opened = tmux.waitFor { _ in tmux.statusLine().contains("result 1/") }
    #expect(opened != nil, "\(tmux.capture())")
    let status = tmux.statusLine()
    // The status line names the clause of the seed fragment.
    #expect(status.hasPrefix("fragment-"), "\(status)")
    #expect(status.contains("›"), "\(status)")
    let screen = tmux.capture().lowercased()
    #expect(screen.contains("child online"))
    // The matched words are drawn in another style than the text around.
    let coloured = tmux.captureWithEscapes()
    #expect(
      coloured.range(of: "\u{1B}\\[[0-9;]*m(child|Child)", options: .regularExpression) != nil,
      "no styled match:\n\(coloured)")

    // n: the next match (match k+1), the next result, or round to the first.
    let match = Self.matchNumber(tmux.statusLine())
    try tmux.send("n")
    #expect(
      tmux.waitFor { _ in
        let line = tmux.statusLine()
        return line.contains("result 2/") || line.contains("Wrapped to the first match")
          || Self.matchNumber(line) == (match ?? 0) + 1
      } != nil, "\(tmux.capture())")

    // A fresh search cancelled with Esc leaves the reader as it was.
    let before = tmux.capture().split(separator: "\n").dropLast()
    try tmux.send("/")
    try tmux.send("protection", literal: true)
    #expect(tmux.waitFor { $0.contains("/protection") } != nil)
    try tmux.send("Escape")
    #expect(tmux.waitFor { !$0.contains("/protection") } != nil)
    #expect(tmux.capture().split(separator: "\n").dropLast() == before)

    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil, "\(tmux.capture())")
  }

  /// `k` in `match k/n` on the status line.
  static func matchNumber(_ status: String) -> Int? {
    guard let range = status.range(of: "match ") else { return nil }
    return Int(status[range.upperBound...].prefix { $0.isNumber })
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func yCopiesTheClauseCitationAndPastingItLandsThere() throws {
    let file = Self.temporaryPath("clipboard.txt")
    defer { try? FileManager.default.removeItem(atPath: file) }
    let tmux = try TmuxSession(
      command: BrowserTmuxTests.command("--clipboard-command 'cat > \(file)'"))
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    try tmux.send(":")
    try tmux.send("1316", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1316") } != nil)
    // Scrolling makes the first clause in view the current one.
    for _ in 0..<8 where !tmux.statusLine().contains("considering ¶1") {
      try tmux.send("j")
      tmux.waitFor(timeout: 1) { _ in tmux.statusLine().contains("›") }
    }
    #expect(tmux.statusLine().hasPrefix("R1316 › considering ¶1"), "\(tmux.capture())")

    try tmux.send("y")
    #expect(tmux.waitFor { _ in tmux.statusLine().contains("Copied") } != nil, "\(tmux.capture())")
    let citation = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    #expect(citation.hasPrefix("Res. 1316"), "\(citation)")
    #expect(citation.hasSuffix(", considering ¶1"), "\(citation)")

    // Somewhere else, then paste the citation into the go-to prompt.
    try tmux.send(":")
    try tmux.send("1300", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1300") } != nil)
    try tmux.send(":")
    try tmux.send(citation, literal: true)
    try tmux.send("Enter")
    #expect(
      tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1316 › considering ¶1") } != nil,
      "\(tmux.capture())")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func aFailingClipboardCommandIsReportedNotFatal() throws {
    let tmux = try TmuxSession(
      command: BrowserTmuxTests.command("--clipboard-command 'exit 3'"))
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    try tmux.send("y")
    #expect(
      tmux.waitFor { _ in tmux.statusLine().contains("exit 3 failed") } != nil,
      "\(tmux.capture())")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  /// Every SGR parameter on the screen.
  static func sgrParameters(_ screen: String) -> Set<String> {
    var result = Set<String>()
    let pattern = try? NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
    let range = NSRange(screen.startIndex..., in: screen)
    pattern?.enumerateMatches(in: screen, range: range) { match, _, _ in
      guard let match, let r = Range(match.range(at: 1), in: screen) else { return }
      for parameter in screen[r].split(separator: ";", omittingEmptySubsequences: false) {
        result.insert(parameter.isEmpty ? "0" : String(parameter))
      }
    }
    return result
  }

  static let attributeCodes: Set<String> = [
    "0", "1", "2", "3", "4", "5", "7", "8", "9", "21", "22", "23", "24", "25", "27", "28", "29",
  ]

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func eightColourTerminalGetsOnlyTheEightColours() throws {
    // The test runner may have NO_COLOR set; this test wants colours.
    let tmux = try TmuxSession(
      command: "unset NO_COLOR; " + BrowserTmuxTests.command(term: "screen"))
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    let allowed = Self.attributeCodes.union(
      (30...37).map(String.init) + (40...47).map(String.init) + ["39", "49"])
    // Wait until the default theme's colours are on screen (tmux may show
    // a frame half-drawn).
    let coloured = tmux.waitFor { _ in
      Self.sgrParameters(tmux.captureWithEscapes()).contains { $0.hasPrefix("3") && $0 != "39" }
    }
    #expect(coloured != nil, "no colour at all:\n\(tmux.captureWithEscapes())")
    for round in 0..<3 {
      let parameters = Self.sgrParameters(tmux.captureWithEscapes())
      #expect(parameters.subtracting(allowed).isEmpty, "round \(round): \(parameters)")
      // The next theme, live.
      try tmux.send("t")
      #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("Theme: ") } != nil)
    }
    // A theme change redraws the whole screen: a capture may land mid-redraw.
    #expect(tmux.waitFor { $0.contains("Fragment") } != nil)
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func noColorMeansNoColourCodes() throws {
    let tmux = try TmuxSession(
      command: "NO_COLOR=1 " + BrowserTmuxTests.command())
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    try tmux.send("t")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("Theme: ") } != nil)
    let parameters = Self.sgrParameters(tmux.captureWithEscapes())
    // 39 and 49 (back to the default colours) are tmux's own resets.
    #expect(parameters.isSubset(of: Self.attributeCodes.union(["39", "49"])), "\(parameters)")
    #expect(parameters.contains("7"), "no reverse video: the status line should stand out")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func aBrokenThemeFileIsReportedInTheStatusLine() throws {
    let theme = Self.temporaryPath("broken.toml")
    defer { try? FileManager.default.removeItem(atPath: theme) }
    try "name = \"broken\"\n[roles.link]\nforeground = \"not-a-colour\"\n".write(
      toFile: theme, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(command: BrowserTmuxTests.command("--theme '\(theme)'"))
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    #expect(
      tmux.waitFor { _ in tmux.statusLine().contains("broken.toml") } != nil, "\(tmux.capture())")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func controlSequencesInDocumentsNeverReachTheTerminal() throws {
    let source = Self.temporaryPath("hostile.txt")
    defer { try? FileManager.default.removeItem(atPath: source) }
    let esc = "\u{1B}"
    let bel = "\u{07}"
    let text = """
      Resolution 1400 (C20)

      Title \(esc)]0;hacked-title\(bel) and \(esc)[2J cleared \(esc)]52;c;aGFja2Vk\(bel) end

      The Council,

      considering

      a) that \(esc)]52;c;aGFja2Vk\(bel) is copied and \(esc)]0;hacked-clause\(bel) and \(esc)[2J here;

      resolves

      1. to do things;

      """
    try text.write(toFile: source, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(command: BrowserTmuxTests.command("'\(source)'"))
    defer { tmux.kill() }
    // OSC 52 from the program would set a tmux buffer with this on.
    tmux.run("set-option", "-g", "set-clipboard", "on")
    #expect(Self.started(tmux), "\(tmux.capture())")
    let titleBefore = tmux.display("#{pane_title}")
    try tmux.send(":")
    try tmux.send("1400", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1400") } != nil, "\(tmux.capture())")
    try tmux.send("j")
    let screen = tmux.waitFor { $0.contains("is copied") } ?? tmux.capture()
    // Shown as inert text (ESC and BEL as placeholders or dropped), in place.
    #expect(screen.contains("]0;hacked-title"), "\(screen)")
    #expect(screen.contains("]52;c;aGFja2Vk"), "\(screen)")
    #expect(screen.contains("│"), "the screen was cleared:\n\(screen)")
    #expect(screen.contains("The Council"))
    let title = tmux.display("#{pane_title}")
    #expect(title == titleBefore)
    #expect(!title.contains("hacked"))
    #expect(tmux.run("list-buffers").isEmpty, "something was copied")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil)
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func ctrlZSuspendsAndFgRedraws() throws {
    let tmux = try TmuxSession(command: "PS1='PROMPT$ ' bash --norc --noprofile -i")
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("PROMPT$") } != nil, "\(tmux.capture())")
    try tmux.send("TERM=tmux-256color '\(Self.binary)'", literal: true)
    try tmux.send("Enter")
    #expect(Self.started(tmux), "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "1")
    try tmux.send("C-z")
    #expect(
      tmux.waitFor { $0.contains("Stopped") && !$0.contains("│") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "0")
    try tmux.send("fg", literal: true)
    try tmux.send("Enter")
    #expect(tmux.waitFor { $0.contains("│") && $0.contains("line 1/") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "1")
    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("PROMPT$") && !$0.contains("│") } != nil)
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func sighupRestoresTheTerminalAndExits() throws {
    let pidFile = Self.temporaryPath("pid")
    defer { try? FileManager.default.removeItem(atPath: pidFile) }
    // The terminal is handed to the background job explicitly (a shell
    // gives a background job /dev/null otherwise).
    let tmux = try TmuxSession(
      command:
        "exec 3<&0; TERM=tmux-256color '\(Self.binary)' <&3 & echo $! > '\(pidFile)'; wait $!; echo EXIT=$?; sleep 30"
    )
    defer { tmux.kill() }
    #expect(Self.started(tmux), "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "1")
    let text = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
    let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(Glibc.kill(pid, SIGHUP) == 0)
    #expect(tmux.waitFor { $0.contains("EXIT=129") } != nil, "\(tmux.capture())")
    #expect(tmux.display("#{alternate_on}") == "0")
  }
}
