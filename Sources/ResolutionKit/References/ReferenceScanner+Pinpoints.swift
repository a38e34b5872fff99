/// Clause and paragraph pinpoints written next to a reference.
extension ReferenceScanner {
  static let theWord = Array("the".utf8)

  /// `resolves 2 of `, `instructs the Secretary-General 3 of `, `paragraph
  /// 24 of the ` right before a reference.
  func pinpointBefore(_ start: Int) -> (start: Int, pinpoint: String)? {
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
  func pinpointAfter(_ index: Int) -> (pinpoint: String, end: Int)? {
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
  static let linkingWords = wordTable(ReferenceVocabulary.linkingWords)
  static let pinpointTails = ReferenceVocabulary.pinpointTails.map { Array($0.utf8) }
  static let headingVerbs = wordTable(ReferenceVocabulary.headingVerbs)
  static let paragraphWords = wordTable(ReferenceVocabulary.paragraphWords)

  /// A clause label starting at `index`: `3`, `1.1`, `a)`, `iii)`.
  func labelEnd(at index: Int) -> Int? {
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
  func labelStart(endingAt end: Int, floor: Int) -> Int? {
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

  func headingWordEnd(at index: Int) -> Int {
    var end = index
    while end < bytes.count, end - index < 40, Self.isHeadingWordByte(bytes[end]) { end += 1 }
    return end
  }
}
