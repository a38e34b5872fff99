import ArgumentParser
import Foundation
import ResolutionKit

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the parsed corpus as JSON (the resbrowse-corpus contract, version 1).")

  enum Format: String, ExpressibleByArgument, CaseIterable { case json }

  @Option(help: "Output format.") var format: Format = .json
  @Flag(help: "One line instead of indented JSON.") var compact = false
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    let data = try CorpusJSON.encode(corpus, prettyPrinted: !compact)
    StandardOutput.writeRaw(CorpusJSON.escapingTerminalControls(data) + "\n")
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }
}
