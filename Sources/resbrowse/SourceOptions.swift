import ArgumentParser
import Foundation
import ResolutionKit

/// The SOURCES every command takes: files or folders; none means the
/// embedded sample corpus.
struct SourceOptions: ParsableArguments {
  @Argument(help: "Text files or folders of resolutions (default: the embedded sample corpus).")
  var sources: [String] = []

  /// Loads the corpus, reporting unreadable sources on standard error.
  /// Throws `ExitCode(1)` after loading when any source could not be read.
  func loadCorpus() -> (corpus: Corpus, failed: Bool) {
    guard !sources.isEmpty else { return (Corpus.sample, false) }
    let (corpus, errors) = CorpusLoader.load(paths: sources)
    for error in errors {
      StandardError.line("resbrowse: \(error)")
    }
    return (corpus, !errors.isEmpty)
  }

  /// Like `loadCorpus()`, but references are left pending
  /// (`Corpus.resolvingReferences()`): for the browser, which draws first,
  /// and for commands that show no references (`list`, `search`).
  func loadCorpusDeferringReferences() -> (corpus: Corpus, failed: Bool) {
    guard !sources.isEmpty else { return (Corpus.sample, false) }
    let (corpus, errors) = CorpusLoader.loadDeferringReferences(paths: sources)
    for error in errors {
      StandardError.line("resbrowse: \(error)")
    }
    return (corpus, !errors.isEmpty)
  }
}
