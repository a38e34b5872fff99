/// The heading phrases of resolutions, as data: the one place to add a
/// phrase. A heading is a line of its own that introduces the clauses
/// below it.
///
/// - `closed` phrases are the whole heading line (`considering further`).
/// - `openEnded` phrases are followed by an addressee on the same line
///   (`instructs the Secretary-General and the Director of …`); the whole
///   line is the heading.
enum HeadingPhrases {
  static let closed: [(phrase: String, role: SectionRole)] =
    [
      "considering", "considering further", "considering also", "considering moreover",
      "further considering", "noting", "noting also", "noting further", "further noting",
      "noting with satisfaction", "noting with appreciation", "noting with concern",
      "noting with interest", "recalling", "recalling further", "recalling also",
      "further recalling", "recognizing", "recognizing further", "recognizing also",
      "further recognizing", "bearing in mind", "having regard to", "having examined",
      "having considered", "having noted", "taking into account", "taking into consideration",
      "taking note of", "aware", "aware also", "being aware", "convinced", "emphasizing",
      "stressing", "welcoming", "acknowledging", "observing", "reaffirming", "mindful",
      "expressing concern", "concerned", "deeply concerned", "guided by", "in view of",
      "referring to", "desiring", "believing", "affirming", "appreciating",
    ].map { ($0, SectionRole.preambular) }
    + [
      "resolves", "resolves further", "further resolves", "resolves also", "decides",
      "decides further", "further decides", "decides also", "instructs", "invites",
      "requests", "encourages", "urges", "calls upon", "appeals to", "authorizes",
      "charges", "recommends", "approves", "endorses", "adopts", "agrees", "accepts",
      "instructs further", "further instructs", "invites further", "further invites",
      "requests further", "further requests", "expresses", "expresses its appreciation",
      "thanks", "establishes", "designates", "declares", "confirms", "supports",
    ].map { ($0, SectionRole.operative) }

  static let openEnded: [(phrase: String, role: SectionRole)] = [
    "instructs", "further instructs", "invites", "further invites", "requests",
    "further requests", "encourages", "urges", "calls upon", "appeals to", "authorizes",
    "charges", "recommends", "resolves to instruct", "resolves to invite",
    "resolves to request", "resolves to encourage", "decides to instruct",
    "decides to invite", "decides to request", "expresses its appreciation to",
    "thanks",
  ].map { ($0, SectionRole.operative) }

  /// Words an addressee may start with besides a capitalised word
  /// (`the Secretary-General`, `Member States`, `all Sector Members`).
  static let addresseeStarts: Set<Substring> = [
    "the", "all", "relevant", "other", "each", "those", "interested", "concerned",
    "regional", "its", "member", "administrations",
  ]

  /// Heading lines are short; longer lines are clauses.
  static let maximumLength = 200

  private static let closedByPhrase: [String: SectionRole] = Dictionary(
    closed.map { ($0.phrase, $0.role) }, uniquingKeysWith: { first, _ in first })
  private static let longestClosed = closed.map(\.phrase.utf8.count).max() ?? 0

  /// The closed phrases by length in bytes, first entry of a phrase first
  /// (as `closedByPhrase`): a lower-cased ASCII heading is compared with the
  /// few of its length, without making a string.
  private static let closedByLength: [[(phrase: [UInt8], role: SectionRole)]] = {
    var buckets = [[(phrase: [UInt8], role: SectionRole)]](repeating: [], count: longestClosed + 1)
    for entry in closed where closedByPhrase[entry.phrase] == entry.role {
      let phrase = Array(entry.phrase.utf8)
      guard !buckets[phrase.count].contains(where: { $0.phrase == phrase }) else { continue }
      buckets[phrase.count].append((phrase, entry.role))
    }
    return buckets
  }()

  private static let openEndedBytes: [(phrase: [UInt8], role: SectionRole)] = openEnded.map {
    (Array($0.phrase.utf8), $0.role)
  }

  private static let addresseeStartBytes: [[UInt8]] = addresseeStarts.map { Array($0.utf8) }

  private static let longestFirstWord = firstWords.map(\.utf8.count).max() ?? 0

  /// First words of all phrases: a cheap test that rejects most lines.
  private static let firstWords: Set<Substring> = Set(
    (closed.map(\.phrase) + openEnded.map(\.phrase)).compactMap {
      $0.split(separator: " ").first
    })

  /// The first words packed into two words each (bytes in order, zero
  /// padded; no word has a zero byte, so distinct words pack apart), by
  /// their first letter: the same test as `firstWords` on bytes.
  private static let packedFirstWords: [[PackedWord]] = {
    var table = [[PackedWord]](repeating: [], count: 26)
    for word in firstWords {
      let bytes = Array(word.utf8)
      guard let first = bytes.first, first &- 0x61 < 26, bytes.count <= 16 else { continue }
      table[Int(first - 0x61)].append(PackedWord(bytes[...]))
    }
    return table
  }()

