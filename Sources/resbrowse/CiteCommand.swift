import ArgumentParser
import BrowserKit
import Foundation
import ResolutionKit

struct CiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cite",
    abstract: "Print the citation of the clause a written citation names.",
    discussion: """
      CITATION may be written as people write them: "1316 resolves 1.1", \
      "Council Res. 1316, resolves 1.1", "resolves 3 of Resolution 1312", \
      "Res. 71 (Rev. Dubai, 2018), resolves 2", "Decision 482", "R1316", \
      "C09/120", or a resbrowse://R1316/resolves%201.1 link.
      Formats: short, full, quote, markdown, or a template named in the config file.
      """)

  @Argument(help: "The clause or document to cite, e.g. \"1316 resolves 1.1\".")
  var citation: String

  @Option(
    name: .long,
    help:
      "short, full, quote, markdown, or a template name (default: the config's default_citation, else short)."
  )
  var format: String?

  @OptionGroup var source: SourceOptions

  func run() throws {
    let (config, warnings) = Config.loadStandard()
    for warning in warnings {
      StandardError.line("resbrowse: \(warning.description)")
    }
    let templates = config.citationTemplates
    let name = self.format ?? config.defaultCitation ?? "short"
    guard let format = CitationFormat.named(name, templates: templates) else {
      let names = CitationFormat.all(templates: templates).map(\.name).joined(separator: ", ")
      throw CommandFailure("unknown format \"\(name)\"; known: \(names)")
    }
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    let address: ClauseAddress
    switch CitationParser.address(forCitation: citation, in: corpus) {
    case .failure(let error): throw CommandFailure(error.description)
    case .success(let found): address = found
    }
    do {
      StandardOutput.line(try Citation.format(address, in: corpus, as: format))
    } catch {
      throw CommandFailure(error.description)
    }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }
}
