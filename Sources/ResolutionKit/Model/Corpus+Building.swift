extension Corpus {
  /// Parses the texts (in parallel, results in input order), gives every
  /// document a unique id, finds references and resolves them.
  /// The sources are taken: each text is freed once parsed.
  public static func build(from sources: consuming [SourceText]) -> Corpus {
    // References are found by the parse, each document's as it is made.
    var corpus = buildDeferringReferences(from: sources, findingReferences: true)
    corpus.resolveReferences(extracted: true)
    return corpus
  }

  /// Parses the texts and gives every document a unique id, but leaves the
  /// references for `resolvingReferences()` (documents have none yet):
  /// what a browser needs to draw its first frame.
  public static func buildDeferringReferences(from sources: consuming [SourceText]) -> Corpus {
    buildDeferringReferences(from: sources, findingReferences: false)
  }

  private static func buildDeferringReferences(
    from sources: consuming [SourceText], findingReferences: Bool
  ) -> Corpus {
    var parsed = sources.concurrentMapHandingOver {
      DocumentParser.parse($0, findingReferences: findingReferences)
    }
    var documents: [Document] = []
    // Room for all at once, not grown (and moved) file by file.
    documents.reserveCapacity(parsed.reduce(0) { $0 + $1.documents.count })
    for index in parsed.indices { documents.appendMoving(&parsed[index].documents) }
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
  /// With `extracted`, the documents' references are already found (by
  /// the parse) and only resolved.
  mutating func resolveReferences(extracted: Bool = false) {
    guard referencesPending else { return }
    var backlinks = BacklinkIndex()
    updateDocumentsKeepingIDs { documents in
      if !extracted { ReferenceExtractor.extractAll(into: &documents) }
      backlinks = ReferenceResolver.resolve(&documents)
    }
    self.backlinks = backlinks
    referenceKeysBox = BuiltOnce<ReferenceKeyIndex>()
    referencesPending = false
  }

}
