/// One reference as the scanner found it: its byte span in the scanned text
/// and what it names. `ReferenceExtractor` turns it into a `Reference`.
struct ScannedReference: Hashable, Sendable {
  var kind: ReferenceKind
  var span: Range<Int>
  var number: String? = nil
  var body: String? = nil
  var symbol: String? = nil
  var revision: String? = nil
  var pinpoint: String? = nil
}

/// Finds references in one text in a single pass over its UTF-8 bytes.
///
/// Only bytes that can start a reference (`R`, `D`, `C`, an instrument's
/// initial) at a word start are looked at further, and every look-ahead or
/// look-back is bounded by a small constant (or consumes what it reads), so
/// the scan is linear in the text's length whatever the input.
struct ReferenceScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let citingBody: String?
  private var found: [ScannedReference] = []
  /// End of the last reference found: look-backs never reach before it.
  private var lastEnd = 0

  /// The references in `text`, in order. `citingBody` is the body of the
  /// document the text stands in: a bare `Resolution N` is one of its own.
  static func scan(_ text: String, citingBody: String? = nil) -> [ScannedReference] {
    var text = text
    return text.withUTF8 { buffer in
      var scanner = ReferenceScanner(bytes: buffer, citingBody: citingBody)
      scanner.run()
      return scanner.found
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, citingBody: String?) {
    self.bytes = bytes
    self.citingBody = citingBody
  }

  private mutating func run() {
    // The hot loop goes word by word: a table look-up per byte, and a
    // closer look only at the first letter of a word.
    Self.byteClasses.withUnsafeBufferPointer { classes in
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        switch classes[Int(byte)] {
        case .separator:
          index += 1
          continue
        case .leadOfNBSP where index + 1 < count && bytes[index + 1] == 0xA0:
          index += 2
          continue
        case .trigger:
          if let end = match(at: index), end > index {
            lastEnd = end
            index = end
            continue
          }
        default: break
        }
        // Skip the rest of the word.
        index += 1
        while index < count, classes[Int(bytes[index])].continuesWord { index += 1 }
      }
    }
  }

  private enum ByteClass {
    case separator
    /// Can start a reference at the start of a word.
    case trigger
    case word
    /// 0xC2: a word byte unless it starts a no-break space.
    case leadOfNBSP

    var continuesWord: Bool { self == .trigger || self == .word }
  }

  private static let byteClasses: [ByteClass] = (0..<256).map { value in
    let byte = UInt8(value)
    if byte == 0xC2 { return .leadOfNBSP }
    if triggers[value] { return .trigger }
    return isWordByte(byte) ? .word : .separator
  }

  private mutating func match(at index: Int) -> Int? {
    let lower = bytes[index] | 0x20
    if lower == ascii("r") || lower == ascii("d"), let end = matchNumbered(at: index) {
      return end
    }
    if lower == ascii("d"), let end = matchDocuments(at: index) { return end }
    if bytes[index] == ascii("C"), let symbol = symbol(at: index) {
      found.append(
        ScannedReference(kind: .document, span: index..<symbol.end, symbol: symbol.normalised))
      return symbol.end
    }
    return matchInstrument(at: index)
  }

  // MARK: Resolutions and decisions

  private static let resolutionWord = Array("resolution".utf8)
  private static let decisionWord = Array("decision".utf8)
  private static let documentWord = Array("document".utf8)
  private static let abbreviation = Array("Res.".utf8)
  private static let numberWord = Array("No.".utf8)

  /// `Resolution 1300 …`, `Res. 1300`, `Decisions 562 and 563`, with an
  /// optional body word before, bracket, `of …` phrase and pinpoints.
  private mutating func matchNumbered(at start: Int) -> Int? {
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
      found.append(
        ScannedReference(
          kind: kind,
          span: (isFirst ? before?.start ?? referenceStart : item.number.lowerBound)..<(isLast
            ? end : item.end),
          number: string(item.number),
          body: stated ?? citingBody,
          revision: item.qualifier ?? suffix?.revision,
          pinpoint: isFirst ? before?.pinpoint ?? after?.pinpoint : nil))
    }
    return end
  }

  /// End of a resolution or decision number at `index`: 1 to 5 digits that
  /// are not part of something else (`1300 delegates` has no keyword, but
  /// `Res. 2 / 21` page heads and `70/125` UN numbers must not match).
  private func numberEnd(at index: Int) -> Int? {
    var end = index
    while end < bytes.count, end - index < 6, Self.isDigit(bytes[end]) { end += 1 }
    guard end > index, end - index <= 5, !wordContinues(at: end) else { return nil }
    let next = byte(end)
    if next == ascii("/") || next == ascii("."), Self.isDigit(byte(end + 1)) { return nil }
    if next == ascii(" "), byte(end + 1) == ascii("/") { return nil }
    return end
  }

  /// `, ` ` and ` `, and ` ` or ` before the next item of a list.
  private func listSeparatorEnd(at index: Int) -> Int? {
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
  private static let andWord = Array("and".utf8)
  private static let orWord = Array("or".utf8)

  /// A bracket right after a number that dates or revises it:
  /// `(Rev. Guadalajara, 2010)`, `(Mod. 2008)`, `(C09 Modified C15)`, with
  /// the body it names, if any.
  private func qualifier(at index: Int) -> (text: String, body: String?, end: Int)? {
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
  private func qualifierBody(_ content: Range<Int>) -> String? {
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

  private func firstToken(_ content: Range<Int>) -> Range<Int> {
    var end = content.lowerBound
    while end < content.upperBound, !Self.isBracketSeparator(bytes[end]) { end += 1 }
    return content.lowerBound..<end
  }

  /// `Mod. 2008`, `Modified 2013`, `last amended C20`, or a bare year.
  private func isRevision(_ content: Range<Int>) -> Bool {
    for start in Self.revisionStarts where caseInsensitive(start, at: content.lowerBound) != nil {
      return true
    }
    return content.count == 4 && content.allSatisfy { Self.isDigit(bytes[$0]) }
  }

  private static func isBracketSeparator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A || byte == 0x2F
      || byte == 0x09 || byte == 0x0A
  }

  private static let revWord = Array("Rev".utf8)
  private static let revisionStarts = ReferenceVocabulary.revisionStarts.map { Array($0.utf8) }
  private static let revisionWords = wordTable(ReferenceVocabulary.revisionWords)
  private static let bodyWords = ReferenceVocabulary.bodyWords.map {
    (stem: Array($0.stem.utf8), body: $0.body)
  }
  private static let bracketBodyWords = ReferenceVocabulary.bracketBodyWords.map {
    (stem: Array($0.stem.utf8), body: $0.body)
  }

  /// The body a word names (see `ReferenceVocabulary.bodyWords`); in a
  /// bracket, also `Mob-87` and Council session codes.
  private func body(ofWord word: Range<Int>, inBracket: Bool) -> String? {
    var stemEnd = word.lowerBound
    while stemEnd < word.upperBound, bytes[stemEnd] != ascii("-") { stemEnd += 1 }
    let stem = word.lowerBound..<stemEnd
    for entry in Self.bodyWords where equals(stem, entry.stem) { return entry.body }
    guard inBracket else { return nil }
    for entry in Self.bracketBodyWords where equals(stem, entry.stem) { return entry.body }
    return isCouncilSession(word) ? ReferenceVocabulary.council : nil
  }

  /// `C09`, `C19`, `C2001`, `C-1985`: a Council session code.
  private func isCouncilSession(_ word: Range<Int>) -> Bool {
    guard word.count >= 3, bytes[word.lowerBound] == ascii("C") else { return false }
    var digits = word.lowerBound + 1
    if bytes[digits] == ascii("-") { digits += 1 }
    let count = word.upperBound - digits
    return (count == 2 || count == 4)
      && (digits..<word.upperBound).allSatisfy {
        Self.isDigit(bytes[$0])
      }
  }

  private static let ofWord = Array("of".utf8)
  private static let bodyPhrases = ReferenceVocabulary.bodyPhrases.map {
    (written: Array($0.written.utf8), body: $0.body)
  }

  /// `of the Council`, `of Council 2000`, `of the Plenipotentiary Conference
  /// (Antalya, 2006)` after a number.
  private func bodyPhrase(at index: Int) -> (body: String, revision: String?, end: Int)? {
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
  private func prefixBody(before start: Int) -> (start: Int, body: String)? {
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

  // MARK: Pinpoints

  private static let theWord = Array("the".utf8)

  /// `resolves 2 of `, `instructs the Secretary-General 3 of `, `paragraph
  /// 24 of the ` right before a reference.
  private func pinpointBefore(_ start: Int) -> (start: Int, pinpoint: String)? {
    let floor = max(lastEnd, start - 160)
    var position = skipSpacesBackward(from: start, limit: 2)
    guard position < start else { return nil }
    if position - 3 >= floor, matches(Self.theWord, at: position - 3) {
      let beforeThe = skipSpacesBackward(from: position - 3, limit: 2)
      if beforeThe < position - 3 { position = beforeThe }
    }
    guard position - 2 >= floor, caseInsensitiveWord(Self.ofWord, at: position - 2) != nil,
      !precededByWord(position - 2)
    else { return nil }
    let labelEnd = skipSpacesBackward(from: position - 2, limit: 2)
    guard labelEnd < position - 2, let labelStart = labelStart(endingAt: labelEnd, floor: floor)
    else { return nil }
    var wordEnd = skipSpacesBackward(from: labelStart, limit: 2)
    guard wordEnd < labelStart else { return nil }

    // A paragraph word (`paragraph`, `§`, `Article`) just before the label.
    var wordStart = wordEnd
    while wordStart > floor, wordEnd - wordStart < 12, !Self.isSpace(bytes[wordStart - 1]) {
      wordStart -= 1
    }
    if isOneOf(Self.paragraphWords, wordStart..<wordEnd) {
      return (wordStart, normalisedString(wordStart..<labelEnd))
    }
    // Else a heading: back over up to 8 words to a heading verb.
    for _ in 0..<8 {
      wordStart = wordEnd
      while wordStart > floor, Self.isHeadingWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
      guard wordStart < wordEnd else { return nil }
      if isOneOf(Self.headingVerbs, wordStart..<wordEnd) {
        return (wordStart, normalisedString(wordStart..<labelEnd))
      }
      wordEnd = skipSpacesBackward(from: wordStart, limit: 2)
      guard wordEnd < wordStart, wordEnd > floor else { return nil }
    }
    return nil
  }

  /// `, resolves 3, 4 and 5` or ` in considering a)` right after a
  /// reference: the pinpoint is the first clause; the span covers the list.
  private func pinpointAfter(_ index: Int) -> (pinpoint: String, end: Int)? {
    var position = index
    if byte(position) == ascii(",") { position += 1 }
    var wordStart = skipSpaces(from: position, limit: 2)
    guard wordStart > position else { return nil }
    // `in particular resolves 3`: a few linking words may come first.
    var wordEnd = headingWordEnd(at: wordStart)
    for _ in 0..<3 where isOneOf(Self.linkingWords, wordStart..<wordEnd) {
      let next = skipSpaces(from: wordEnd, limit: 2)
      guard next > wordEnd else { return nil }
      wordStart = next
      wordEnd = headingWordEnd(at: wordStart)
    }
    let headingStart = wordStart
    guard wordEnd > wordStart, isOneOf(Self.headingVerbs, wordStart..<wordEnd) else { return nil }
    for _ in 0..<8 {
      let next = skipSpaces(from: wordEnd, limit: 2)
      guard next > wordEnd else { return nil }
      if let labelEnd = labelEnd(at: next) {
        var end = labelEnd
        while let separator = listSeparatorEnd(at: end), let further = self.labelEnd(at: separator)
        {
          end = further
        }
        // `… resolves 3 of that resolution`: the pinpoint's own tail.
        let ofStart = skipSpaces(from: end, limit: 1)
        if ofStart > end, caseInsensitiveWord(Self.ofWord, at: ofStart) != nil {
          for tail in Self.pinpointTails {
            let tailStart = skipSpaces(from: ofStart + 2, limit: 1)
            if tailStart > ofStart + 2, matches(tail, at: tailStart),
              !wordContinues(at: tailStart + tail.count)
            {
              end = tailStart + tail.count
              break
            }
          }
        }
        return (normalisedString(headingStart..<labelEnd), end)
      }
      wordEnd = headingWordEnd(at: next)
      guard wordEnd > next else { return nil }
    }
    return nil
  }
  private static let linkingWords = wordTable(ReferenceVocabulary.linkingWords)
  private static let pinpointTails = ReferenceVocabulary.pinpointTails.map { Array($0.utf8) }
  private static let headingVerbs = wordTable(ReferenceVocabulary.headingVerbs)
  private static let paragraphWords = wordTable(ReferenceVocabulary.paragraphWords)

  /// A clause label starting at `index`: `3`, `1.1`, `a)`, `iii)`.
  private func labelEnd(at index: Int) -> Int? {
    var end = index
    if Self.isDigit(byte(end)) {
      while true {
        let componentStart = end
        while end < bytes.count, end - componentStart < 4, Self.isDigit(bytes[end]) { end += 1 }
        guard end > componentStart, end - componentStart <= 3 else { return nil }
        guard byte(end) == ascii("."), Self.isDigit(byte(end + 1)) else { break }
        end += 1
      }
      return wordContinues(at: end) ? nil : end
    }
    while end < bytes.count, end - index < 5, byte(end) &- ascii("a") < 26 { end += 1 }
    guard end > index, end - index <= 4, byte(end) == ascii(")") else { return nil }
    return end + 1
  }

  /// Start of a clause label ending at `end` (see `labelEnd(at:)`).
  private func labelStart(endingAt end: Int, floor: Int) -> Int? {
    var start = end
    while start > floor, end - start < 12,
      Self.isLetter(bytes[start - 1]) || Self.isDigit(bytes[start - 1])
        || bytes[start - 1] == ascii(".") || bytes[start - 1] == ascii(")")
    {
      start -= 1
    }
    guard start < end, !precededByWord(start) else { return nil }
    return labelEnd(at: start) == end ? start : nil
  }

  private func headingWordEnd(at index: Int) -> Int {
    var end = index
    while end < bytes.count, end - index < 40, Self.isHeadingWordByte(bytes[end]) { end += 1 }
    return end
  }

  // MARK: Documents

  /// `Document C09/120`, `Documents C09/108 (Rev.1) and C09/120`: the first
  /// reference's span includes the word, the others are their symbols.
  private mutating func matchDocuments(at start: Int) -> Int? {
    guard var keywordEnd = caseInsensitiveWord(Self.documentWord, at: start) else { return nil }
    if byte(keywordEnd) | 0x20 == ascii("s") { keywordEnd += 1 }
    guard !wordContinues(at: keywordEnd) else { return nil }
    var symbolStart = skipSpaces(from: keywordEnd)
    guard symbolStart > keywordEnd, var symbol = symbol(at: symbolStart) else { return nil }
    var spanStart = start
    while true {
      found.append(
        ScannedReference(
          kind: .document, span: spanStart..<symbol.end, symbol: symbol.normalised))
      guard let next = listSeparatorEnd(at: symbol.end), let following = self.symbol(at: next)
      else { return symbol.end }
      spanStart = next
      symbolStart = next
      symbol = following
    }
  }

  /// A Council document symbol at `index`: `C09/120`, `C2001/49(Rev.1)`,
  /// `C09/108 (Rev.1)`, `C20/57-E`; normalised without spaces.
  private func symbol(at index: Int) -> (end: Int, normalised: String)? {
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
    var normalised: [UInt8] = []
    normalised.reserveCapacity(end - index)
    for position in index..<end where bytes[position] < 0x80 && !Self.isSpace(bytes[position]) {
      normalised.append(bytes[position])
    }
    return (end, String(decoding: normalised, as: UTF8.self))
  }

  private static let symbolRevisionWords = ["rev.", "add.", "corr."].map { Array($0.utf8) }

  /// `(Rev.1)`, `(Add. 2)`, `(Corr.1)` at `index`.
  private func revisionBracketEnd(at index: Int) -> Int? {
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

  private struct Instrument {
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
  private func namesAnotherInstrument(start: Int, end: Int) -> Bool {
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
  private static let instrumentOwners = wordTable(["The", "ITU", "Union", "This", "That"])
  private static let treatyLinks = wordTable(["on", "for", "against"])

  /// Instruments by the first byte of their written name.
  private static let instrumentsByInitial: [[Instrument]] = {
    var table = [[Instrument]](repeating: [], count: 256)
    for (written, canonical) in ReferenceVocabulary.instruments {
      let exclusions = ReferenceVocabulary.instrumentExclusions[written] ?? []
      let instrument = Instrument(
        written: Array(written.utf8), canonical: canonical,
        exclusions: exclusions.map { Array($0.utf8) },
        isGeneric: ReferenceVocabulary.genericInstrumentNames.contains(written))
      if let first = instrument.written.first { table[Int(first)].append(instrument) }
    }
    return table
  }()

  private mutating func matchInstrument(at start: Int) -> Int? {
    for instrument in Self.instrumentsByInitial[Int(bytes[start])]
    where matches(instrument.written, at: start) {
      let end = start + instrument.written.count
      guard !wordContinues(at: end),
        !instrument.exclusions.contains(where: { matches($0, at: end) }),
        !(instrument.isGeneric && namesAnotherInstrument(start: start, end: end))
      else { continue }
      let before = pinpointBefore(start)
      found.append(
        ScannedReference(
          kind: .other, span: (before?.start ?? start)..<end, symbol: instrument.canonical,
          pinpoint: before?.pinpoint))
      return end
    }
    return nil
  }

  // MARK: Bytes

  private static let triggers: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for initial in "RrDdC".utf8 { table[Int(initial)] = true }
    for instrument in ReferenceVocabulary.instruments {
      if let first = instrument.written.utf8.first { table[Int(first)] = true }
    }
    return table
  }()

  private func byte(_ index: Int) -> UInt8 {
    index >= 0 && index < bytes.count ? bytes[index] : 0
  }

  private func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: scalar.value) }

  private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
  /// Letters, digits and every byte of a non-ASCII character.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte >= 0x80
  }
  /// Whether a word character stands at `index` (NBSP is a space).
  private func wordContinues(at index: Int) -> Bool {
    Self.isWordByte(byte(index)) && !(byte(index) == 0xC2 && byte(index + 1) == 0xA0)
  }

  /// Whether a word character ends right before `index`.
  private func precededByWord(_ index: Int) -> Bool {
    index > 0 && Self.isWordByte(bytes[index - 1])
      && !(bytes[index - 1] == 0xA0 && byte(index - 2) == 0xC2)
  }

  private static func isHeadingWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte >= 0x80 || byte == 0x2D || byte == 0x27
  }
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Width of a space at `index`: 1 for ASCII white space, 2 for NBSP.
  private func spaceWidth(at index: Int) -> Int {
    if Self.isSpace(byte(index)) { return 1 }
    return byte(index) == 0xC2 && byte(index + 1) == 0xA0 ? 2 : 0
  }

  private func skipSpaces(from index: Int, limit: Int = 16) -> Int {
    var position = index
    var skipped = 0
    while skipped < limit {
      let width = spaceWidth(at: position)
      guard width > 0 else { break }
      position += width
      skipped += 1
    }
    return position
  }

  private func skipSpacesBackward(from index: Int, limit: Int) -> Int {
    var position = index
    var skipped = 0
    while skipped < limit, position > lastEnd {
      if Self.isSpace(byte(position - 1)) {
        position -= 1
      } else if position - 2 >= lastEnd, byte(position - 2) == 0xC2, byte(position - 1) == 0xA0 {
        position -= 2
      } else {
        break
      }
      skipped += 1
    }
    return position
  }

  private func matches(_ word: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + word.count <= bytes.count else { return false }
    for offset in word.indices where bytes[index + offset] != word[offset] { return false }
    return true
  }

  /// End of `word` (lower case) at `index`, compared case-insensitively.
  private func caseInsensitive(_ word: [UInt8], at index: Int) -> Int? {
    guard index >= 0, index + word.count <= bytes.count else { return nil }
    for offset in word.indices {
      let byte = bytes[index + offset]
      let folded = Self.isLetter(byte) ? byte | 0x20 : byte
      if folded != word[offset] { return nil }
    }
    return index + word.count
  }

  /// Like `caseInsensitive` but the match must not run on into a letter
  /// (an `s` is allowed: the callers look for plurals).
  private func caseInsensitiveWord(_ word: [UInt8], at index: Int) -> Int? {
    guard let end = caseInsensitive(word, at: index) else { return nil }
    let next = byte(end)
    return !Self.isLetter(next) || next | 0x20 == ascii("s") ? end : nil
  }

  /// Words as bytes, by their first byte, for allocation-free lookup.
  private static func wordTable(_ words: some Sequence<String>) -> [[[UInt8]]] {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for word in words {
      if let first = word.utf8.first { table[Int(first)].append(Array(word.utf8)) }
    }
    return table
  }

  private func isOneOf(_ table: [[[UInt8]]], _ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    return table[Int(bytes[range.lowerBound])].contains { equals(range, $0) }
  }

  private func equals(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
    range.count == word.count && matches(word, at: range.lowerBound)
  }

  private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The text of `range` with every run of white space turned into one space.
  private func normalisedString(_ range: Range<Int>) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(range.count)
    var position = range.lowerBound
    while position < range.upperBound {
      let width = spaceWidth(at: position)
      if width > 0 {
        if result.last != 0x20 { result.append(0x20) }
        position += width
      } else {
        result.append(bytes[position])
        position += 1
      }
    }
    while result.last == 0x20 { result.removeLast() }
    while result.first == 0x20 { result.removeFirst() }
    return String(decoding: result, as: UTF8.self)
  }
}
