import Dispatch
import Foundation

/// PDFs through poppler's `pdftotext -layout`, whose page headers, footers
/// and hyphenation the text parser knows how to undo.
enum PDFReader {
  static let missingToolMessage =
    "reading PDF needs pdftotext: install poppler-utils (apt-get install poppler-utils)"

  /// Converts PDF bytes by way of a temporary file.
  static func text(from data: Data) -> Result<String, FormatError> {
    let directory = FileManager.default.temporaryDirectory
    let url = directory.appendingPathComponent("resbrowse-\(UUID().uuidString).pdf")
    do {
      try data.write(to: url)
    } catch {
      return .failure(FormatError("cannot write a temporary copy for pdftotext: \(error)"))
    }
    defer { try? FileManager.default.removeItem(at: url) }
    return text(ofFileAt: url.path)
  }

  static func text(ofFileAt path: String, timeout: TimeInterval = 120) -> Result<
    String, FormatError
  > {
    guard let tool = ExternalTool.find("pdftotext") else {
      return .failure(FormatError(missingToolMessage))
    }
    let run = ExternalTool.run(
      tool, arguments: ["-layout", "-enc", "UTF-8", path, "-"], timeout: timeout)
    switch run {
    case .failure(let error):
      return .failure(error)
    case .success(let output):
      if output.timedOut {
        return .failure(FormatError("pdftotext took longer than \(Int(timeout)) s and was stopped"))
      }
      guard output.status == 0 else {
        return .failure(
          FormatError(failureMessage(status: output.status, errors: output.standardError)))
      }
      let text = String(decoding: output.standardOutput, as: UTF8.self)
      guard text.contains(where: { !$0.isWhitespace }) else {
        return .failure(
          FormatError("the PDF has no text layer (scanned pages need OCR first, e.g. ocrmypdf)"))
      }
      return .success(text)
    }
  }
}

extension PDFReader {
  /// What went wrong, from pdftotext's exit status and its last error line
  /// (earlier lines are often warnings it recovered from).
  static func failureMessage(status: Int32, errors: Data) -> String {
    let lines = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline)
    if lines.contains(where: { $0.localizedCaseInsensitiveContains("password") }) {
      return "the PDF is password-protected; save an unprotected copy first"
    }
    let reason = lines.last { $0.contains("Error") } ?? lines.last
    return "not a readable PDF (pdftotext exit status \(status)"
      + (reason.map { ": \($0.prefix(200))" } ?? "") + ")"
  }
}

/// Programs the readers run (pdftotext). `find` looks on `PATH`, then in
/// the usual places when `PATH` is thin.
enum ExternalTool {
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories =
      path.split(separator: ":").map(String.init) + [
        "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin",
      ]
    for directory in directories where !directory.isEmpty {
      let candidate = (directory as NSString).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// Runs a program to completion, draining both pipes while it runs (a full
/// pipe would otherwise block it forever) and stopping it after `timeout`.
extension ExternalTool {
  struct Output {
    var status: Int32
    var standardOutput: Data
    var standardError: Data
    var timedOut: Bool
  }

  static func run(_ executable: String, arguments: [String], timeout: TimeInterval) -> Result<
    Output, FormatError
  > {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(FormatError("cannot run \(executable): \(error.localizedDescription)"))
    }
    let collected = CollectedOutput()
    let group = DispatchGroup()
    let outputHandle = outputPipe.fileHandleForReading
    let errorHandle = errorPipe.fileHandleForReading
    DispatchQueue.global().async(group: group) {
      collected.setOutput(outputHandle.readDataToEndOfFile())
    }
    DispatchQueue.global().async(group: group) {
      collected.setError(errorHandle.readDataToEndOfFile())
    }
    var timedOut = false
    if group.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      // SIGTERM can be ignored (an inherited disposition): insist.
      let deadline = Date().addingTimeInterval(1)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      // A child that outlives the program can hold the pipes open: give
      // the readers a moment, then leave them to finish on their own.
      _ = group.wait(timeout: .now() + 2)
    }
    process.waitUntilExit()
    let (output, error) = collected.values
    return .success(
      Output(
        status: process.terminationStatus, standardOutput: output, standardError: error,
        timedOut: timedOut))
  }

  /// The two pipes' contents, written from the reading threads.
  private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data()
    private var error = Data()
    func setOutput(_ data: Data) { lock.withLock { output = data } }
    func setError(_ data: Data) { lock.withLock { error = data } }
    var values: (Data, Data) { lock.withLock { (output, error) } }
  }
}
