import Foundation

/// Per-corpus tables for what users type (`:` prompt, pasted citations),
/// built once, so a keystroke never lowercases or splits every document.
public struct CorpusLookup: Sendable {
  /// Lowercased id of each document, by position.
  public let lowercasedIDs: [String]
  /// Kind and number of each document, by position (no Document copies
  /// in a scan).
  public let kinds: [DocumentKind]
  public let numbers: [String?]
  /// First position of each lowercased id.
  public let positionByLowercasedID: [String: Int]
  /// Positions of the documents of each number, in corpus order.
  public let positionsByNumber: [String: [Int]]
  /// Lowercased words (letters and digits) of each title, by position.
  public let titleWords: [[String]]
  /// Lowercased title of each document ("" without one), by position.
  public let lowercasedTitles: [String]
  /// Id, number and source symbols of each document, lowercased and
  /// without whitespace, by position.
  public let normalizedIDs: [String]
  public let normalizedNumbers: [String?]
  public let normalizedSources: [[String]]
  /// The same, packed for scans: ids and numbers ("" for none) by
  /// position, titles lowercased by position, and every source symbol
  /// with the range of each document's symbols.
  public let packedIDs: PackedStrings
  public let packedNumbers: PackedStrings
  public let packedTitles: PackedStrings
  public let packedSources: PackedStrings
  public let sourceRanges: [Range<Int>]
  public let hasNumber: [Bool]
  init(documents: [Document]) {
    var lowercasedIDs: [String] = []
    var kinds: [DocumentKind] = []
    var numbers: [String?] = []
    var positionByID: [String: Int] = [:]
    var byNumber: [String: [Int]] = [:]
    var titleWords: [[String]] = []
    var lowercasedTitles: [String] = []
    var normalizedIDs: [String] = []
    var normalizedNumbers: [String?] = []
    var normalizedSources: [[String]] = []
    lowercasedIDs.reserveCapacity(documents.count)
    titleWords.reserveCapacity(documents.count)
    for (position, document) in documents.enumerated() {
      let id = document.id.lowercased()
      lowercasedIDs.append(id)
      kinds.append(document.kind)
      numbers.append(document.number)
      if positionByID[id] == nil { positionByID[id] = position }
      if let number = document.number { byNumber[number, default: []].append(position) }
      let title = (document.title ?? "").lowercased()
      lowercasedTitles.append(title)
      titleWords.append(Self.words(of: title))
      normalizedIDs.append(Self.normalized(document.id))
      normalizedNumbers.append(document.number.map(Self.normalized))
      normalizedSources.append(document.sources.map(Self.normalized))
    }
    self.lowercasedIDs = lowercasedIDs
    self.kinds = kinds
    self.numbers = numbers
    self.positionByLowercasedID = positionByID
    self.positionsByNumber = byNumber
    self.titleWords = titleWords
    self.lowercasedTitles = lowercasedTitles
    self.normalizedIDs = normalizedIDs
    self.normalizedNumbers = normalizedNumbers
    self.normalizedSources = normalizedSources
    packedIDs = PackedStrings(normalizedIDs)
    packedNumbers = PackedStrings(normalizedNumbers.map { $0 ?? "" })
    packedTitles = PackedStrings(lowercasedTitles)
    var sources = PackedStrings()
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(normalizedSources.count)
    for symbols in normalizedSources {
      let start = sources.count
      for symbol in symbols { sources.append(symbol) }
      ranges.append(start..<sources.count)
    }
    packedSources = sources
    hasNumber = normalizedNumbers.map { $0 != nil }
    sourceRanges = ranges
  }

  /// The letter-and-digit runs of a text; ASCII text is split by bytes,
  /// which is much faster than asking each Character's properties.
  static func words(of text: String) -> [String] {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
    return text.utf8.split(whereSeparator: { byte in
      !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A))
    }).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Lowercased, whitespace removed.
  public static func normalized(_ text: String) -> String {
    String(text.lowercased().filter { !$0.isWhitespace })
  }
}

extension Corpus {
  /// Tables for matching typed names; built once per corpus, on first use.
  public var lookup: CorpusLookup { lookupBox.value { CorpusLookup(documents: documents) } }

  /// Builds the lookup tables and the go-to prompt's prefix indexes now,
  /// off the main thread, so the first keystroke at the prompt does not
  /// wait for them.
  public func prepareLookupInBackground() {
    let corpus = self
    Thread.detachNewThread { _ = corpus.documentPrefixes }
  }
}

/// Many short strings in one byte buffer, compared as UTF-8 bytes with
/// no per-string reference counting: a keystroke scans 10,000 of them.
public struct PackedStrings: Sendable {
  private var bytes: [UInt8] = []
  /// Start of string `i` at `starts[i]`, end at `starts[i + 1]`.
  private var starts: [Int] = [0]

  public init() {}

  public init(_ strings: some Sequence<String>) {
    for string in strings { append(string) }
  }

  public mutating func append(_ string: String) {
    bytes.append(contentsOf: string.utf8)
    starts.append(bytes.count)
  }

  public var count: Int { starts.count - 1 }

  private func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

  public func isEmpty(_ i: Int) -> Bool { starts[i] == starts[i + 1] }

  public func equals(_ i: Int, _ key: [UInt8]) -> Bool {
    let r = range(i)
    return r.count == key.count && hasPrefix(i, key)
  }

  public func hasPrefix(_ i: Int, _ key: [UInt8]) -> Bool {
    let r = range(i)
    guard r.count >= key.count else { return false }
    return bytes.withUnsafeBufferPointer { own in
      key.withUnsafeBufferPointer { wanted in
        for k in 0..<wanted.count where own[r.lowerBound + k] != wanted[k] { return false }
        return true
      }
    }
  }

  /// How string `i` sorts against string `j`, byte by byte: negative
  /// before, zero equal, positive after.
  public func order(_ i: Int, _ j: Int) -> Int {
    let (left, right) = (range(i), range(j))
    let common = min(left.count, right.count)
    let order = bytes.withUnsafeBufferPointer { own -> Int32 in
      guard let base = own.baseAddress, common > 0 else { return 0 }
      return memcmp(base + left.lowerBound, base + right.lowerBound, common)
    }
    return order != 0 ? Int(order) : left.count - right.count
  }

  /// Whether string `i` sorts before `key`, byte by byte.
  public func precedes(_ i: Int, _ key: [UInt8]) -> Bool {
    bytes[range(i)].lexicographicallyPrecedes(key)
  }

  /// Whether string `i` contains `key` as a run of bytes.
  public func contains(_ i: Int, _ key: [UInt8]) -> Bool {
    let r = range(i)
    guard let first = key.first else { return true }
    guard r.count >= key.count else { return false }
    return bytes.withUnsafeBufferPointer { own in
      key.withUnsafeBufferPointer { wanted in
        var start = r.lowerBound
        let last = r.upperBound - wanted.count
        while start <= last {
          if own[start] == first {
            var k = 1
            while k < wanted.count, own[start + k] == wanted[k] { k += 1 }
            if k == wanted.count { return true }
          }
          start += 1
        }
        return false
      }
    }
  }
}
