import Foundation

/// Copies text to every clipboard it can reach, never failing: a command
/// that fails is reported in the result and the chain goes on.
public struct ClipboardDelivery: Sendable {
  public var options: ClipboardOptions
  public var environment: ClipboardEnvironment
  public var runner: ClipboardCommandRunner

  public init(
    options: ClipboardOptions = ClipboardOptions(),
    environment: ClipboardEnvironment = .current,
    runner: @escaping ClipboardCommandRunner = ProcessClipboardRunner.run
  ) {
    self.options = options
    self.environment = environment
    self.runner = runner
  }

  /// Runs the chain (see `ClipboardPlan`): system commands until one
  /// succeeds, the tmux buffer when inside tmux, and returns the OSC 52
  /// bytes for the caller to write to the terminal.
  public func copy(_ text: String) -> ClipboardResult {
    let input = Data(text.utf8)
    var result = ClipboardResult(text: text)
    var systemDone = false
    for command in ClipboardPlan.commands(options: options, environment: environment) {
      if command.role == .system && systemDone { continue }
      switch runner(command, input, options.timeout) {
      case .succeeded:
        result.deliveredTo.append(command.name)
        if command.role == .system { systemDone = true }
      case .failed(let message):
        result.failures.append(ClipboardFailure(command: command.name, message: message))
      case .timedOut:
        result.failures.append(
          ClipboardFailure(command: command.name, message: "no answer after \(options.timeout) s"))
      }
    }
    if options.useOSC52 {
      result.terminalBytes = OSC52.sequence(copying: text, insideTmux: environment.isSet("TMUX"))
      result.deliveredTo.append("terminal (OSC 52)")
    }
    return result
  }
}

/// A clipboard command that did not work.
public struct ClipboardFailure: Hashable, Sendable {
  public var command: String
  public var message: String

  public init(command: String, message: String) {
    self.command = command
    self.message = message
  }
}

/// What was copied and where, for the status line.
public struct ClipboardResult: Hashable, Sendable {
  public var text: String
  /// Names of what took the text, in order: `wl-copy`, `tmux`, `terminal (OSC 52)`.
  public var deliveredTo: [String] = []
  public var failures: [ClipboardFailure] = []
  /// The OSC 52 sequence to write to the terminal; empty when disabled.
  public var terminalBytes: [UInt8] = []

  public init(text: String) { self.text = text }

  /// Whether anything took the text.
  public var succeeded: Bool { !deliveredTo.isEmpty }

  /// `Copied "Res. 1316 (C09), resolves 1.1" to wl-copy, terminal (OSC 52)`,
  /// plus `; xclip failed: exit 1` for each failure. Printable text only.
  public var statusMessage: String {
    var preview = String(text.prefix(60))
    if text.count > 60 { preview += "…" }
    var message =
      deliveredTo.isEmpty
      ? "Nothing took the text"
      : "Copied \"\(preview)\" to " + deliveredTo.joined(separator: ", ")
    for failure in failures {
      message += "; \(failure.command) failed: \(failure.message)"
    }
    return String(
      String.UnicodeScalarView(
        message.unicodeScalars.map {
          $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? " " : $0
        }))
  }
}
