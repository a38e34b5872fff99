import ArgumentParser
import ResolutionKit

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the documents: id, number, title.")

  @OptionGroup var source: SourceOptions

  func run() throws {
    let (corpus, failed) = source.loadCorpus()
    for document in corpus.documents {
      print([document.id, document.number ?? "-", document.title ?? ""].joined(separator: "\t"))
    }
    if failed { throw ExitCode(1) }
  }
}
