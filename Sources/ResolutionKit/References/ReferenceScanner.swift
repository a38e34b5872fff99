/// Finds references in one text in a single pass over its UTF-8 bytes.
///
/// Only bytes that can start a reference (`R`, `D`, `C`, an instrument's
/// initial) at a word start are looked at further, and every look-ahead or
/// look-back is bounded by a small constant (or consumes what it reads), so
/// the scan is linear in the text's length whatever the input.
///
/// Each reference is made where it is found and appended to the caller's
/// array: no intermediate list, and no copy of the text's bytes.
struct ReferenceScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let citingBody: String?
  /// Where the text stands, stamped on every reference.
  let field: ReferenceField
  /// Numbered once per text, not once per reference.
  let path: InternedText
  let footnote: Int?
  /// `instrumentTable`, read once per text rather than once per word.
  let instruments: InstrumentTable
  /// The caller's references, moved in for the scan and back out after.
  var found: [Reference] = []
  /// End of the last reference found: look-backs never reach before it.
  var lastEnd = 0

  /// Appends the references in `text`, in order, to `references`.
  /// `citingBody` is the body of the document the text stands in: a bare
  /// `Resolution N` is one of its own.
  /// `wordByWord` forces the plain loop (tests compare it with the
  /// chunked one).
  /// `path` is numbered once, by the caller.
  static func scan(
    _ text: String, citingBody: String?, field: ReferenceField, path: InternedText,
    footnote: Int?, into references: inout [Reference], wordByWord: Bool = false
  ) {
    var text = text
    text.withUTF8 { buffer in
      scan(
        utf8: buffer, citingBody: citingBody, field: field, path: path, footnote: footnote,
        into: &references, wordByWord: wordByWord)
    }
  }

  /// `scan` over UTF-8 read in place (`Clause.withTextBytes`).
  static func scan(
    utf8 buffer: UnsafeBufferPointer<UInt8>, citingBody: String?, field: ReferenceField,
    path: InternedText, footnote: Int?, into references: inout [Reference],
    wordByWord: Bool = false
  ) {
    var scanner = ReferenceScanner(
      bytes: buffer, citingBody: citingBody, field: field, path: path, footnote: footnote)
    swap(&scanner.found, &references)
    if wordByWord || !triggersFitChunks {
      scanner.runWordByWord()
    } else {
      scanner.runByChunks()
    }
    swap(&scanner.found, &references)
  }

  private init(
    bytes: UnsafeBufferPointer<UInt8>, citingBody: String?, field: ReferenceField,
    path: InternedText, footnote: Int?
  ) {
    self.bytes = bytes
    self.citingBody = citingBody
    self.field = field
    self.path = path
    self.footnote = footnote
    self.instruments = Self.instrumentTable
  }

  /// Appends one reference; its text is the span's bytes.
  mutating func record(
    _ kind: ReferenceKind, span: Range<Int>, number: String? = nil, body: String? = nil,
    symbol: String? = nil, revision: String? = nil, pinpoint: String? = nil
  ) {
    found.append(
      Reference(
        kind: kind, text: InternedText(utf8: UnsafeBufferPointer(rebasing: bytes[span])),
        number: number, body: body, symbol: symbol,
        revision: revision, pinpoint: pinpoint, field: field, path: path, footnote: footnote,
        span: span))
  }

  /// Word by word: a table look-up per byte, and a closer look only at
  /// the first letter of a word. `runByChunks` looks at the same bytes
  /// faster; this is the definition it follows. Tests on the class's
  /// raw value, most frequent first (a `switch` here compiled to an
  /// indirect jump per word).
  mutating func runWordByWord() {
    Self.byteClasses.withUnsafeBufferPointer { classes in
      let count = bytes.count
      var index = 0
      while index < count {
        let byteClass = classes[Int(bytes[index])]
        if byteClass == ByteClass.separator.rawValue {
          index += 1
          continue
        }
        if byteClass == ByteClass.trigger.rawValue {
          if let end = match(at: index), end > index {
            lastEnd = end
            index = end
            continue
          }
        } else if byteClass == ByteClass.leadOfNBSP.rawValue, index + 1 < count,
          bytes[index + 1] == 0xA0
        {
          index += 2
          continue
        }
        // Skip the rest of the word.
        index += 1
        while index < count, classes[Int(bytes[index])] >= ByteClass.word.rawValue { index += 1 }
      }
    }
  }

  enum ByteClass: UInt8 {
    case separator = 0
    /// 0xC2: a word byte unless it starts a no-break space.
    case leadOfNBSP = 1
    /// Continues a word (this and the next).
    case word = 2
    /// Can start a reference at the start of a word.
    case trigger = 3
  }

  /// Raw values of `ByteClass`, per byte.
  static let byteClasses: [UInt8] = (0..<256).map { value in
    let byte = UInt8(value)
    if byte == 0xC2 { return ByteClass.leadOfNBSP.rawValue }
    if triggers[value] { return ByteClass.trigger.rawValue }
    return isWordByte(byte) ? ByteClass.word.rawValue : ByteClass.separator.rawValue
  }

  mutating func match(at index: Int) -> Int? {
    // Most words that start like a reference are not one: the keywords'
    // first three letters (`res`, `dec`, `doc`, any case) and a symbol's
    // second byte (a digit or `-`) turn them away before a full match.
    let lower = bytes[index] | 0x20
    if lower == ascii("r") || lower == ascii("d") {
      let second = byte(index + 1) | 0x20
      let third = byte(index + 2) | 0x20
      if second == ascii("e"),
        third == (lower == ascii("r") ? ascii("s") : ascii("c")),
        let end = matchNumbered(at: index)
      {
        return end
      }
      if lower == ascii("d"), second == ascii("o"), third == ascii("c"),
        let end = matchDocuments(at: index)
      {
        return end
      }
    } else if bytes[index] == ascii("C"),
      Self.isDigit(byte(index + 1)) || byte(index + 1) == ascii("-"),
      let symbol = symbol(at: index)
    {
      record(.document, span: index..<symbol.end, symbol: symbol.normalised)
      return symbol.end
    }
    return matchInstrument(at: index)
  }

  // MARK: Resolutions and decisions

  static let resolutionWord = Array("resolution".utf8)
  static let decisionWord = Array("decision".utf8)
  static let documentWord = Array("document".utf8)
  static let abbreviation = Array("Res.".utf8)
  static let numberWord = Array("No.".utf8)

  /// `Resolution 1300 …`, `Res. 1300`, `Decisions 562 and 563`, with an
  /// optional body word before, bracket, `of …` phrase and pinpoints.
  mutating func matchNumbered(at start: Int) -> Int? {
    var kind = ReferenceKind.resolution
    var keywordEnd: Int
    var plural = false
    var abbreviated = false
    if let end = caseInsensitiveWord(Self.resolutionWord, at: start) {
      keywordEnd = end
    } else if let end = caseInsensitiveWord(Self.decisionWord, at: start) {
      kind = .decision
      keywordEnd = end
    } else if matches(Self.abbreviation, at: start) {
      keywordEnd = start + Self.abbreviation.count
      abbreviated = true
    } else {
      return nil
    }
    if !abbreviated {
      if byte(keywordEnd) | 0x20 == ascii("s") {
        plural = true
        keywordEnd += 1
      }
      guard !wordContinues(at: keywordEnd) else { return nil }
    }
    var numberStart = skipSpaces(from: keywordEnd)
    guard numberStart > keywordEnd || abbreviated else { return nil }
    // `Resolution No. 5`
    if matches(Self.numberWord, at: numberStart) {
      let afterWord = skipSpaces(from: numberStart + Self.numberWord.count, limit: 2)
      if afterWord > numberStart + Self.numberWord.count { numberStart = afterWord }
    }
    guard
      var numberEnd = numberEnd(at: numberStart)
    else { return nil }

    struct Item {
      var number: Range<Int>
      var qualifier: String?
      var qualifierBody: String?
      var end: Int
    }
    var items: [Item] = []
    while true {
      var item = Item(
        number: numberStart..<numberEnd, qualifier: nil, qualifierBody: nil, end: numberEnd)
      if let bracket = qualifier(at: numberEnd) {
        item.qualifier = bracket.text
        item.qualifierBody = bracket.body
        item.end = bracket.end
      }
      items.append(item)
      guard plural, let next = listSeparatorEnd(at: item.end), let end = self.numberEnd(at: next)
      else { break }
      numberStart = next
      numberEnd = end
    }
    guard let lastItem = items.last else { return nil }

    let prefix = prefixBody(before: start)
    let referenceStart = prefix?.start ?? start
    let suffix = bodyPhrase(at: lastItem.end)
    let afterSuffix = suffix?.end ?? lastItem.end
    let before = pinpointBefore(referenceStart)
    let after = before == nil && items.count == 1 ? pinpointAfter(afterSuffix) : nil
    let end = after?.end ?? afterSuffix

    for (position, item) in items.enumerated() {
      let isFirst = position == 0
      let isLast = position == items.count - 1
      let stated = prefix?.body ?? suffix?.body ?? item.qualifierBody
      record(
        kind,
        span: (isFirst ? before?.start ?? referenceStart : item.number.lowerBound)..<(isLast
          ? end : item.end),
        number: string(item.number),
        body: stated ?? citingBody,
        revision: item.qualifier ?? suffix?.revision,
        pinpoint: isFirst ? before?.pinpoint ?? after?.pinpoint : nil)
    }
    return end
  }

  /// End of a resolution or decision number at `index`: 1 to 5 digits that
  /// are not part of something else (`1300 delegates` has no keyword, but
  /// `Res. 2 / 21` page heads and `70/125` UN numbers must not match).
  func numberEnd(at index: Int) -> Int? {
    var end = index
    while end < bytes.count, end - index < 6, Self.isDigit(bytes[end]) { end += 1 }
    guard end > index, end - index <= 5, !wordContinues(at: end) else { return nil }
    let next = byte(end)
    if next == ascii("/") || next == ascii("."), Self.isDigit(byte(end + 1)) { return nil }
    if next == ascii(" "), byte(end + 1) == ascii("/") { return nil }
    return end
  }

  /// `, ` ` and ` `, and ` ` or ` before the next item of a list.
  func listSeparatorEnd(at index: Int) -> Int? {
    var position = index
    if byte(position) == ascii(",") { position += 1 }
    let afterSpace = skipSpaces(from: position)
    if afterSpace > position {
      for word in [Self.andWord, Self.orWord] where matches(word, at: afterSpace) {
        let afterWord = skipSpaces(from: afterSpace + word.count)
        if afterWord > afterSpace + word.count { return afterWord }
      }
    }
    return position > index && afterSpace > position ? afterSpace : nil
  }
  static let andWord = Array("and".utf8)
  static let orWord = Array("or".utf8)

  /// A bracket right after a number that dates or revises it:
  /// `(Rev. Guadalajara, 2010)`, `(Mod. 2008)`, `(C09 Modified C15)`, with
  /// the body it names, if any.
  func qualifier(at index: Int) -> (text: String, body: String?, end: Int)? {
    let open = skipSpaces(from: index, limit: 1)
    guard byte(open) == ascii("(") else { return nil }
    var close = open + 1
    let limit = min(bytes.count, open + 82)
    while close < limit, bytes[close] != ascii(")") {
      if bytes[close] == ascii("(") || bytes[close] == ascii("\n") { return nil }
      close += 1
    }
    guard close < limit, close > open + 1 else { return nil }
    let content = open + 1..<close
    let body = qualifierBody(content)
    guard body != nil || isRevision(content) else { return nil }
    return (normalisedString(content), body, close + 1)
  }

  /// The body a bracket names: a body word (`WTDC, Kigali, 2022`,
  /// `Rev.WRC-15`, `Mob-87`), a Council session (`C09 Modified C15`), or a
  /// place and year (`Rev. Guadalajara, 2010`: a Plenipotentiary Conference).
  func qualifierBody(_ content: Range<Int>) -> String? {
    var tokenStart = content.lowerBound
    var tokens = 0
    var isCityAndYear = true
    var lastIsYear = false
    while tokenStart < content.upperBound {
      var tokenEnd = tokenStart
      while tokenEnd < content.upperBound, !Self.isBracketSeparator(bytes[tokenEnd]) {
        tokenEnd += 1
      }
      let token = tokenStart..<tokenEnd
      tokenStart = tokenEnd + 1
      guard !token.isEmpty else { continue }
      if let body = body(ofWord: token, inBracket: true) { return body }
      tokens += 1
      // Words before the year: `Rev` first, then capitalised place words.
      if lastIsYear { isCityAndYear = false }
      lastIsYear = token.count == 4 && token.allSatisfy { Self.isDigit(bytes[$0]) }
      let isPlaceWord =
        Self.isUpper(bytes[token.lowerBound]) && !isOneOf(Self.revisionWords, token)
        && token.allSatisfy { Self.isHeadingWordByte(bytes[$0]) }
      if !lastIsYear, !isPlaceWord, !(tokens == 1 && equals(token, Self.revWord)) {
        isCityAndYear = false
      }
    }
    let placeWords = tokens - 1 - (equals(firstToken(content), Self.revWord) ? 1 : 0)
    return isCityAndYear && lastIsYear && placeWords >= 1
      ? ReferenceVocabulary.plenipotentiary : nil
  }

  func firstToken(_ content: Range<Int>) -> Range<Int> {
    var end = content.lowerBound
    while end < content.upperBound, !Self.isBracketSeparator(bytes[end]) { end += 1 }
    return content.lowerBound..<end
  }

  /// `Mod. 2008`, `Modified 2013`, `last amended C20`, or a bare year.
  func isRevision(_ content: Range<Int>) -> Bool {
    for start in Self.revisionStarts where caseInsensitive(start, at: content.lowerBound) != nil {
      return true
    }
    return content.count == 4 && content.allSatisfy { Self.isDigit(bytes[$0]) }
  }

  static func isBracketSeparator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A || byte == 0x2F
      || byte == 0x09 || byte == 0x0A
  }

  static let revWord = Array("Rev".utf8)
  static let revisionStarts = ReferenceVocabulary.revisionStarts.map { Array($0.utf8) }
  static let revisionWords = wordTable(ReferenceVocabulary.revisionWords)
  static let bodyWords = ReferenceVocabulary.bodyWords.map {
    (stem: Array($0.stem.utf8), body: $0.body)
  }
  static let bracketBodyWords = ReferenceVocabulary.bracketBodyWords.map {
    (stem: Array($0.stem.utf8), body: $0.body)
  }

  /// The body a word names (see `ReferenceVocabulary.bodyWords`); in a
  /// bracket, also `Mob-87` and Council session codes.
  func body(ofWord word: Range<Int>, inBracket: Bool) -> String? {
    var stemEnd = word.lowerBound
    while stemEnd < word.upperBound, bytes[stemEnd] != ascii("-") { stemEnd += 1 }
    let stem = word.lowerBound..<stemEnd
    for entry in Self.bodyWords where equals(stem, entry.stem) { return entry.body }
    guard inBracket else { return nil }
    for entry in Self.bracketBodyWords where equals(stem, entry.stem) { return entry.body }
    return isCouncilSession(word) ? ReferenceVocabulary.council : nil
  }

  /// `C09`, `C19`, `C2001`, `C-1985`: a Council session code.
  func isCouncilSession(_ word: Range<Int>) -> Bool {
    guard word.count >= 3, bytes[word.lowerBound] == ascii("C") else { return false }
    var digits = word.lowerBound + 1
    if bytes[digits] == ascii("-") { digits += 1 }
    let count = word.upperBound - digits
    return (count == 2 || count == 4)
      && (digits..<word.upperBound).allSatisfy {
        Self.isDigit(bytes[$0])
      }
  }

  static let ofWord = Array("of".utf8)
  static let bodyPhrases = ReferenceVocabulary.bodyPhrases.map {
    (written: Array($0.written.utf8), body: $0.body)
  }

  /// `of the Council`, `of Council 2000`, `of the Plenipotentiary Conference
  /// (Antalya, 2006)` after a number.
  func bodyPhrase(at index: Int) -> (body: String, revision: String?, end: Int)? {
    let ofStart = skipSpaces(from: index, limit: 2)
    guard ofStart > index, caseInsensitiveWord(Self.ofWord, at: ofStart) != nil else { return nil }
    let phraseStart = skipSpaces(from: ofStart + 2, limit: 2)
    guard phraseStart > ofStart + 2 else { return nil }
    for phrase in Self.bodyPhrases where matches(phrase.written, at: phraseStart) {
      var end = phraseStart + phrase.written.count
      guard !wordContinues(at: end) else { continue }
      var revision: String?
      if phrase.written.first == ascii("C") {
        // `of Council 2000`, `of Council C09`: the session is the revision.
        let sessionStart = skipSpaces(from: end, limit: 1)
        var sessionEnd = sessionStart
        while sessionEnd < bytes.count, sessionEnd - sessionStart < 6,
          wordContinues(at: sessionEnd) || bytes[sessionEnd] == ascii("-")
        {
          sessionEnd += 1
        }
        let session = sessionStart..<sessionEnd
        if sessionStart > end, !wordContinues(at: sessionEnd),
          session.count == 4 && session.allSatisfy({ Self.isDigit(bytes[$0]) })
            || isCouncilSession(session)
        {
          revision = normalisedString(phraseStart..<sessionEnd)
          end = sessionEnd
        }
      }
      if let bracket = qualifier(at: end) {
        revision = bracket.text
        end = bracket.end
      }
      return (phrase.body, revision, end)
    }
    return nil
  }

  /// The word right before a keyword that names the body:
  /// `Council Resolution 1282`, `WTSA Resolution 75`.
  func prefixBody(before start: Int) -> (start: Int, body: String)? {
    let wordEnd = skipSpacesBackward(from: start, limit: 1)
    guard wordEnd < start else { return nil }
    var wordStart = wordEnd
    while wordStart > lastEnd, wordEnd - wordStart < 24,
      precededByWord(wordStart) || bytes[wordStart - 1] == ascii("-")
    {
      wordStart -= 1
    }
    guard wordStart < wordEnd, !precededByWord(wordStart),
      let body = body(ofWord: wordStart..<wordEnd, inBracket: false)
    else { return nil }
    return (wordStart, body)
  }
}