  /// Up to 16 ASCII bytes in two integers.
  struct PackedWord: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes, lowercasing: Bool = false) {
      var shift: UInt64 = 0
      for var byte in bytes {
        if lowercasing { byte |= 0x20 }
        if shift < 64 {
          low |= UInt64(byte) << shift
        } else {
          high |= UInt64(byte) << (shift - 64)
        }
        shift += 8
      }
    }
  }

  struct Match {
    /// The heading as written, whitespace-normalised, without a trailing
    /// comma or colon.
    var heading: String
    var role: SectionRole
    /// An open-ended heading may continue on the next line when wrapped.
    var isOpenEnded: Bool
  }

  @inline(__always) private static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
  @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

  /// Whether the (trimmed) line is a heading, and which.
  static func match(_ line: Substring) -> Match? {
    line.withUTF8Bytes { match(line, bytes: $0) }
  }

  /// `match` on the line's UTF-8 bytes (`bytes` must be `line.utf8`). The
  /// tests run on bytes where the text is ASCII and fall back to the
  /// character tests where a non-ASCII character could change the answer.
  static func match(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> Match? {
    match(bytes: bytes, line: { line })
  }

  /// `match` on a line's UTF-8 bytes; `line` makes its text, needed only
  /// when the line ends with a non-ASCII character.
  static func match(bytes: UnsafeBufferPointer<UInt8>, line: () -> Substring) -> Match? {
    let count = bytes.count
    guard count <= maximumLength, let first = bytes.first else { return nil }
    let lowerFirst = isLower(first)
    guard lowerFirst || isUpper(first) else { return nil }
    // Phrases start with a word of letters: rejects `a)`, `1.1` cheaply.
    var wordEnd = 0
    while wordEnd < count {
      let byte = bytes[wordEnd]
      if byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x3A { break }
      guard isLower(byte) || isUpper(byte), wordEnd < longestFirstWord else { return nil }
      wordEnd += 1
    }
    guard isFirstWord(bytes, wordEnd, lowercasing: !lowerFirst) else { return nil }
    var bodyEnd = count
    if count < 3 || (bytes[count - 1] | bytes[count - 2] | bytes[count - 3]) < 0x80 {
      // An ASCII end, after an ASCII byte: it is the last character.
      if bytes[bodyEnd - 1] == 0x2C || bytes[bodyEnd - 1] == 0x3A { bodyEnd -= 1 }
      if bodyEnd > 0 {
        switch bytes[bodyEnd - 1] {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
          return nil
        default: break
        }
      }
    } else {
      var body = line()
      if let last = body.last, last == "," || last == ":" { body = body.dropLast() }
      if let last = body.last, last == "." || last == ";" || last == "!" || last == "?" {
        return nil
      }
      bodyEnd = body.utf8.count
    }
    let normalised = TextJoiner.normalisingWhitespace(
      bytes: UnsafeBufferPointer(rebasing: bytes[0..<bodyEnd]))
    var text = normalised
    return text.withUTF8 { heading in
      match(normalised: normalised, bytes: heading, lowerFirst: lowerFirst)
    }
  }

  /// Whether the first `length` bytes (ASCII letters) are the first word
  /// of a phrase, lower-cased first if `lowercasing`.
  private static func isFirstWord(
    _ bytes: UnsafeBufferPointer<UInt8>, _ length: Int, lowercasing: Bool
  ) -> Bool {
    guard length > 0 else { return false }
    guard length <= 16 else {
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
      return firstWords.contains(Substring(lowercasing ? word.lowercased() : word))
    }
    let packed = PackedWord(
      UnsafeBufferPointer(rebasing: bytes[0..<length]), lowercasing: lowercasing)
    return packedFirstWords[Int((bytes[0] | (lowercasing ? 0x20 : 0)) &- 0x61)].contains(packed)
  }

  /// The heading tests after the first word, on the normalised heading.
  private static func match(
    normalised: String, bytes: UnsafeBufferPointer<UInt8>, lowerFirst: Bool
  ) -> Match? {
    let count = bytes.count
    if count <= longestClosed {
      var ascii = true
      for byte in bytes where byte >= 0x80 { ascii = false }
      if ascii {
        for entry in closedByLength[count] where equalsLowercased(bytes, 0, entry.phrase) {
          return Match(heading: normalised, role: entry.role, isOpenEnded: false)
        }
      } else if let role = closedByPhrase[normalised.lowercased()] {
        return Match(heading: normalised, role: role, isOpenEnded: false)
      }
    }
    guard lowerFirst else { return nil }
    for entry in openEndedBytes {
      let length = entry.phrase.count
      guard count > length, bytes[length] == 0x20, startsWith(bytes, entry.phrase) else {
        continue
      }
      let addressee: Bool
      if bytes[length + 1] < 0x80 {
        addressee = isAddressee(UnsafeBufferPointer(rebasing: bytes[(length + 1)...])) {
          Substring(normalised).utf8Suffix(from: length + 1)
        }
      } else {
        // A non-ASCII character after the space may join it.
        // A non-ASCII character after the space may join it (phrases are
        // ASCII: as many characters as bytes).
        addressee = isAddressee(normalised.dropFirst(length + 1))
      }
      if addressee {
        return Match(heading: normalised, role: entry.role, isOpenEnded: true)
      }
    }
    return nil
  }

  @inline(__always)
  private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    guard bytes.count >= prefix.count else { return false }
    for index in prefix.indices where bytes[index] != prefix[index] { return false }
    return true
  }

  /// Whether `bytes[start...]` lower-cased (ASCII) is `word`, to its end.
  @inline(__always)
  private static func equalsLowercased(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: [UInt8]
  ) -> Bool {
    guard bytes.count - start == word.count else { return false }
    for index in word.indices {
      var byte = bytes[start + index]
      if isUpper(byte) { byte |= 0x20 }
      if byte != word[index] { return false }
    }
    return true
  }

  /// `isAddressee` on the bytes of an addressee that starts with an ASCII
  /// character; `text` makes it for the character tests when needed.
  private static func isAddressee(
    _ bytes: UnsafeBufferPointer<UInt8>, text: () -> Substring
  ) -> Bool {
    // The first word when it and the byte after it are ASCII and it does
    // not start with a space: then splitting on bytes finds the same word
    // as splitting on characters (no combining mark can join the space).
    guard let head = bytes.first, head != 0x20 else { return isAddressee(text()) }
    var end = 0
    while end < bytes.count {
      let byte = bytes[end]
      if byte >= 0x80 { return isAddressee(text()) }
      if byte == 0x20 { break }
      end += 1
    }
    if end + 1 < bytes.count, bytes[end + 1] >= 0x80 { return isAddressee(text()) }
    guard
      isUpper(head)
        || addresseeStartBytes.contains(where: {
          equalsLowercased(UnsafeBufferPointer(rebasing: bytes[0..<end]), 0, $0)
        })
    else {
      return false
    }
    return !containsWord("to", in: bytes) && !containsWord("that", in: bytes)
  }

  /// `the Secretary-General`, `Member States`: not `to take action`, not
  /// `that the …`, and no clause-like `to` after the addressee.
  private static func isAddressee(_ text: Substring) -> Bool {
    let firstWord: Substring
    let capitalised: Bool
    if let ascii = asciiFirstWord(text) {
      // The same word and test as below, on bytes.
      firstWord = ascii
      capitalised = ascii.utf8.first.map { (0x41...0x5A).contains($0) } ?? false
    } else {
      guard let word = text.split(separator: " ", maxSplits: 1).first,
        let initial = word.unicodeScalars.first
      else { return false }
      firstWord = word
      capitalised = initial.properties.isUppercase
    }
    guard capitalised || addresseeStarts.contains(Substring(firstWord.lowercased())) else {
      return false
    }
    return !containsWord("to", in: text) && !containsWord("that", in: text)
  }

  /// The text's first word when it and the byte after it are ASCII and it
  /// does not start with a space: then splitting on bytes finds the same
  /// word as splitting on characters (no combining mark can join the space).
  private static func asciiFirstWord(_ text: Substring) -> Substring? {
    let utf8 = text.utf8
    guard let head = utf8.first, head != 0x20 else { return nil }
    var index = utf8.startIndex
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte >= 0x80 { return nil }
      if byte == 0x20 { break }
      index = utf8.index(after: index)
    }
    if index != utf8.endIndex {
      let next = utf8.index(after: index)
      if next != utf8.endIndex, utf8[next] >= 0x80 { return nil }
    }
    return text[text.startIndex..<index]
  }

  /// Whether `word` stands in `text` between spaces (or at either end).
  private static func containsWord(_ word: StaticString, in text: Substring) -> Bool {
    text.withUTF8Bytes { containsWord(word, in: $0) }
  }

  /// `containsWord` on bytes: this runs for every open-ended heading
  /// candidate.
  private static func containsWord(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let target = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    var matched = 0
    var atWordStart = true
    for byte in bytes {
      if byte == 0x20 {
        if matched == target.count { return true }
        matched = 0
        atWordStart = true
        continue
      }
      if atWordStart, matched < target.count, byte == target[matched] {
        matched += 1
      } else {
        atWordStart = false
        matched = target.count + 1
      }
    }
    return matched == target.count
  }
}
