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
  /// Sets every reference's `target` (or `candidates`) where it stands and
  /// returns the backlinks. In place: the documents are not copied when the
  /// caller's array is their only holder, nor any Reference (a copy retains
  /// every string it holds).
  public static func resolve(_ documents: inout [Document]) -> BacklinkIndex {
    let index = TargetIndex(documents)
    // Each document's references on its own, on all cores.
    let resolutions = resolutions(of: documents, index)
    for position in documents.indices {
      for (reference, resolution) in resolutions[position].enumerated() {
        documents[position].references[reference].target = resolution.target
        documents[position].references[reference].candidates = resolution.candidates
      }
    }
    return BacklinkIndex(documents: documents)
  }

  private static func resolutions(of documents: [Document], _ index: TargetIndex)
    -> [[(target: String?, candidates: [String])]]
  {
    Array(documents.indices).concurrentMap { position in
      let citing = documents[position].id
      return documents[position].references.withUnsafeBufferPointer { references in
        references.indices.map { index.resolve(references, at: $0, citingID: citing) }
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

  /// What one document is named by.
  private struct Names: Sendable {
    var id: String
    var body: String?
    var number: NumberKey?
    /// Distinct symbol keys of its `Ref.:` line.
    var symbols: [String]
  }

  init(_ documents: [Document]) {
    // Keys made on all cores, fields read in place; tables filled in
    // corpus order.
    let names = Array(documents.indices).concurrentMap { position -> Names in
      documents.withUnsafeBufferPointer { documents in
        var seen: Set<String> = []
        var symbols: [String] = []
        for symbol in documents[position].sources {
          let key = ReferenceResolver.symbolKey(symbol)
          if seen.insert(key).inserted { symbols.append(key) }
        }
        let kind = documents[position].kind
        let number = documents[position].number.flatMap {
          kind == .fragment ? nil : NumberKey(kind: kind, number: Self.normalised($0))
        }
        return Names(
          id: documents[position].id, body: documents[position].body, number: number,
          symbols: symbols)
      }
    }
    ids = names.map(\.id)
    bodies = names.map(\.body)
    byNumber.reserveCapacity(names.count)
    bySymbol.reserveCapacity(names.count)
    for (position, name) in names.enumerated() {
      if let number = name.number { byNumber[number, default: []].append(position) }
      for key in name.symbols { bySymbol[key, default: []].append(position) }
    }
  }

  /// `0071` and `71` name the same resolution.
  static func normalised(_ number: String) -> String {
    let trimmed = number.drop { $0 == "0" }
    return trimmed.isEmpty ? number : String(trimmed)
  }

  /// Where `references[index]` leads. The reference is read field by field
  /// in place: a copy of it would retain every string it holds.
  func resolve(_ references: UnsafeBufferPointer<Reference>, at index: Int, citingID: String)
    -> (target: String?, candidates: [String])
  {
    switch references[index].kind {
    case .resolution, .decision:
      guard let number = references[index].number else { return (nil, []) }
      let kind: DocumentKind = references[index].kind == .resolution ? .resolution : .decision
      let all = byNumber[NumberKey(kind: kind, number: Self.normalised(number))] ?? []
      guard let body = references[index].body else { return pick(all) }
      let sameBody = all.filter { bodies[$0] == body }
      if !sameBody.isEmpty { return pick(sameBody) }
      return pick(all.filter { bodies[$0] == nil })
    case .document:
      guard let symbol = references[index].symbol else { return (nil, []) }
      let all = bySymbol[ReferenceResolver.symbolKey(symbol)] ?? []
      if references[index].field == .sources, all.contains(where: { ids[$0] == citingID }) {
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
