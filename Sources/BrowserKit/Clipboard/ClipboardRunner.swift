import Foundation

/// How a clipboard command ended.
public enum ClipboardCommandOutcome: Hashable, Sendable {
  case succeeded
  /// Could not start, or exited non-zero; the message says how.
  case failed(String)
  /// Still running after the timeout; it was stopped.
  case timedOut
}

/// Runs one command with the text on stdin. Injected so tests can check
/// the chain without the real tools.
public typealias ClipboardCommandRunner =
  @Sendable (_ command: ClipboardCommand, _ input: Data, _ timeout: Double) ->
  ClipboardCommandOutcome

/// Runs clipboard commands as subprocesses.
public enum ProcessClipboardRunner {
  /// Stdin comes from a private temporary file rather than a pipe: a
  /// program that exits without reading cannot raise SIGPIPE here, and one
  /// that forks a daemon keeping its stdio (xclip, wl-copy) cannot make us
  /// wait for end of file. Stderr goes to a file too, for the message.
  public static func run(_ command: ClipboardCommand, input: Data, timeout: Double)
    -> ClipboardCommandOutcome
  {
    let directory = FileManager.default.temporaryDirectory
    let token = UUID().uuidString
    let inputPath = directory.appendingPathComponent("resbrowse-copy-\(token).in").path
    let errorPath = directory.appendingPathComponent("resbrowse-copy-\(token).err").path
    defer {
      try? FileManager.default.removeItem(atPath: inputPath)
      try? FileManager.default.removeItem(atPath: errorPath)
    }
    let privateFile: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
    guard
      FileManager.default.createFile(atPath: inputPath, contents: input, attributes: privateFile),
      FileManager.default.createFile(atPath: errorPath, contents: nil, attributes: privateFile),
      let standardInput = FileHandle(forReadingAtPath: inputPath),
      let standardError = FileHandle(forWritingAtPath: errorPath)
    else { return .failed("cannot create a temporary file") }
    defer {
      try? standardInput.close()
      try? standardError.close()
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: command.executable)
    process.arguments = command.arguments
    process.standardInput = standardInput
    process.standardOutput = FileHandle.nullDevice
    process.standardError = standardError
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      return .failed("cannot run: \(error.localizedDescription)")
    }
    if finished.wait(timeout: .now() + max(0.05, timeout)) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 0.5) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        _ = finished.wait(timeout: .now() + 0.5)
      }
      return .timedOut
    }
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let how =
        process.terminationReason == .exit
        ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
      let message = firstLine(ofFile: errorPath)
      return .failed(message.isEmpty ? how : how + ": " + message)
    }
    return .succeeded
  }

  /// The first line of what the command wrote to stderr, printable and short.
  private static func firstLine(ofFile path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { return "" }
    let text = String(decoding: data.prefix(400), as: UTF8.self)
    let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    return String(
      String.UnicodeScalarView(
        line.unicodeScalars.filter {
          $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
        }
      ).prefix(120))
  }
}
