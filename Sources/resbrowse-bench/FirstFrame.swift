import CBenchSupport
import Foundation

/// Time from starting the real `resbrowse` binary on a terminal to its
/// first complete frame: the status line's `line n/m` in what it writes.
///
/// The benchmark is the terminal: it holds the master side of a
/// pseudo-terminal (160×48) and blocks reading it, so nothing else runs
/// while resbrowse starts. (Polling a tmux pane every few milliseconds
/// spawned a client per poll, which took CPU from the program measured on
/// a 2-core machine.)
enum FirstFrame {
  static func measure(arguments: [String]) -> Double? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("resbrowse").path
    guard FileManager.default.isExecutableFile(atPath: binary),
      let terminal = PseudoTerminal(columns: 160, rows: 48)
    else { return nil }
    defer { close(terminal.master) }
    let start = DispatchTime.now().uptimeNanoseconds
    guard let pid = terminal.spawn([binary] + arguments) else { return nil }
    defer {
      kill(pid, SIGTERM)
      terminal.drain(untilExitOf: pid)
    }
    var output: [UInt8] = []
    var searchedUpTo = 0
    while let chunk = terminal.read(timeoutMilliseconds: 60_000), !chunk.isEmpty {
      output += chunk
      if StatusLine.found(in: output, from: max(0, searchedUpTo - 16)) {
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
      searchedUpTo = output.count
    }
    return nil
  }
}

/// The browser's status line position indicator, `line 12/345`.
private enum StatusLine {
  static func found(in bytes: [UInt8], from start: Int) -> Bool {
    let pattern = Array("line ".utf8)
    var index = start
    while index + pattern.count < bytes.count {
      if bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        var digits = index + pattern.count
        while digits < bytes.count, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
        if digits > index + pattern.count, digits < bytes.count, bytes[digits] == UInt8(ascii: "/")
        {
          return true
        }
      }
      index += 1
    }
    return false
  }
}

/// A pseudo-terminal whose master side the benchmark reads.
private struct PseudoTerminal {
  let master: Int32
  let slavePath: String

  init?(columns: UInt16, rows: UInt16) {
    var name = [CChar](repeating: 0, count: 256)
    let master = rb_open_pseudo_terminal(rows, columns, &name, name.count)
    guard master >= 0 else { return nil }
    self.master = master
    self.slavePath = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Starts the program in a new session with the terminal as its standard
  /// input, output and error.
  func spawn(_ argv: [String]) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK) | rb_spawn_setsid_flag())
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    var arguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    var variables: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      arguments.forEach { free($0) }
      variables.forEach { free($0) }
    }
    var pid = pid_t()
    guard posix_spawn(&pid, argv[0], &actions, &attributes, &arguments, &variables) == 0 else {
      return nil
    }
    return pid
  }

  /// What the program wrote next; nil on timeout, empty at its end.
  func read(timeoutMilliseconds: Int32) -> [UInt8]? {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let count = Glibc.read(master, &buffer, buffer.count)
    return count > 0 ? Array(buffer[..<count]) : []
  }

  /// Reads (and drops) what the program writes until it exits, so it never
  /// blocks on a full terminal while restoring it.
  /// After 2 s it is killed outright.
  func drain(untilExitOf pid: pid_t) {
    var status: Int32 = 0
    var polls = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      _ = read(timeoutMilliseconds: 50)
      polls += 1
      if polls == 40 { kill(pid, SIGKILL) }
    }
  }
}
