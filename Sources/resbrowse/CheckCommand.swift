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

      --coverage reports instead, per file, the share of input words that
      reached the model, the words that did not, and every line removed as
      page noise (running heads, page numbers, form feeds) with the reason,
      so you can see that nothing real was dropped.
      """)

  @Flag(help: "Exit with status 1 when anything is reported (dangling references included).")
  var strict = false
  @Option(help: "How many citing places to list under each dangling target.")
  var places = 5
  @Flag(help: "Report how much of each file's text reached the model, and what was removed.")
  var coverage = false
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    if coverage { return try runCoverage() }
    let (corpus, failed) = source.loadCorpus()
    let health = CorpusHealth(corpus: corpus)
    health.rendered(placesPerTarget: max(0, places)).forEach { StandardOutput.line($0) }
    StandardOutput.flush()
    if failed || (strict && !health.isHealthy) { throw ExitCode(1) }
  }

  private func runCoverage() throws {
    let report: CoverageReport
    var failed = false
    if source.sources.isEmpty {
      report = CoverageReport(corpus: Corpus.sample, sources: Corpus.sampleSources)
    } else {
      let (measured, errors) = CoverageReport.measure(paths: source.sources)
      errors.forEach { StandardError.line("resbrowse: \($0)") }
      report = measured
      failed = !errors.isEmpty
    }
    StandardOutput.write(report.rendered)
    StandardOutput.flush()
    let complete = report.files.allSatisfy { $0.unaccounted.isEmpty }
    if failed || (strict && !complete) { throw ExitCode(1) }
  }
}
