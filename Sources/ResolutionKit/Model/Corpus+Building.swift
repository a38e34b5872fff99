extension Corpus {
  /// Parses the texts (in parallel, results in input order), gives every
  /// document a unique id, finds references and resolves them.
  public static func build(from sources: [SourceText]) -> Corpus {
    let parsed = parseConcurrently(sources)
    var documents = parsed.flatMap(\.documents)
    let idDiagnostics = DocumentIdentifier.assignUniqueIDs(to: &documents)
    ReferenceExtractor.extractAll(into: &documents)
    let (resolved, backlinks) = ReferenceResolver.resolve(documents)
    var corpus = Corpus(
      documents: resolved,
      diagnostics: parsed.flatMap(\.diagnostics) + idDiagnostics,
      files: parsed.map(\.file)
    )
    corpus.backlinks = backlinks
    return corpus
  }

  private static func parseConcurrently(_ sources: [SourceText]) -> [ParsedFile] {
    sources.concurrentMap(DocumentParser.parse)
  }
}
