import ResolutionKit

import Foundation
import Glibc

/// Writing to standard output for the commands: document text made
/// terminal-safe when stdout is a terminal, and a reader that went away
/// (`resbrowse list | head`) ends the program quietly with status 0.
enum StandardOutput {
  static let isTerminal = isatty(STDOUT_FILENO) == 1

  /// Ignore SIGPIPE so a closed pipe shows up as a write error we handle.
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
  }

  static func write(_ text: String) {
    writeRaw(isTerminal ? text.terminalSafe : text)
  }

  /// Writes text that is already safe (JSON escapes every control).
  static func writeRaw(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  static func line(_ text: String = "") {
    write(text + "\n")
  }

  static func flush() {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { bytes in
        Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        exitQuietly()
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  // Only the main thread writes output.
  nonisolated(unsafe) private static var buffer: [UInt8] = []

  /// Columns of the terminal on stdout, or nil when it is not one.
  static var terminalWidth: Int? {
    guard isTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  private static func exitQuietly() -> Never {
    exit(0)
  }
}

/// Messages for the user on standard error, always terminal-safe.
enum StandardError {
  static func line(_ text: String) {
    FileHandle.standardError.write(Data((text.terminalSafe + "\n").utf8))
  }
}
