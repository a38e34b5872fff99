import Foundation

/// Splits text into search terms: maximal runs of letters, digits and
/// combining marks, folded for case, diacritics and compatibility forms
/// (`Résolution` → `resolution`, `ﬁ` → `fi`).
///
/// Everything else separates words, so `Secretary-General` gives
/// `secretary`, `general` at consecutive positions, `C09/108` gives `c09`,
/// `108`, and `2012-2015` gives `2012`, `2015`; the query side turns such a
/// chunk into a phrase of its parts, which finds the hyphenated and the
/// spaced forms alike. A soft hyphen (U+00AD) inside a word is dropped.
///
/// ASCII words take a byte-level fast path; only words with non-ASCII
/// scalars go through Foundation's folding, and those results are cached.
struct SearchTokenizer {
  /// Longest term kept, in UTF-8 bytes; longer runs are cut (they are noise).
  static let maximumTermLength = 64

  private var foldCache: [String: String] = [:]
  init() {}

  /// Calls `body` with each term and its UTF-8 byte range in `text`, in order.
  mutating func forEachToken(in text: String, _ body: (String, Range<Int>) -> Void) {
    forEachTermBytes(in: text) { bytes, range in body(String(decoding: bytes, as: UTF8.self), range)
    }
  }

  /// Like `forEachToken`, but hands over the term's UTF-8 bytes (valid only
  /// during the call), so the index build makes no String per word. At
  /// least `termPadding` readable bytes follow the term's, so a reader may
  /// load whole eight-byte words (`TermInterner` does).
  mutating func forEachTermBytes(
    in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    var text = text
    text.withUTF8 { bytes in scan(bytes, body) }
  }

  /// `forEachTermBytes` over UTF-8 read in place (`Clause.withTextBytes`).
  mutating func forEachTermBytes(
    inUTF8 text: UnsafeBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    scan(text, body)
  }

  /// The terms of `text`, in order.
  mutating func terms(of text: String) -> [String] {
    var result: [String] = []
    forEachToken(in: text) { term, _ in result.append(term) }
    return result
  }

  /// Bytes of one word kept for folding; longer words are cut (noise).
  private static let scratchCapacity = 256

  /// Readable bytes after every term handed to `forEachTermBytes`.
  static let termPadding = 8

  /// Whether `scan` reads eight ASCII bytes at a time; tests turn it off
  /// to check both paths give the same terms.
  var readsWords = true

  private mutating func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    // Eight bytes of slack: the word-at-a-time path stores whole words, and
    // terms are handed over with `termPadding` bytes after them.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchCapacity + Self.termPadding)
    { scratch in
      guard let base = bytes.baseAddress, let out = scratch.baseAddress else { return }
      let count = bytes.count
      let readsWords = self.readsWords
      var index = 0
      while index < count {
        let byte = base[index]
        if byte < 0x80 {
          guard Self.isASCIIWordByte(byte) else {
            index += 1
            continue
          }
        } else {
          let (scalar, length) = Self.decode(bytes, at: index)
          guard Self.isWordScalar(scalar) else {
            index += length
            continue
          }
        }
        let start = index
        var isASCII = true
        var used = 0
        while index < count {
          if readsWords, index + 8 <= count, used + 8 <= Self.scratchCapacity {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let (wordBytes, lowered) = Self.asciiWordBytes(word)
            UnsafeMutableRawPointer(out + used).storeBytes(of: lowered, as: UInt64.self)
            // Word bytes before the first other byte (little-endian lanes).
            let run = (~wordBytes & Self.highBits).trailingZeroBitCount >> 3
            used += run
            index += run
            if run == 8 { continue }
          }
          let byte = base[index]
          if byte < 0x80 {
            guard Self.isASCIIWordByte(byte) else { break }
            if used < Self.scratchCapacity {
              out[used] = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
              used += 1
            }
            index += 1
          } else {
            let (scalar, length) = Self.decode(bytes, at: index)
            if Self.isWordScalar(scalar) {
              isASCII = false
              if used + length <= Self.scratchCapacity {
                for offset in 0..<length { out[used + offset] = base[index + offset] }
                used += length
              }
            } else if scalar.value != 0xAD {
              break
            }
            index += length
          }
        }
        if isASCII {
          let length = min(used, Self.maximumTermLength)
          body(UnsafeBufferPointer(start: out, count: length), start..<index)
        } else {
          var term = foldedTerm(UnsafeBufferPointer(start: out, count: used))
          // Handed over from the scratch, like ASCII terms, for the padding
          // after it (the raw word there is no longer needed).
          term.withUTF8 { folded in
            guard !folded.isEmpty else { return }
            if folded.count <= Self.scratchCapacity {
              _ = UnsafeMutableBufferPointer(start: out, count: folded.count).initialize(
                from: folded)
              body(UnsafeBufferPointer(start: out, count: folded.count), start..<index)
            } else {
              let padded = Array(folded) + Array(repeating: 0, count: Self.termPadding)
              padded.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0.prefix(folded.count)), start..<index)
              }
            }
          }
        }
      }
    }
  }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// For eight bytes: the high bit set in each lane holding an ASCII letter
  /// or digit, and the bytes with ASCII capitals lowered. Lanes are summed
  /// on their low seven bits, so no carry crosses into the next lane.
  @inline(__always)
  static func asciiWordBytes(_ word: UInt64) -> (wordBytes: UInt64, lowered: UInt64) {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low = word & ~highBits
    /// High bit set in lanes whose low seven bits lie in `first...last`.
    func inRange(_ value: UInt64, _ first: UInt64, _ last: UInt64) -> UInt64 {
      (value &+ ones &* (0x80 - first)) & ~(value &+ ones &* (0x7F - last)) & highBits
    }
    let digits = inRange(low, 0x30, 0x39)
    let letters = inRange(low | ones &* 0x20, 0x61, 0x7A)
    let capitals = inRange(low, 0x41, 0x5A)
    return ((digits | letters) & ~word, word | capitals >> 2)
  }

  private mutating func foldedTerm(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let raw = String(decoding: bytes, as: UTF8.self)
    if let cached = foldCache[raw] { return cached }
    let folded = Self.fold(raw)
    if foldCache.count < 100_000 { foldCache[raw] = folded }
    return folded
  }

  /// Case, diacritic and compatibility folding of one word, NFC, with any
  /// scalar that is not a word scalar left over by folding removed.
  static func fold(_ word: String) -> String {
    let folded = word.decomposedStringWithCompatibilityMapping
      .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .lowercased()
    var scalars = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars
    where scalar.isASCII ? isASCIIWordByte(UInt8(scalar.value)) : isWordScalar(scalar) {
      scalars.append(scalar)
    }
    let result = String(scalars).precomposedStringWithCanonicalMapping
    guard result.utf8.count > maximumTermLength else { return result }
    return String(result.prefix(maximumTermLength / 2))
  }

  @inline(__always)
  static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIIWordByte(UInt8(scalar.value)) }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Decodes the scalar starting at `index` (valid UTF-8, as Swift strings
  /// are); returns U+FFFD and length 1 for anything malformed.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC0...0xDF:
      length = 2
      value = lead & 0x1F
    case 0xE0...0xEF:
      length = 3
      value = lead & 0x0F
    case 0xF0...0xF7:
      length = 4
      value = lead & 0x07
    default:
      return ("\u{FFFD}", 1)
    }
    guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
    for offset in 1..<length {
      value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }
}

/// Words too common to narrow a search; dropped from a query's plain words
/// (kept inside phrases and filters).
enum StopWords {
  static let all: Set<String> = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with",
  ]
}
