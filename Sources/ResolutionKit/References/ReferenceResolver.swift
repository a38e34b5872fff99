/// Resolves every reference to the corpus document it names and builds the
/// backlink index, in time linear in documents plus references.
///
/// - Resolutions and decisions by (kind, number), then body: a stated or
///   inferred body picks the document with that body; a document whose body
///   the parser could not tell stands in when none matches exactly. A
///   reference without a body resolves when only one document has the
///   number. What stays ambiguous gets `candidates` and no `target`.
/// - Documents by symbol, against every document's `Ref.:` symbols
///   (`sources`); a `Ref.:` line's own symbol resolves to its document even
///   when other documents share the source.
/// - Named instruments (`other`) are outside the corpus: never resolved.
/// - Self-citations and cycles are kept as they are.
public enum ReferenceResolver {
  public static func resolve(_ documents: [Document]) -> ([Document], BacklinkIndex) {
    var resolved = documents
    let backlinks = resolve(&resolved)
    return (resolved, backlinks)
  }

  /// `resolve` in place: the documents are not copied when the caller's
  /// array is their only holder.
  static func resolve(_ documents: inout [Document]) -> BacklinkIndex {
    let index = TargetIndex(documents)
    // Each document's references on its own, on all cores.
    let references = resolvedReferences(of: documents, index)
    for position in documents.indices { documents[position].references = references[position] }
    return BacklinkIndex(documents: documents)
  }

  private static func resolvedReferences(of documents: [Document], _ index: TargetIndex)
    -> [[Reference]]
  {
    Array(documents.indices).concurrentMap { position in
      let citing = documents[position].id
      return documents[position].references.map { reference in
        var reference = reference
        (reference.target, reference.candidates) = index.resolve(reference, citingID: citing)
        return reference
      }
    }
  }

  /// Canonical key of a document symbol for matching: no spaces, upper
  /// case, language suffix dropped (`C20/57-E` is the English `C20/57`).
  public static func symbolKey(_ symbol: String) -> String {
    if let key = asciiSymbolKey(symbol) { return key }
    var key = symbol.uppercased().filter { !$0.isWhitespace }
    let scalars = Array(key.unicodeScalars)
    if scalars.count > 2, scalars[scalars.count - 2] == "-",
      scalars[scalars.count - 1].properties.isUppercase
    {
      key.removeLast(2)
    }
    return key
  }

  /// `symbolKey` on bytes for ASCII symbols (nearly all), nil otherwise:
  /// it runs for every document reference and every `Ref.:` symbol.
  private static func asciiSymbolKey(_ symbol: String) -> String? {
    var key: [UInt8] = []
    key.reserveCapacity(symbol.utf8.count)
    for byte in symbol.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
      key.append((0x61...0x7A).contains(byte) ? byte - 0x20 : byte)
    }
    if key.count > 2, key[key.count - 2] == UInt8(ascii: "-"),
      (0x41...0x5A).contains(key[key.count - 1])
    {
      key.removeLast(2)
    }
    return String(decoding: key, as: UTF8.self)
  }
}

/// Documents by what references name them with.
private struct TargetIndex {
  struct NumberKey: Hashable {
    var kind: DocumentKind
    var number: String
  }
  /// Per document, what resolution reads: not the documents themselves,
  /// whose copies would retain every string they hold (and, in a big
  /// corpus, miss the cache on each).
  let ids: [String]
  let bodies: [String?]
  var byNumber: [NumberKey: [Int]] = [:]
  var bySymbol: [String: [Int]] = [:]

  init(_ documents: [Document]) {
    ids = documents.map(\.id)
    bodies = documents.map(\.body)
    for (position, document) in documents.enumerated() {
      if let number = document.number, document.kind != .fragment {
        byNumber[NumberKey(kind: document.kind, number: Self.normalised(number)), default: []]
          .append(position)
      }
      var seen: Set<String> = []
      for symbol in document.sources {
        let key = ReferenceResolver.symbolKey(symbol)
        if seen.insert(key).inserted { bySymbol[key, default: []].append(position) }
      }
    }
  }

  /// `0071` and `71` name the same resolution.
  static func normalised(_ number: String) -> String {
    let trimmed = number.drop { $0 == "0" }
    return trimmed.isEmpty ? number : String(trimmed)
  }

  func resolve(_ reference: Reference, citingID: String) -> (target: String?, candidates: [String])
  {
    switch reference.kind {
    case .resolution, .decision:
      guard let number = reference.number else { return (nil, []) }
      let kind: DocumentKind = reference.kind == .resolution ? .resolution : .decision
      let all = byNumber[NumberKey(kind: kind, number: Self.normalised(number))] ?? []
      guard let body = reference.body else { return pick(all) }
      let sameBody = all.filter { bodies[$0] == body }
      if !sameBody.isEmpty { return pick(sameBody) }
      return pick(all.filter { bodies[$0] == nil })
    case .document:
      guard let symbol = reference.symbol else { return (nil, []) }
      let all = bySymbol[ReferenceResolver.symbolKey(symbol)] ?? []
      if reference.field == .sources, all.contains(where: { ids[$0] == citingID }) {
        return (citingID, [])
      }
      return pick(all)
    case .other:
      return (nil, [])
    }
  }

  private func pick(_ positions: [Int]) -> (target: String?, candidates: [String]) {
    switch positions.count {
    case 0: (nil, [])
    case 1: (ids[positions[0]], [])
    default: (nil, positions.map { ids[$0] })
    }
  }
}
