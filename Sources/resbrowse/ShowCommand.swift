import ArgumentParser
import ResolutionKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a document or one clause as readable plain text.",
    discussion: """
      ID is a document id as `list` prints it (R1316, D482, PP-R71) or a bare
      number. --path names a clause by its citation path ("resolves 1.1").
      """)

  @Argument(help: "Document id or number.") var id: String
  @Option(help: "Clause citation path, e.g. \"resolves 1.1\".") var path: String?
  @Option(help: "Wrap width (default: the terminal's, 80 when not a terminal).") var width: Int?
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    guard let document = DocumentLookup.document(named: id, in: corpus) else {
      throw CommandFailure("no document '\(id)' in the corpus (see `resbrowse list`)")
    }
    let width = max(20, self.width ?? StandardOutput.terminalWidth ?? 80)
    let lines: [String]
    if let path {
      guard let clause = document.clause(atPath: path) else {
        throw CommandFailure("\(document.id) has no clause '\(path)'")
      }
      lines = PlainTextRenderer.render(clause, width: width)
    } else {
      lines = PlainTextRenderer.render(document, width: width)
    }
    lines.forEach { StandardOutput.line($0) }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }
}
