import Dispatch

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
    guard sources.count > 1 else { return sources.map(DocumentParser.parse) }
    let results = UnsafeResultBox<ParsedFile>(count: sources.count)
    DispatchQueue.concurrentPerform(iterations: sources.count) { index in
      results.set(index, DocumentParser.parse(sources[index]))
    }
    return results.values
  }
}

/// Slots written once each from `concurrentPerform`, read after it returns.
private final class UnsafeResultBox<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit { slots.deallocate() }
  func set(_ index: Int, _ value: Value) { slots[index] = value }
  var values: [Value] { slots.map { $0! } }
}
