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

  private static let longestFirstWord = firstWords.map(\.utf8.count).max() ?? 0

  /// First words of all phrases: a cheap test that rejects most lines.
  private static let firstWords: Set<Substring> = Set(
    (closed.map(\.phrase) + openEnded.map(\.phrase)).compactMap {
      $0.split(separator: " ").first
    })

  struct Match {
    /// The heading as written, whitespace-normalised, without a trailing
    /// comma or colon.
    var heading: String
    var role: SectionRole
    /// An open-ended heading may continue on the next line when wrapped.
    var isOpenEnded: Bool
  }

  /// Whether the (trimmed) line is a heading, and which.
  static func match(_ line: Substring) -> Match? {
    guard line.utf8.count <= maximumLength, let first = line.utf8.first else { return nil }
    guard (0x61...0x7A).contains(first) || (0x41...0x5A).contains(first) else { return nil }
    let wordEnd =
      line.utf8.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C || $0 == 0x3A } ?? line.endIndex
    let firstWord = line[..<wordEnd]
    // Phrases start with a word of letters: rejects `a)`, `1.1` cheaply.
    guard firstWord.utf8.count <= longestFirstWord,
      firstWord.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) })
    else { return nil }
    if (0x61...0x7A).contains(first) {
      guard firstWords.contains(firstWord) else { return nil }
    } else {
      guard firstWords.contains(Substring(firstWord.lowercased())) else { return nil }
    }
    var body = line
    if let last = body.last, last == "," || last == ":" { body = body.dropLast() }
    if let last = body.last, last == "." || last == ";" || last == "!" || last == "?" {
      return nil
    }
    let normalised = TextJoiner.normalisingWhitespace(body)
    if normalised.utf8.count <= longestClosed,
      let role = closedByPhrase[normalised.lowercased()]
    {
      return Match(heading: normalised, role: role, isOpenEnded: false)
    }
    guard (0x61...0x7A).contains(first) else { return nil }
    for entry in openEnded {
      guard normalised.utf8.count > entry.phrase.utf8.count,
        normalised.utf8.starts(with: entry.phrase.utf8),
        normalised.utf8.dropFirst(entry.phrase.utf8.count).first == 0x20
      else { continue }
      let addressee = normalised.dropFirst(entry.phrase.count + 1)
      if isAddressee(addressee) {
        return Match(heading: normalised, role: entry.role, isOpenEnded: true)
      }
    }
    return nil
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

  /// Whether `word` stands in `text` between spaces (or at either end);
  /// a byte scan, as this runs for every open-ended heading candidate.
  private static func containsWord(_ word: StaticString, in text: Substring) -> Bool {
    let target = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    var matched = 0
    var atWordStart = true
    for byte in text.utf8 {
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
