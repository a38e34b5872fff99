import Foundation
import Testing

/// Input a user should never see crash the binary: a 20 MB line with no
/// line break, and standard input closed (not merely empty).
@Suite struct BadInputTests {
  /// One 20 MB resolution whose operative clause is a single line.
  static func twentyMegabyteLine() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("resbrowse-bad-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("huge-line.txt")
    var text = "R 1400 A resolution with one huge line\n\nThe Council,\n\nresolves\n\n1\tto "
    text += String(repeating: "study the matter further, ", count: 20_000_000 / 26)
    text += "Resolution 1300 of the Council.\n"
    try Data(text.utf8).write(to: file)
    return file
  }

  @Test func twentyMegabyteLineIsListedSearchedAndShown() throws {
    let file = try Self.twentyMegabyteLine()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }

    let list = try BuiltBinary.run(["list", file.path])
    #expect(list.status == 0, "\(list.error)")
    #expect(list.output.contains("R1400\t1400\tA resolution with one huge line"))

    let search = try BuiltBinary.run(["search", "study matter", "--limit", "1", file.path])
    #expect(search.status == 0, "\(search.error)")
    #expect(search.output.contains("R1400"))
    // A snippet, not the whole 20 MB clause.
    #expect(search.output.utf8.count < 10_000)

    let refs = try BuiltBinary.run(["refs", "R1400", file.path])
    #expect(refs.status == 0, "\(refs.error)")
    #expect(refs.output.contains("Resolution 1300 of the Council"))
  }

  /// `<&-` closes descriptor 0: the first file the program opens would get
  /// it, so nothing may take descriptor 0 for a terminal or a pipe.
  func runWithStdinClosed(_ arguments: String) throws -> (status: String, error: String) {
    guard let binary = BuiltBinary.resbrowse else { throw BuiltBinary.MissingBinary() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "'\(binary.path)' \(arguments) <&- >/dev/null; echo status=$?"]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let errorText = String(
      decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (status.trimmingCharacters(in: .whitespacesAndNewlines), errorText)
  }

  @Test func commandsWorkWithStandardInputClosed() throws {
    for arguments in [
      "list", "search 'child online'", "show R1316", "export --format json", "check",
    ] {
      let result = try runWithStdinClosed(arguments)
      #expect(result.status == "status=0", "\(arguments): \(result.status) \(result.error)")
    }
  }

  @Test func browserWithStandardInputClosedSaysWhyAndExits() throws {
    let result = try runWithStdinClosed("")
    #expect(result.status == "status=2")
    #expect(result.error.contains("terminal"))
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func browserInATerminalWithStandardInputClosedLeavesTheTerminalAlone() throws {
    let binary = BuiltBinary.resbrowse?.path ?? "resbrowse-not-built"
    let tmux = try TmuxSession(
      command: "TERM=tmux-256color '\(binary)' <&-; echo EXIT=$?; sleep 30", columns: 80, rows: 24)
    defer { tmux.kill() }
    let screen = tmux.waitFor { $0.contains("EXIT=") } ?? tmux.capture()
    #expect(screen.contains("EXIT=2"), "\(screen)")
    #expect(screen.contains("terminal"))
    #expect(tmux.display("#{alternate_on}") == "0")
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func browserOpensATwentyMegabyteLineAndScrollsIt() throws {
    let file = try Self.twentyMegabyteLine()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let binary = BuiltBinary.resbrowse?.path ?? "resbrowse-not-built"
    let tmux = try TmuxSession(
      command: "TERM=tmux-256color '\(binary)' '\(file.path)'; echo EXIT=$?; sleep 30",
      columns: 100, rows: 30)
    defer { tmux.kill() }
    #expect(
      tmux.waitFor(timeout: 60) { $0.contains("study the matter") } != nil, "\(tmux.capture())")
    try tmux.send("Tab")
    try tmux.send("G")
    #expect(
      tmux.waitFor(timeout: 30) { $0.contains("Resolution 1300") && $0.contains("100%") } != nil,
      "\(tmux.capture())")
    try tmux.send("q")
    #expect(tmux.waitFor(timeout: 30) { $0.contains("EXIT=0") } != nil, "\(tmux.capture())")
  }
}
