import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A detached tmux server of its own (unique socket, no user config) running
/// one command at a fixed size; `kill()` ends it.
final class TmuxSession {
  static var isAvailable: Bool { executable != nil }

  private static var executable: String? {
    ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  let socket: String

  /// Starts `command` (run by `sh -c`) in a `columns`×`rows` window.
  init(command: String, columns: Int = 100, rows: Int = 30) throws {
    socket = "resbrowse-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    // The server started here keeps whatever output it inherits open, so
    // it must not get a pipe that someone reads to the end.
    try tmux(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", command], output: false)
  }

  deinit { kill() }

  func kill() {
    _ = try? tmux(["kill-server"], output: false)
    // A server that ends on SIGTERM leaves its socket file behind.
    let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
  }

  /// Named keys (`Enter`, `Tab`, `BSpace`, `Escape`) or, with `literal`, text.
  func send(_ keys: String..., literal: Bool = false) throws {
    try tmux(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
  }

  func capture() -> String {
    (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? ""
  }

  func display(_ format: String) -> String {
    ((try? tmux(["display-message", "-p", "-t", "0", format])) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// Polls the screen until `condition` holds; returns the last screen, or
  /// nil after the timeout.
  @discardableResult
  func waitFor(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
      let screen = capture()
      if condition(screen) { return screen }
      Thread.sleep(forTimeInterval: 0.05)
    } while Date() < deadline
    return nil
  }

  /// The bottom line of the screen (the status line).
  func statusLine() -> String {
    capture().split(separator: "\n", omittingEmptySubsequences: false).dropLast { $0.isEmpty }.last
      .map(String.init) ?? ""
  }

  /// Runs tmux with posix_spawn and waitpid, signals unblocked. Foundation's `Process` is not
  /// used: the tmux server daemonises and inherits the descriptor Process
  /// watches for the child's exit, so Process would wait forever.
  @discardableResult
  private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
    guard let executable = Self.executable else { throw TmuxMissing() }
    let outputPath = NSTemporaryDirectory() + "resbrowse-tmux-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, output ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = [executable, "-L", socket, "-f", "/dev/null"] + arguments
    var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    // The test runner's threads block signals and children inherit that:
    // tmux's kill-server is a SIGTERM to itself, so start with none blocked.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else { throw TmuxMissing() }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    guard output else { return "" }
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  struct TmuxMissing: Error {}
}

extension Array where Element == Substring {
  fileprivate func dropLast(while predicate: (Substring) -> Bool) -> ArraySlice<Substring> {
    var end = endIndex
    while end > startIndex, predicate(self[end - 1]) { end -= 1 }
    return self[startIndex..<end]
  }
}
