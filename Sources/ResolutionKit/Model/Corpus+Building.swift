extension Corpus {
  /// Parses the texts (in parallel, results in input order), gives every
  /// document a unique id, finds references and resolves them.
  public static func build(from sources: [SourceText]) -> Corpus {
    var corpus = buildDeferringReferences(from: sources)
    corpus.resolveReferences()
    return corpus
  }

  /// Parses the texts and gives every document a unique id, but leaves the
  /// references for `resolvingReferences()` (documents have none yet):
  /// what a browser needs to draw its first frame.
  public static func buildDeferringReferences(from sources: [SourceText]) -> Corpus {
    let parsed = parseConcurrently(sources)
    var documents = parsed.flatMap(\.documents)
    let idDiagnostics = DocumentIdentifier.assignUniqueIDs(to: &documents)
    var corpus = Corpus(
      documents: documents,
      diagnostics: parsed.flatMap(\.diagnostics) + idDiagnostics,
      files: parsed.map(\.file)
    )
    corpus.referencesPending = true
    return corpus
  }

  /// The corpus with every document's references found and resolved and
  /// the backlinks built. A corpus whose references are
  /// not pending is returned as it is.
  public func resolvingReferences() -> Corpus {
    // A copy keeps the lookup tables, which do not depend on references.
    var corpus = self
    corpus.resolveReferences()
    return corpus
  }

  /// `resolvingReferences()` in place: the documents are not copied when
  /// the corpus is their only holder.
  mutating func resolveReferences() {
    guard referencesPending else { return }
    var backlinks = BacklinkIndex()
    updateDocumentsKeepingIDs { documents in
      ReferenceExtractor.extractAll(into: &documents)
      backlinks = ReferenceResolver.resolve(&documents)
    }
    self.backlinks = backlinks
    referenceKeysBox = BuiltOnce<ReferenceKeyIndex>()
    referencesPending = false
  }

  private static func parseConcurrently(_ sources: [SourceText]) -> [ParsedFile] {
    sources.concurrentMap(DocumentParser.parse)
  }
}
