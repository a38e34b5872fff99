import ArgumentParser
import ResolutionKit

@main
struct Resbrowse: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resbrowse",
    abstract: "Browse, search and cite the resolutions of intergovernmental bodies."
  )

  func run() throws {
    for document in Corpus.sample.documents {
      print(document.id, document.title ?? "")
    }
  }
}
