import ArgumentParser
import ResolutionKit

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a document or one clause as readable plain text.",
    discussion: """
      ID is a document id as `list` prints it (R1316, D482, PP-R71) or a bare
      number. --path names a clause by its citation path ("resolves 1.1").
      --cite takes a citation as people write it instead ("Res. 1316 (C09),
      resolves 1.1", "resolves 3 of Resolution 1312", a resbrowse:// link).
      """)

  @Argument(help: "Document id or number.") var id: String?
  @Option(help: "Clause citation path, e.g. \"resolves 1.1\".") var path: String?
  @Option(help: "A written citation to look up instead of ID and --path.") var cite: String?
  @Option(help: "Wrap width (default: the terminal's, 80 when not a terminal).") var width: Int?
  @OptionGroup var source: SourceOptions

  func validate() throws {
    if cite == nil && id == nil { throw ValidationError("give a document ID or --cite \"CITATION\"") }
    if cite != nil && (id != nil || path != nil) {
      throw ValidationError("--cite replaces ID and --path; give one or the other")
    }
  }

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    let address = try requestedAddress(in: corpus)
    guard let document = corpus.document(id: address.documentID) else {
      throw CommandFailure("no document '\(address.documentID)' in the corpus")
    }
    let width = max(20, self.width ?? StandardOutput.terminalWidth ?? 80)
    let lines: [String]
    if let path = address.path {
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

  private func requestedAddress(in corpus: Corpus) throws -> ClauseAddress {
    if let cite {
      switch CitationParser.address(forCitation: cite, in: corpus) {
      case .success(let address):
        return address
      case .failure(let error):
        // A pinpoint that names no clause still shows the nearest place,
        // with a note, rather than nothing.
        guard let match = CitationParser.resolve(cite, in: corpus) else {
          throw CommandFailure("\(error)")
        }
        StandardError.line("resbrowse: \(error); showing the nearest")
        return match.address
      }
    }
    guard let id, let document = DocumentLookup.document(named: id, in: corpus) else {
      throw CommandFailure("no document '\(id ?? "")' in the corpus (see `resbrowse list`)")
    }
    return ClauseAddress(documentID: document.id, path: path)
  }
}
