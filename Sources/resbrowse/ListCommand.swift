import ArgumentParser
import ResolutionKit

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the documents: id, number, title (tab-separated).")

  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    // The list shows no references: finding and resolving them would only
    // delay it.
    let (corpus, failed) = source.loadCorpusDeferringReferences()
    for document in corpus.documents {
      let number = document.number ?? "-"
      let title = document.title ?? PlainTextRenderer.header(of: document)
      StandardOutput.line([document.id, number, title].joined(separator: "\t"))
    }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }
}
