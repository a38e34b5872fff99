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
    let resolved = resolutions(of: documents, index)
    // Written on all cores too, each document by one task: done in order,
    // this was the longest step of resolution with one core idle.
    documents.withUnsafeMutableBufferPointer { buffer in
      let output = DisjointWrites(buffer: buffer)
      buffer.indices.concurrentForEachPart { part in
        for position in part {
          resolved[position].targets.withUnsafeBufferPointer { targets in
            output.buffer[position].references.withUnsafeMutableBufferPointer { references in
              for reference in references.indices {
                let target = targets[reference]
                references[reference].target =
                  target.position < 0 ? nil : index.ids[target.position]
                references[reference].candidates = target.candidates ?? []
              }
            }
          }
        }
      }
    }
    // The backlinks from the targets' positions: no id looked up again.
    return BacklinkIndex(documents: documents, citing: resolved.map(\.citations))
  }

  /// One document's resolved references and what they cite.
  private struct Resolved: Sendable {
    /// Per reference, where it leads.
    var targets: [TargetIndex.Target] = []
    var citations: [BacklinkIndex.Citation] = []
  }

  private static func resolutions(of documents: [Document], _ index: TargetIndex) -> [Resolved] {
    Array(documents.indices).concurrentMap { position in
      documents.withUnsafeBufferPointer { documents in
        documents[position].references.withUnsafeBufferPointer { references in
          var resolved = Resolved()
          resolved.targets.reserveCapacity(references.count)
          let citing = index.firstPositions[position]
          for reference in references.indices {
            let target = index.resolve(references, at: reference, citingPosition: position)
            resolved.targets.append(target)
            guard target.position >= 0 else { continue }
            // A `Ref.:` line naming the document's own sources is not a
            // citation (same id: same first position).
            let cited = index.firstPositions[target.position]
            if references[reference].field == .sources, cited == citing { continue }
            resolved.citations.append(
              BacklinkIndex.Citation(target: cited, reference: Int32(reference)))
          }
          return resolved
        }
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
  /// Symbols as the scanner writes them are mostly keys already (no space,
  /// no lower case, no language suffix): the new bytes are only made from
  /// the first one that changes, else the symbol itself is the key.
  private static func asciiSymbolKey(_ symbol: String) -> String? {
    let utf8 = symbol.utf8
    var changed: [UInt8]?
    var offset = 0
    for byte in utf8 {
      guard byte < 0x80 else { return nil }
      let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
      let kept = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
      if changed == nil, isSpace || kept != byte {
        var prefix = Array(utf8.prefix(offset))
        prefix.reserveCapacity(utf8.count)
        changed = prefix
      }
      if !isSpace { changed?.append(kept) }
      offset += 1
    }
    /// A language suffix such as `-E`, in upper case (as the key is).
    func hasLanguageSuffix<Bytes: BidirectionalCollection<UInt8>>(_ key: Bytes) -> Bool {
      guard key.count > 2 else { return false }
      let last = key[key.index(before: key.endIndex)]
      return key[key.index(key.endIndex, offsetBy: -2)] == UInt8(ascii: "-")
        && (0x41...0x5A).contains(last)
    }
    guard var key = changed else {
      return hasLanguageSuffix(utf8) ? String(decoding: utf8.dropLast(2), as: UTF8.self) : symbol
    }
    if hasLanguageSuffix(key) { key.removeLast(2) }
    return String(decoding: key, as: UTF8.self)
  }
}

/// Documents by what references name them with.
private struct TargetIndex: Sendable {
  /// A resolution or decision number as a key: a number of up to 18
  /// digits as its value (leading zeros dropped, as `normalised` does),
  /// any other text as itself. Hashing an integer instead of a string per
  /// reference.
  enum NumberValue: Hashable, Sendable {
    /// Leading zeros dropped; an all-zero number of n digits is -n.
    case digits(Int)
    case text(String)

    init(_ number: String) {
      var value = 0
      var zeros = 0
      var digits = 0
      var isNumeric = true
      for byte in number.utf8 {
        guard byte &- 0x30 < 10 else {
          isNumeric = false
          break
        }
        if value == 0, byte == 0x30 {
          zeros += 1
        } else {
          digits += 1
          guard digits <= 18 else {
            isNumeric = false
            break
          }
          value = value * 10 + Int(byte &- 0x30)
        }
      }
      if isNumeric, zeros + digits > 0 {
        self = .digits(digits == 0 ? -zeros : value)
      } else {
        self = .text(TargetIndex.normalised(number))
      }
    }
  }

  struct NumberKey: Hashable, Sendable {
    var kind: DocumentKind
    var number: NumberValue
  }

  /// Where a reference leads: a document position (-1 for none), and the
  /// candidates when it is ambiguous (nil: none).
  struct Target: Sendable {
    var position: Int
    var candidates: [String]?
  }

  /// Per document, what resolution reads: not the documents themselves,
  /// whose copies would retain every string they hold (and, in a big
  /// corpus, miss the cache on each).
  let ids: [String]
  let bodies: [String?]
  /// Per document, the first position with its id: what backlinks index.
  let firstPositions: [Int32]
  let byNumber: PositionGroups<NumberKey>
  let bySymbol: PositionGroups<String>

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
          kind == .fragment ? nil : NumberKey(kind: kind, number: NumberValue($0))
        }
        return Names(
          id: documents[position].id, body: documents[position].body, number: number,
          symbols: symbols)
      }
    }
    ids = names.map(\.id)
    bodies = names.map(\.body)
    var positionByID = [String: Int32](minimumCapacity: names.count)
    var firstPositions: [Int32] = []
    firstPositions.reserveCapacity(names.count)
    for (position, name) in names.enumerated() {
      if let first = positionByID[name.id] {
        firstPositions.append(first)
      } else {
        positionByID[name.id] = Int32(position)
        firstPositions.append(Int32(position))
      }
    }
    self.firstPositions = firstPositions
    var numbers: [(key: NumberKey, position: Int)] = []
    var symbols: [(key: String, position: Int)] = []
    numbers.reserveCapacity(names.count)
    for (position, name) in names.enumerated() {
      if let number = name.number { numbers.append((number, position)) }
      for key in name.symbols { symbols.append((key, position)) }
    }
    byNumber = PositionGroups(numbers)
    bySymbol = PositionGroups(symbols)
  }

  /// `0071` and `71` name the same resolution.
  static func normalised(_ number: String) -> String {
    let trimmed = number.drop { $0 == "0" }
    return trimmed.isEmpty ? number : String(trimmed)
  }

  /// Where `references[index]` leads. The reference is read field by field
  /// in place: a copy of it would retain every string it holds.
  func resolve(
    _ references: UnsafeBufferPointer<Reference>, at index: Int, citingPosition: Int
  ) -> Target {
    switch references[index].kind {
    case .resolution, .decision:
      guard let number = references[index].number else { return Target(position: -1) }
      let kind: DocumentKind = references[index].kind == .resolution ? .resolution : .decision
      let body = references[index].body
      let target = byNumber.withPositions(of: NumberKey(kind: kind, number: NumberValue(number))) {
        all -> Target in
        guard let body else { return pick(all) { _ in true } }
        // The documents with the stated body, else those without one.
        if all.contains(where: { bodies[Int($0)] == body }) {
          return pick(all) { bodies[$0] == body }
        }
        return pick(all) { bodies[$0] == nil }
      }
      return target ?? Target(position: -1)
    case .document:
      guard let symbol = references[index].symbol else { return Target(position: -1) }
      let isSourcesLine = references[index].field == .sources
      let target = bySymbol.withPositions(of: ReferenceResolver.symbolKey(symbol)) {
        all -> Target in
        if isSourcesLine, all.contains(where: { ids[Int($0)] == ids[citingPosition] }) {
          return Target(position: citingPosition)
        }
        return pick(all) { _ in true }
      }
      return target ?? Target(position: -1)
    case .other:
      return Target(position: -1)
    }
  }

  /// The one position of `positions` that passes `filter`; else none, with
  /// every passing document's id as a candidate when several pass.
  private func pick(_ positions: UnsafeBufferPointer<Int32>, where filter: (Int) -> Bool)
    -> Target
  {
    var found = -1
    var count = 0
    for position in positions where filter(Int(position)) {
      if count == 0 { found = Int(position) }
      count += 1
    }
    switch count {
    case 0: return Target(position: -1)
    case 1: return Target(position: found)
    default:
      return Target(
        position: -1,
        candidates: positions.lazy.map(Int.init).filter(filter).map { ids[$0] })
    }
  }
}
