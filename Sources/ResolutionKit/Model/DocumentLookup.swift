/// Finds a document from what a user types: an id (`R1316`, case
/// insensitive) or a bare number (`1316`, Council resolutions first).
public enum DocumentLookup {
  public static func document(named name: String, in corpus: Corpus) -> Document? {
    let name = name.trimmingCharacters(in: .whitespaces)
    if let document = corpus.document(id: name) { return document }
    let lowered = name.lowercased()
    if let document = corpus.documents.first(where: { $0.id.lowercased() == lowered }) {
      return document
    }
    let numbered = corpus.documents.filter { $0.number == name }
    return numbered.first { $0.kind == .resolution && $0.body == "Council" }
      ?? numbered.first { $0.kind == .resolution } ?? numbered.first
  }
}
