import Foundation
import Testing

/// The benchmark's own command line: asking for help, or a mistyped word,
/// must answer at once, not start the five-minute run.
@Suite struct BenchCommandLineTests {
  @Test func helpPrintsUsage() throws {
    for flag in ["--help", "-h", "help"] {
      let result = try BuiltBinary.run([flag], binary: BuiltBinary.bench)
      #expect(result.status == 0, "\(flag): \(result.error)")
      #expect(result.output.contains("resbrowse-bench generate COUNT FILE"))
      #expect(!result.output.contains("measured"))
    }
  }

  @Test func unknownWordsAndBadSizesAreRefused() throws {
    for arguments in [["hepl"], ["--sizes"], ["--sizes", "many"], ["--sizes", "0"]] {
      let result = try BuiltBinary.run(arguments, binary: BuiltBinary.bench)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.error.contains("resbrowse-bench"), "\(arguments): \(result.error)")
      #expect(!result.output.contains("measured"))
    }
  }

  /// The table from a tiny corpus: each size measured three times in
  /// fresh processes, each figure their median, and the total load's range.
  @Test func reportTakesTheMedianOfThreeColdRuns() throws {
    let result = try BuiltBinary.run(["--sizes", "20"], binary: BuiltBinary.bench)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Cold runs per size (each figure their median): 20: 3"))
    let range = result.output.split(separator: "\n").first { $0.hasPrefix("| total load s, range") }
    #expect(range?.contains("–") == true && range?.contains("| – ") == false, "\(range ?? "")")
    let documents = result.output.split(separator: "\n").first { $0.hasPrefix("| documents") }
    #expect(documents?.contains("| 20 ") == true, "\(documents ?? "")")
  }

  /// `refs`: finding references alone, on a generated corpus.
  @Test func refsFindsTheReferencesOfAGeneratedCorpus() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bench-refs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("corpus.txt").path
    let generated = try BuiltBinary.run(["generate", "30", file], binary: BuiltBinary.bench)
    #expect(generated.status == 0, "\(generated.error)")
    let result = try BuiltBinary.run(["refs", file, "--rounds", "2"], binary: BuiltBinary.bench)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("documents=30"))
    let references = result.output.split(separator: " ").first { $0.hasPrefix("references=") }
      .flatMap { Int($0.dropFirst("references=".count)) }
    #expect((references ?? 0) > 30, "\(result.output)")
    #expect(result.output.contains("(min of 2;"))
    let refused = try BuiltBinary.run(["refs"], binary: BuiltBinary.bench)
    #expect(refused.status == 2)
    #expect(refused.error.contains("usage: resbrowse-bench refs FILE"))
  }
}
