import ArgumentParser
import ResolutionKit

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the documents: id, number, title (tab-separated).")

  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    for document in corpus.documents {
      let number = document.number ?? "-"
      let title = document.title ?? PlainTextRenderer.header(of: document)
      StandardOutput.line([document.id, number, title].joined(separator: "\t"))
    }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }
}
