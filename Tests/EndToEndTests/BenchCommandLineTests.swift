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
}
