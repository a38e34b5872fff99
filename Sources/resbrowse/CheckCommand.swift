import ArgumentParser
import ResolutionKit

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Report on the corpus: dangling and ambiguous references, duplicates, parser diagnostics.",
    discussion: """
      Lists references whose target is not in the corpus (grouped by what
      they name, most cited first), references that could mean several
      documents, documents sharing an id or a number, numbering jumps and
      other parser diagnostics, then a summary line. Exits 0 unless a source
      could not be read; with --strict, also exits 1 when anything is reported.
      """)

  @Flag(help: "Exit with status 1 when anything is reported (dangling references included).")
  var strict = false
  @Option(help: "How many citing places to list under each dangling target.")
  var places = 5
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    let (corpus, failed) = source.loadCorpus()
    let health = CorpusHealth(corpus: corpus)
    health.rendered(placesPerTarget: max(0, places)).forEach { StandardOutput.line($0) }
    StandardOutput.flush()
    if failed || (strict && !health.isHealthy) { throw ExitCode(1) }
  }
}
