import Foundation

/// The `resbrowse` executable that `swift test` built next to the tests.
enum BuiltBinary {
  static var resbrowse: URL? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Bundle.main.bundleURL,
    ]
    for folder in candidates {
      var directory = folder
      // The test bundle may sit inside `*.xctest/...`: walk up a little.
      for _ in 0..<4 {
        let binary = directory.appendingPathComponent("resbrowse")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        directory.deleteLastPathComponent()
      }
    }
    return nil
  }

  /// The benchmark, built beside resbrowse.
  static var bench: URL? {
    guard let resbrowse else { return nil }
    let binary = resbrowse.deletingLastPathComponent().appendingPathComponent("resbrowse-bench")
    return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
  }

  /// Runs resbrowse (or another binary) with the arguments and standard
  /// input empty; returns status, stdout and stderr.
  static func run(_ arguments: [String], binary: URL? = resbrowse) throws -> (
    status: Int32, output: String, error: String
  ) {
    guard let binary else { throw MissingBinary() }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
      errorData = error.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }

  struct MissingBinary: Error, CustomStringConvertible {
    var description: String { "the binary was not found next to the test bundle" }
  }
}
