/// Council document symbols and named instruments.
extension ReferenceScanner {
  /// `Document C09/120`, `Documents C09/108 (Rev.1) and C09/120`: the first
  /// reference's span includes the word, the others are their symbols.
  mutating func matchDocuments(at start: Int) -> Int? {
    guard var keywordEnd = caseInsensitiveWord(Self.documentWord, at: start) else { return nil }
    if byte(keywordEnd) | 0x20 == ascii("s") { keywordEnd += 1 }
    guard !wordContinues(at: keywordEnd) else { return nil }
    var symbolStart = skipSpaces(from: keywordEnd)
    guard symbolStart > keywordEnd, var symbol = symbol(at: symbolStart) else { return nil }
    var spanStart = start
    while true {
      record(.document, span: spanStart..<symbol.end, symbol: symbol.normalised)
      guard let next = listSeparatorEnd(at: symbol.end), let following = self.symbol(at: next)
      else { return symbol.end }
      spanStart = next
      symbolStart = next
      symbol = following
    }
  }

  /// A Council document symbol at `index`: `C09/120`, `C2001/49(Rev.1)`,
  /// `C09/108 (Rev.1)`, `C20/57-E`; normalised without spaces.
  func symbol(at index: Int) -> (end: Int, normalised: String)? {
    guard byte(index) == ascii("C"), !precededByWord(index) else {
      return nil
    }
    var end = index + 1
    if byte(end) == ascii("-") { end += 1 }
    let sessionStart = end
    while end < bytes.count, end - sessionStart < 5, Self.isDigit(bytes[end]) { end += 1 }
    guard end - sessionStart == 2 || end - sessionStart == 4, byte(end) == ascii("/") else {
      return nil
    }
    end += 1
    let numberStart = end
    while end < bytes.count, end - numberStart < 6, Self.isDigit(bytes[end]) { end += 1 }
    guard end > numberStart, end - numberStart <= 5 else { return nil }
    let bracket = skipSpaces(from: end, limit: 1)
    if byte(bracket) == ascii("("), let close = revisionBracketEnd(at: bracket) { end = close }
    if byte(end) == ascii("-"), byte(end + 1) &- ascii("A") < 26, !wordContinues(at: end + 2) {
      end += 2
    }
    guard !wordContinues(at: end), byte(end) != ascii("/") else { return nil }
    // Spaces and non-ASCII bytes are left out; usually there are none, and
    // the symbol is its bytes.
    let isKept = { (position: Int) in
      self.bytes[position] < 0x80 && !Self.isSpace(self.bytes[position])
    }
    if (index..<end).allSatisfy(isKept) { return (end, string(index..<end)) }
    var normalised: [UInt8] = []
    normalised.reserveCapacity(end - index)
    for position in index..<end where isKept(position) { normalised.append(bytes[position]) }
    return (end, String(decoding: normalised, as: UTF8.self))
  }

  static let symbolRevisionWords = ["rev.", "add.", "corr."].map { Array($0.utf8) }

  /// `(Rev.1)`, `(Add. 2)`, `(Corr.1)` at `index`.
  func revisionBracketEnd(at index: Int) -> Int? {
    for word in Self.symbolRevisionWords {
      guard let wordEnd = caseInsensitive(word, at: index + 1) else { continue }
      var end = skipSpaces(from: wordEnd, limit: 1)
      let digitsStart = end
      while end < bytes.count, end - digitsStart < 3, Self.isDigit(bytes[end]) { end += 1 }
      guard end > digitsStart, byte(end) == ascii(")") else { return nil }
      return end + 1
    }
    return nil
  }

  // MARK: Named instruments

  struct Instrument {
    var written: [UInt8]
    var canonical: String
    /// What must not follow for the name to be this instrument.
    var exclusions: [[UInt8]]
    /// `Convention`, `Constitution`: also a common noun for other treaties.
    var isGeneric: Bool
  }

