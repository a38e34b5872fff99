/// Byte-level helpers of the reference scanner: classes, spaces, matching.
extension ReferenceScanner {
  static let triggers: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for initial in "RrDdC".utf8 { table[Int(initial)] = true }
    for instrument in ReferenceVocabulary.instruments {
      if let first = instrument.written.utf8.first { table[Int(first)] = true }
    }
    return table
  }()

  func byte(_ index: Int) -> UInt8 {
    index >= 0 && index < bytes.count ? bytes[index] : 0
  }

  func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: scalar.value) }

  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
  /// Letters, digits and every byte of a non-ASCII character.
  static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte >= 0x80
  }
  /// Whether a word character stands at `index` (NBSP is a space).
  func wordContinues(at index: Int) -> Bool {
    Self.isWordByte(byte(index)) && !(byte(index) == 0xC2 && byte(index + 1) == 0xA0)
  }

  /// Whether a word character ends right before `index`.
  func precededByWord(_ index: Int) -> Bool {
    index > 0 && Self.isWordByte(bytes[index - 1])
      && !(bytes[index - 1] == 0xA0 && byte(index - 2) == 0xC2)
  }

  static func isHeadingWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte >= 0x80 || byte == 0x2D || byte == 0x27
  }
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Width of a space at `index`: 1 for ASCII white space, 2 for NBSP.
  func spaceWidth(at index: Int) -> Int {
    if Self.isSpace(byte(index)) { return 1 }
    return byte(index) == 0xC2 && byte(index + 1) == 0xA0 ? 2 : 0
  }

  func skipSpaces(from index: Int, limit: Int = 16) -> Int {
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

  func skipSpacesBackward(from index: Int, limit: Int) -> Int {
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

  func matches(_ word: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + word.count <= bytes.count else { return false }
    for offset in word.indices where bytes[index + offset] != word[offset] { return false }
    return true
  }

  /// End of `word` (lower case) at `index`, compared case-insensitively.
  func caseInsensitive(_ word: [UInt8], at index: Int) -> Int? {
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
  func caseInsensitiveWord(_ word: [UInt8], at index: Int) -> Int? {
    guard let end = caseInsensitive(word, at: index) else { return nil }
    let next = byte(end)
    return !Self.isLetter(next) || next | 0x20 == ascii("s") ? end : nil
  }

  /// Words as bytes, by their first byte, for allocation-free lookup.
  static func wordTable(_ words: some Sequence<String>) -> [[[UInt8]]] {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for word in words {
      if let first = word.utf8.first { table[Int(first)].append(Array(word.utf8)) }
    }
    return table
  }

  func isOneOf(_ table: [[[UInt8]]], _ range: Range<Int>) -> Bool {
    guard !range.isEmpty else { return false }
    return table[Int(bytes[range.lowerBound])].contains { equals(range, $0) }
  }

  func equals(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
    range.count == word.count && matches(word, at: range.lowerBound)
  }

  static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The text of `range` with every run of white space turned into one space.
  func normalisedString(_ range: Range<Int>) -> String {
    // Nearly always already normalised: then made straight from the bytes.
    if isNormalised(range) { return string(range) }
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

  /// Whether `normalisedString` would return `range`'s bytes unchanged:
  /// single ASCII spaces between other bytes, and no other white space (nor
  /// a 0xC2 byte, which may start a no-break space).
  func isNormalised(_ range: Range<Int>) -> Bool {
    guard !range.isEmpty, bytes[range.lowerBound] != 0x20, bytes[range.upperBound - 1] != 0x20
    else { return false }
    var previous: UInt8 = 0
    for position in range {
      let byte = bytes[position]
      if byte == 0x20 {
        if previous == 0x20 { return false }
      } else if Self.isSpace(byte) || byte == 0xC2 {
        return false
      }
      previous = byte
    }
    return true
  }
}
