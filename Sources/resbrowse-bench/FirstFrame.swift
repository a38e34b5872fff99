import Foundation

/// Time from starting the real `resbrowse` binary in a terminal (tmux) to
/// its first complete frame on screen: the status line's `line n/m`. The
/// poll interval (2 ms) and tmux's own start are included, so the figure
/// is an upper bound.
enum FirstFrame {
  static func measure(arguments: [String]) -> Double? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("resbrowse").path
    guard FileManager.default.isExecutableFile(atPath: binary),
      let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    let socket = "resbrowse-bench-\(getpid())"
    func run(_ arguments: [String], capture: Bool = false) -> String {
      spawnAndWait([tmux, "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
    }
    // Start the server first, so only resbrowse's own start is timed.
    _ = run(["new-session", "-d", "-x", "160", "-y", "48", "sleep 60"])
    defer { _ = run(["kill-server"]) }
    let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let start = DispatchTime.now().uptimeNanoseconds
    _ = run(["new-window", "-t", "0:", "TERM=tmux-256color " + command + "; sleep 60"])
    while DispatchTime.now().uptimeNanoseconds - start < 60_000_000_000 {
      let screen = run(["capture-pane", "-p", "-t", "0:1"], capture: true)
      if screen.split(separator: "\n").last?.contains("line ") == true {
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
      usleep(2_000)
    }
    return nil
  }
}

/// Runs a program with posix_spawn and waits for it, no signals blocked.
/// Not Foundation's `Process`: the tmux server daemonises and keeps the
/// descriptor Process watches for the child's exit, so it would wait for
/// the server to end.
private func spawnAndWait(_ argv: [String], capture: Bool) -> String {
  let outputPath = NSTemporaryDirectory() + "resbrowse-bench-\(UUID().uuidString)"
  defer { try? FileManager.default.removeItem(atPath: outputPath) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(
    &actions, 1, capture ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
  var arguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
  defer { arguments.forEach { free($0) } }
  var pid = pid_t()
  guard posix_spawn(&pid, argv[0], &actions, &attributes, &arguments, environ) == 0 else {
    return ""
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  return capture ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
}