  /// Whether a bare `Convention` is another one: named before (`Budapest
  /// Convention`) or after (`Convention on Cybercrime`, `Convention for the
  /// Protection …`). `the Convention on strategic planning` stays the ITU's.
  func namesAnotherInstrument(start: Int, end: Int) -> Bool {
    let wordEnd = skipSpacesBackward(from: start, limit: 1)
    if wordEnd < start, wordEnd > 0, Self.isLetter(bytes[wordEnd - 1]) {
      var wordStart = wordEnd
      while wordStart > lastEnd, wordEnd - wordStart < 20, Self.isLetter(bytes[wordStart - 1]) {
        wordStart -= 1
      }
      if Self.isUpper(bytes[wordStart]), !isOneOf(Self.instrumentOwners, wordStart..<wordEnd) {
        return true
      }
    }
    let linkStart = skipSpaces(from: end, limit: 1)
    guard linkStart > end else { return false }
    let linkEnd = headingWordEnd(at: linkStart)
    guard isOneOf(Self.treatyLinks, linkStart..<linkEnd) else { return false }
    var nameStart = skipSpaces(from: linkEnd, limit: 1)
    if matches(Self.theWord, at: nameStart) {
      nameStart = skipSpaces(from: nameStart + 3, limit: 1)
    }
    return Self.isUpper(byte(nameStart))
  }
  static let instrumentOwners = wordTable(["The", "ITU", "Union", "This", "That"])
  static let treatyLinks = wordTable(["on", "for", "against"])

  /// Instruments grouped by the first byte of their written name (in
  /// vocabulary order within a group), with each name's first four bytes
  /// packed into an integer: most capitalised words are turned away by one
  /// comparison per instrument of their initial, without touching the
  /// instruments' arrays. A class: reading it retains one object, not five
  /// arrays.
  final class InstrumentTable: Sendable {
    let instruments: [Instrument]
    /// First (up to) four bytes of each written name, little-endian.
    let prefixes: [UInt32]
    /// Which bytes of `prefixes` count (names shorter than four bytes).
    let masks: [UInt32]
    /// Per initial byte, its instruments' positions.
    let byInitial: [Range<Int>]

    init(_ vocabulary: [(written: String, canonical: String)]) {
      var groups = [[Instrument]](repeating: [], count: 256)
      for (written, canonical) in vocabulary {
        let exclusions = ReferenceVocabulary.instrumentExclusions[written] ?? []
        let instrument = Instrument(
          written: Array(written.utf8), canonical: canonical,
          exclusions: exclusions.map { Array($0.utf8) },
          isGeneric: ReferenceVocabulary.genericInstrumentNames.contains(written))
        if let first = instrument.written.first { groups[Int(first)].append(instrument) }
      }
      var instruments: [Instrument] = []
      var prefixes: [UInt32] = []
      var masks: [UInt32] = []
      var byInitial = [Range<Int>](repeating: 0..<0, count: 256)
      for (initial, group) in groups.enumerated() {
        let start = instruments.count
        for instrument in group {
          var prefix: UInt32 = 0
          var mask: UInt32 = 0
          for (offset, byte) in instrument.written.prefix(4).enumerated() {
            prefix |= UInt32(byte) << (8 * offset)
            mask |= 0xFF << (8 * offset)
          }
          instruments.append(instrument)
          prefixes.append(prefix)
          masks.append(mask)
        }
        byInitial[initial] = start..<instruments.count
      }
      self.instruments = instruments
      self.prefixes = prefixes
      self.masks = masks
      self.byInitial = byInitial
    }
  }

  static let instrumentTable = InstrumentTable(ReferenceVocabulary.instruments)

  /// The (up to) four bytes at `index`, little-endian, zero past the end.
  func fourBytes(at index: Int) -> UInt32 {
    if index + 4 <= bytes.count, let base = bytes.baseAddress {
      return UInt32(
        littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt32.self))
    }
    var word: UInt32 = 0
    for offset in 0..<4 where index + offset < bytes.count {
      word |= UInt32(bytes[index + offset]) << (8 * offset)
    }
    return word
  }

  mutating func matchInstrument(at start: Int) -> Int? {
    let candidates = instruments.byInitial[Int(bytes[start])]
    guard !candidates.isEmpty else { return nil }
    let word = fourBytes(at: start)
    for position in candidates
    where word & instruments.masks[position] == instruments.prefixes[position]
      && matches(instruments.instruments[position].written, at: start)
    {
      let instrument = instruments.instruments[position]
      let end = start + instrument.written.count
      guard !wordContinues(at: end),
        !instrument.exclusions.contains(where: { matches($0, at: end) }),
        !(instrument.isGeneric && namesAnotherInstrument(start: start, end: end))
      else { continue }
      let before = pinpointBefore(start)
      record(
        .other, span: (before?.start ?? start)..<end, symbol: instrument.canonical,
        pinpoint: before?.pinpoint)
      return end
    }
    return nil
  }
}
