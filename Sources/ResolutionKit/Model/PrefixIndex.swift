/// Strings (ids, numbers, title words) sorted by their UTF-8 bytes, each
/// with the positions of the documents it belongs to: the documents whose
/// string starts with a typed prefix in O(log n + matches), so a keystroke
/// at the go-to prompt does not compare every document.
public struct PrefixIndex: Sendable {
  /// Distinct strings, sorted by bytes.
  private let keys: PackedStrings
  /// Positions of each key's documents, ascending: `positions[starts[k] ..< starts[k + 1]]`.
  private let positions: [Int32]
  private let starts: [Int32]

  /// `entries`: (string, document position) pairs, in any order. Sorted
  /// as indexes into one packed buffer: no allocation per entry.
  init(_ entries: [(String, Int)]) {
    let packed = PackedStrings(entries.lazy.map(\.0))
    let order = (0..<entries.count).sorted { left, right in
      let order = packed.order(left, right)
      return order != 0 ? order < 0 : entries[left].1 < entries[right].1
    }
    var keys = PackedStrings()
    var positions: [Int32] = []
    var starts: [Int32] = []
    positions.reserveCapacity(entries.count)
    var previous: Int?
    for entry in order {
      let position = Int32(entries[entry].1)
      if let previous, packed.order(previous, entry) == 0 {
        if positions.last == position { continue }  // the same word twice in one title
      } else {
        keys.append(entries[entry].0)
        starts.append(Int32(positions.count))
      }
      previous = entry
      positions.append(position)
    }
    starts.append(Int32(positions.count))
    self.keys = keys
    self.positions = positions
    self.starts = starts
  }

  /// Calls `body` with the position of every document one of whose
  /// strings starts with `prefix` (bytes); a position may come more than
  /// once when several of its strings do.
  public func forEachPosition(withPrefix prefix: [UInt8], _ body: (Int) -> Void) {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys.precedes(middle, prefix) { low = middle + 1 } else { high = middle }
    }
    var key = low
    while key < keys.count, keys.hasPrefix(key, prefix) {
      for index in Int(starts[key])..<Int(starts[key + 1]) { body(Int(positions[index])) }
      key += 1
    }
  }
}

/// Documents by lowercased id, by number and by the words of their
/// lowercased titles, for the go-to prompt's suggestions; apart from
/// `CorpusLookup` so that commands that only resolve citations do not
/// build them.
public struct DocumentPrefixes: Sendable {
  public let ids: PrefixIndex
  public let numbers: PrefixIndex
  public let titleWords: PrefixIndex

  init(_ lookup: CorpusLookup) {
    ids = PrefixIndex(lookup.lowercasedIDs.enumerated().map { ($1, $0) })
    numbers = PrefixIndex(
      lookup.numbers.enumerated().compactMap { position, number in
        number.flatMap { $0.isEmpty ? nil : ($0, position) }
      })
    titleWords = PrefixIndex(
      lookup.titleWords.enumerated().flatMap { position, words in words.map { ($0, position) } })
  }
}

extension Corpus {
  /// The go-to prompt's prefix indexes; built once per corpus, on first use.
  public var documentPrefixes: DocumentPrefixes {
    prefixesBox.value { DocumentPrefixes(lookup) }
  }
}
