extension CorpusLoader {
  /// Like `load(paths:)`, but the references are left for
  /// `Corpus.resolvingReferences()`: the browser draws first and resolves
  /// in the background.
  public static func loadDeferringReferences(paths: [String]) -> (
    corpus: Corpus, errors: [LoadError]
  ) {
    let (texts, decodingDiagnostics, errors) = readSources(paths: paths)
    var corpus = Corpus.buildDeferringReferences(from: consume texts)
    corpus.diagnostics.insert(contentsOf: decodingDiagnostics, at: 0)
    return (corpus, errors)
  }
}
