@preconcurrency import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// The last termination signal received (SIGINT, SIGTERM, SIGHUP), or 0.
/// Written only by the handler; the event loop reads it between reads and
/// restores the terminal itself (nothing unsafe runs in the handler).
nonisolated(unsafe) private var pendingSignalNumber: sig_atomic_t = 0

enum TerminalSignals {
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
