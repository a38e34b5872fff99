// Document ids
// ============
// Stable (derived from what the document says, not from load order where
// avoidable) and unique in the corpus:
//
// - Council resolution `R1316`, Council decision `D482` (also when the body
//   is unknown);
// - other bodies: body code, `-`, R or D, number: `PP-R71` (Plenipotentiary
//   Conference), `WTSA-R75`, `WTDC-R67`, `WRC-R28`, `RA-R1`, `WCIT-R1`;
//   an unknown body gets its initials;
// - a fragment: `fragment-<file name without folder and extension>-<line>`;
// - duplicates keep their order in the corpus: the first keeps the id, the
//   second gets `~2`, the third `~3` (`R1316~2`), and a diagnostic names both.

public enum DocumentIdentifier {
  /// The id a document gets before duplicates are resolved.
  public static func baseID(for document: Document) -> String {
    switch document.kind {
    case .fragment:
      return "fragment-\(stem(of: document.location.file))-\(document.location.line)"
    case .resolution, .decision:
      let letter = document.kind == .resolution ? "R" : "D"
      let code = IssuingBodies.code(for: document.body)
      let number = document.number ?? "?"
      return code.isEmpty ? "\(letter)\(number)" : "\(code)-\(letter)\(number)"
    }
  }

  /// Gives every document its id, suffixing duplicates; returns one
  /// diagnostic per renamed document.
  @discardableResult
  public static func assignUniqueIDs(to documents: inout [Document]) -> [Diagnostic] {
    // The base ids are made on all cores (at 100,000 documents, 0.2 s
    // alone); only making them unique is in order. The snapshot is gone
    // before the documents change, so they are not copied.
    let bases: [String] = {
      let snapshot = documents
      return Array(snapshot.indices).concurrentMap { baseID(for: snapshot[$0]) }
    }()
    var seen: [String: (count: Int, first: SourceLocation)] = Dictionary(
      minimumCapacity: documents.count)
    var taken = Set<String>(minimumCapacity: documents.count)
    var diagnostics: [Diagnostic] = []
    for index in documents.indices {
      let base = bases[index]
      guard let previous = seen[base] else {
        seen[base] = (1, documents[index].location)
        taken.insert(base)
        documents[index].id = base
        continue
      }
      var count = previous.count + 1
      while taken.contains("\(base)~\(count)") { count += 1 }
      let id = "\(base)~\(count)"
      seen[base] = (count, previous.first)
      taken.insert(id)
      documents[index].id = id
      let location = documents[index].location
      diagnostics.append(
        Diagnostic(
          file: location.file, line: location.line,
          message:
            "duplicate document id \(base) (first at \(previous.first.file):\(previous.first.line)); this one is \(id)"
        ))
    }
    return diagnostics
  }

  /// `compilations/council.txt` → `council`; spaces become `_`.
  static func stem(of file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    var stem = Substring(name)
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
    return String(stem.map { $0.isWhitespace ? "_" : $0 })
  }
}
