import Foundation
import Testing

/// Every seed and past fuzzing finding in Tests/FuzzCorpus, replayed through
/// its target by the normal (non-fuzzing) build of `resbrowse-fuzz`.
@Suite struct FuzzRegressionTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

  @Test(arguments: ["parser", "references", "citations", "query", "theme"])
  func savedInputsRunCleanly(target: String) throws {
    guard let resbrowse = BuiltBinary.resbrowse else { throw BuiltBinary.MissingBinary() }
    let replayer = resbrowse.deletingLastPathComponent().appendingPathComponent("resbrowse-fuzz")
    let folder = Self.corpus.appendingPathComponent(target)
    let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!inputs.isEmpty)
    let process = Process()
    process.executableURL = replayer
    process.arguments = [target, folder.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.contains("replayed \(inputs.count) inputs through \(target)"))
  }
}
