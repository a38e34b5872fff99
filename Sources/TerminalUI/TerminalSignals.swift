@preconcurrency import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// The last termination signal received (SIGINT, SIGTERM, SIGHUP), or 0.
/// Written only by the handler; the event loop reads it between reads and
/// restores the terminal itself (nothing unsafe runs in the handler).
nonisolated(unsafe) private var pendingSignalNumber: sig_atomic_t = 0

enum TerminalSignals {
  /// A parent may have left signals blocked (test runners and some
  /// launchers do): unblock the ones the browser depends on, so Ctrl-C,
  /// kill, hang-up, resize and suspend keep working.
  static func unblock() {
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] {
      sigaddset(&set, signalNumber)
    }
    sigprocmask(SIG_UNBLOCK, &set, nil)
  }

  static func install() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { received in pendingSignalNumber = sig_atomic_t(received) }
    }
  }

  static var pending: Int32? {
    let value = pendingSignalNumber
    return value == 0 ? nil : Int32(value)
  }
}
