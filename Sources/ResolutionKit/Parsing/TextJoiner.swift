import Foundation

/// Joins the lines of a paragraph into its text: single spaces between
/// lines, runs of whitespace (and control characters) collapsed, words
/// hyphenated across a line break rejoined.
///
/// A line ending in a letter and `-` is a hyphenated word when the next line
/// starts with a lower-case letter (`imple-` + `mentation`); before a
/// capital or a digit the hyphen is real and kept (`Secretary-` + `General`,
/// `2012-` + `2015`). A real hyphen before a lower-case word
/// (`policy-` + `makers`) cannot be told apart and is dropped.
enum TextJoiner {
  static func join(_ lines: [Substring]) -> String {
    guard lines.count > 1 else { return lines.first.map(normalisingWhitespace) ?? "" }
    return normalisingWhitespace(joinedBytes(lines.lazy.map(\.utf8)))
  }

  /// `join` of lines given as byte ranges (`SourceLine` offsets): the
  /// paragraph's string is made once, from the bytes.
  static func join(_ lines: [Range<Int>], in source: SourceBytes) -> String {
    guard lines.count > 1 else {
      return lines.first.map { normalisingWhitespace(bytes: source[$0]) } ?? ""
    }
    return normalisingWhitespace(joinedBytes(lines.lazy.map { source[$0] }))
  }

  /// The lines' bytes, one space between lines, a hyphen across a line
  /// break dropped before a lower-case word (see the type's comment).
  private static func joinedBytes<Lines: Collection>(_ lines: Lines) -> [UInt8]
  where Lines.Element: Collection<UInt8> {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    for line in lines {
      guard let first = line.first else { continue }
      if !bytes.isEmpty {
        if bytes.count >= 2, bytes[bytes.count - 1] == UInt8(ascii: "-"),
          isLetterOrDigit(bytes[bytes.count - 2])
        {
          let before = bytes[bytes.count - 2]
          if isLowercaseStart(first) && !isDigit(before) {
            bytes.removeLast()
          }
        } else {
          bytes.append(0x20)
        }
      }
      bytes.append(contentsOf: line)
    }
    return bytes
  }

  /// `normalisingWhitespace` of the text whose UTF-8 bytes are `bytes`
  /// (whole characters).
  static func normalisingWhitespace(bytes: UnsafeBufferPointer<UInt8>) -> String {
    if isNormalised(bytes) { return String(decoding: bytes, as: UTF8.self) }
    return normalisingWhitespace(Array(bytes))
  }

  static func normalisingWhitespace(_ text: Substring) -> String {
    text.withUTF8Bytes { normalisingWhitespace(text, bytes: $0) }
  }

  /// `normalisingWhitespace` of a text whose UTF-8 bytes are `bytes`.
  static func normalisingWhitespace(_ text: Substring, bytes: UnsafeBufferPointer<UInt8>)
    -> String
  {
    if isNormalised(bytes) { return String(text) }
    return normalisingWhitespace(Array(bytes))
  }

  /// No leading, trailing or repeated space, no other whitespace or
  /// control character, no C1 control (C2 80–9F).
  static func isNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last else {
      return true
    }
    if first == 0x20 || last == 0x20 { return false }
    let count = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = 0
    // 0x80 when the byte before `index` is a space.
    var carry: UInt64 = 0
    while index + 8 <= count {
      // Eight bytes at a time while they are printable ASCII and no space
      // follows another. `outside` flags a byte below 0x20 (its high bit
      // after subtracting 0x20), above 0x7E (after adding 1) or above 0x7F;
      // it may flag too many, never too few. `spaces` is exact when
      // `outside` is clear.
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let outside = ((word &- ones &* 0x20) | (word &+ ones) | word) & high
      let blanks = word ^ (ones &* 0x20)
      let spaces = ~((blanks &+ ones &* 0x7F) | blanks) & high
      if outside | (spaces & ((spaces << 8) | carry)) == 0 {
        carry = spaces >> 56
        index += 8
        continue
      }
      for position in index..<index + 8 where !isNormalisedByte(base, position, count) {
        return false
      }
      index += 8
      carry = base[index - 1] == 0x20 ? 0x80 : 0
    }
    while index < count {
      if !isNormalisedByte(base, index, count) { return false }
      index += 1
    }
    return true
  }

  /// Whether the byte at `index` (not the first, if a space) may stand in
  /// normalised text.
  @inline(__always)
  private static func isNormalisedByte(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int)
    -> Bool
  {
    let byte = base[index]
    // Printable ASCII: by far the most common.
    if byte > 0x20 && byte < 0x7F { return true }
    if byte == 0x20 { return base[index - 1] != 0x20 }
    // C1 control characters (U+0080–U+009F) are C2 80–C2 9F.
    if byte == 0xC2 && index + 1 < count && (0x80...0x9F).contains(base[index + 1]) {
      return false
    }
    return byte >= 0x80
  }

  static func normalisingWhitespace(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingSpace = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      // C1 control characters (U+0080–U+009F) are C2 80–C2 9F.
      if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
        pendingSpace = !out.isEmpty
        index += 2
        continue
      }
      if isSpaceLike(byte) {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
      }
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether a byte of the text satisfies the predicate, scanning the
  /// contiguous bytes directly (the generic path is many times slower).
  @inline(__always)
  static func containsByte<Text: StringProtocol>(_ text: Text, where predicate: (UInt8) -> Bool)
    -> Bool
  {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) }
      ?? text.utf8.contains(where: predicate)
  }

  /// Whether the text holds the byte: `memchr` over contiguous UTF-8,
  /// many times faster than a byte loop on long paragraphs.
  static func containsByte(_ text: String, _ byte: UInt8) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    } ?? text.utf8.contains(byte)
  }

  @inline(__always) static func isSpaceLike(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }
  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  @inline(__always) static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
  }
  /// A lower-case ASCII letter, or a non-ASCII letter (treated as lower).
  @inline(__always) static func isLowercaseStart(_ byte: UInt8) -> Bool {
    (0x61...0x7A).contains(byte)
  }
}
