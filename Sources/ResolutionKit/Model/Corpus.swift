/// Everything loaded: documents in corpus order (file order, then position
/// in file), what could not be placed, and who cites whom.
public struct Corpus: Sendable {
  public private(set) var documents: [Document]
  public var diagnostics: [Diagnostic]
  /// Files that were read, in order, with what was removed from them.
  public var files: [SourceFile]
  /// Who cites each document and clause.
  public var backlinks = BacklinkIndex()
  /// References grouped by what they name (`referenceKeys`), built on
  /// first use; a new box whenever the documents' references change.
  var referenceKeysBox = BuiltOnce<ReferenceKeyIndex>()
  /// True while references are not extracted nor resolved yet (a corpus
  /// from `buildDeferringReferences`); `resolvingReferences()` does it.
  public internal(set) var referencesPending = false
  private var indexByID: [String: Int]
  /// Typed-name tables (`lookup`), built on first use.
  let lookupBox = BuiltOnce<CorpusLookup>()
  /// The go-to prompt's prefix indexes (`documentPrefixes`), built on first use.
  let prefixesBox = BuiltOnce<DocumentPrefixes>()

  public init(documents: [Document], diagnostics: [Diagnostic] = [], files: [SourceFile] = []) {
    self.documents = documents
    self.diagnostics = diagnostics
    self.files = files
    // By position: a `Document` copy per iteration retains all its fields.
    var index = [String: Int](minimumCapacity: documents.count)
    for position in documents.indices where index[documents[position].id] == nil {
      index[documents[position].id] = position
    }
    self.indexByID = index
  }

  /// Changes the documents in place (uniquely held when the corpus is, so
  /// not copied) without changing their ids or order: the id index and the
  /// lookup tables stay valid.
  mutating func updateDocumentsKeepingIDs(_ update: (inout [Document]) -> Void) {
    let count = documents.count
    var taken = documents
    documents = []
    update(&taken)
    precondition(taken.count == count)
    documents = taken
  }

  public func document(id: String) -> Document? {
    indexByID[id].map { documents[$0] }
  }

  /// Position of the document in `documents`.
  public func position(ofDocument id: String) -> Int? {
    indexByID[id]
  }

  public func clause(at address: ClauseAddress) -> Clause? {
    guard let path = address.path else { return nil }
    return document(id: address.documentID)?.clause(atPath: path)
  }
}

/// A file as read: its name as given, its line count, and what the parser
/// removed as page noise (headers, footers, page numbers), by line.
public struct SourceFile: Hashable, Sendable {
  public var name: String
  public var lineCount: Int
  public var removedLines: [RemovedLine]

  public init(name: String, lineCount: Int, removedLines: [RemovedLine] = []) {
    self.name = name
    self.lineCount = lineCount
    self.removedLines = removedLines
  }
}

public struct RemovedLine: Hashable, Sendable {
  public var line: Int
  public var text: String
  /// Why: `"page number"`, `"running head"`, `"form feed"`, …
  public var reason: String

  public init(line: Int, text: String, reason: String) {
    self.line = line
    self.text = text
    self.reason = reason
  }
}
