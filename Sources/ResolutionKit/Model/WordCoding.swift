/// The coded form of clause text: each word (a run of ASCII letters) is
/// its number in a `WordCodebook`, other bytes stay as they are.
///
/// A coded text is a sequence of:
/// - `00`–`7F`: that ASCII byte;
/// - `80`–`BF`: word 0–63;
/// - `C0`–`EF` and a byte: the next 12,288 words;
/// - `F0`–`FB` and two bytes: the next 786,432;
/// - `FC` and three bytes: any word, by its number;
/// - `FD`, a count (1–255), and that many bytes as they are: what is not
///   ASCII (accents, other scripts) with the spaces and signs between.
///
/// Between two word codes stands one space, not written: text is mostly
/// words with a space after each. A coded text is never longer than
/// twice its text (`maximumCodedCount`); English text takes about a
/// quarter. A text is decoded from its first byte until its length (kept
/// by the clause) is reached.
enum WordCoding {
  private static let firstShortWord: UInt8 = 0x80
  private static let firstMediumWord: UInt8 = 0xC0
  private static let firstLongWord: UInt8 = 0xF0
  private static let anyWord: UInt8 = 0xFC
  private static let verbatim: UInt8 = 0xFD

  private static let shortWords = 64
  private static let mediumWords = shortWords + (48 << 8)
  private static let longWords = mediumWords + (12 << 16)

  /// Room enough for the coded form of `count` bytes of text.
  static func maximumCodedCount(of count: Int) -> Int { 2 * count + 8 }

  @inline(__always)
  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of each byte of `word` (eight bytes, little-endian) that
  /// is an ASCII letter. Lanes are summed on their low seven bits, so no
  /// carry crosses into the next lane.
  @inline(__always)
  private static func letterLanes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let lowered = word & ~highBits | ones &* 0x20
    let atLeastA = lowered &+ ones &* (0x80 - 0x61)
    let pastZ = lowered &+ ones &* (0x80 - 0x7B)
    return atLeastA & ~pastZ & ~word & highBits
  }

  @inline(__always)
  private static func codeLength(_ number: Int) -> Int {
    number < shortWords ? 1 : number < mediumWords ? 2 : number < longWords ? 3 : 4
  }

  /// Writes the coded form of `text` at `output` (room for
  /// `maximumCodedCount(of: text.count)` bytes), numbering new words in
  /// `codebook`; returns the bytes written.
  static func encode(
    _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    codebook: WordCodebook
  ) -> Int {
    guard let base = text.baseAddress else { return 0 }
    let count = text.count
    var index = 0
    var written = 0
    // A space after the last word was skipped, as the next word will be
    // coded: if it is not, the space is written before it.
    var spaceSkipped = false
    while index < count {
      let byte = base[index]
      if isLetter(byte) {
        var end = index + 1
        if index + 8 <= count {
          // Eight bytes at once: the run ends at the first lane that is
          // not a letter (most words are shorter than eight).
          let lanes = letterLanes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
          end = index + (~lanes & highBits).trailingZeroBitCount >> 3
          if end == index + 8 {
            while end < count && isLetter(base[end]) { end += 1 }
          }
        } else {
          while end < count && isLetter(base[end]) { end += 1 }
        }
        let length = end - index
        let number =
          length <= WordCodebook.longestWord
          ? codebook.number(of: base + index, length: length, readable: count - index) : nil
        // A code longer than the letters and skipped space would be a loss.
        if let number, codeLength(number) <= length + (spaceSkipped ? 1 : 0) {
          written += writeCode(number, at: output + written)
          if end + 1 < count && base[end] == 0x20 && isLetter(base[end + 1]) {
            spaceSkipped = true
            end += 1
          } else {
            spaceSkipped = false
          }
        } else {
          if spaceSkipped {
            output[written] = 0x20
            written += 1
            spaceSkipped = false
          }
          (output + written).initialize(from: base + index, count: length)
          written += length
        }
        index = end
      } else if byte < 0x80 {
        output[written] = byte
        written += 1
        index += 1
      } else {
        // What is not ASCII, and the non-letters around it, as they are.
        var end = index + 1
        while end < count && end - index < 255 && !isLetter(base[end]) { end += 1 }
        output[written] = verbatim
        output[written + 1] = UInt8(end - index)
        (output + written + 2).initialize(from: base + index, count: end - index)
        written += 2 + end - index
        index = end
      }
    }
    return written
  }

  @inline(__always)
  private static func writeCode(_ number: Int, at output: UnsafeMutablePointer<UInt8>) -> Int {
    if number < shortWords {
      output[0] = firstShortWord + UInt8(number)
      return 1
    }
    if number < mediumWords {
      let offset = number - shortWords
      output[0] = firstMediumWord + UInt8(offset >> 8)
      output[1] = UInt8(truncatingIfNeeded: offset)
      return 2
    }
    if number < longWords {
      let offset = number - mediumWords
      output[0] = firstLongWord + UInt8(offset >> 16)
      output[1] = UInt8(truncatingIfNeeded: offset >> 8)
      output[2] = UInt8(truncatingIfNeeded: offset)
      return 3
    }
    output[0] = anyWord
    output[1] = UInt8(truncatingIfNeeded: number >> 16)
    output[2] = UInt8(truncatingIfNeeded: number >> 8)
    output[3] = UInt8(truncatingIfNeeded: number)
    return 4
  }

  /// Room `decode` needs for `count` bytes of text: it writes short
  /// words 16 bytes at a time.
  static func decodingCapacity(of count: Int) -> Int { count + 16 }

  /// Writes the `count` bytes of text coded from `input` at `output`
  /// (room for `decodingCapacity(of: count)`), reading words from
  /// `codebook`, the one that coded them; the bytes past `count` are
  /// left undefined.
  static func decode(
    _ input: UnsafePointer<UInt8>, count: Int, codebook: WordCodebook,
    into output: UnsafeMutablePointer<UInt8>
  ) {
    var index = 0
    var written = 0
    var afterWord = false
    while written < count {
      let (piece, codedLength) = piece(at: input + index)
      index += codedLength
      switch piece {
      case .byte(let byte):
        output[written] = byte
        written += 1
        afterWord = false
      case .verbatim(let bytes, let length):
        let kept = min(length, count - written)
        (output + written).update(from: bytes, count: kept)
        written += kept
        afterWord = false
      case .word(let number):
        if afterWord && written < count {
          output[written] = 0x20
          written += 1
        }
        let record = codebook.record(number)
        let length = Int(record.load(fromByteOffset: 15, as: UInt8.self))
        if length <= WordCodebook.recordLetters {
          // The whole record, padding and all: the slack takes what is
          // past the word, and the next byte written overwrites it.
          let target = UnsafeMutableRawPointer(output + written)
          target.storeBytes(of: record.load(as: UInt64.self), as: UInt64.self)
          target.storeBytes(
            of: record.load(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
          written += min(length, count - written)
        } else {
          let letters = record.load(as: UnsafePointer<UInt8>.self)
          let kept = min(length, count - written)
          (output + written).update(from: letters, count: kept)
          written += kept
        }
        afterWord = true
      }
    }
  }

  /// One step of coded text: an ASCII byte, bytes kept as they are, or a
  /// word by its number.
  enum Piece {
    case byte(UInt8)
    case verbatim(UnsafePointer<UInt8>, count: Int)
    case word(Int)
  }

  /// The piece coded at `code`, and how many coded bytes it takes.
  @inline(__always)
  static func piece(at code: UnsafePointer<UInt8>) -> (Piece, codedLength: Int) {
    let byte = code[0]
    switch byte {
    case ..<firstShortWord:
      return (.byte(byte), 1)
    case ..<firstMediumWord:
      return (.word(Int(byte - firstShortWord)), 1)
    case ..<firstLongWord:
      return (.word(shortWords + (Int(byte - firstMediumWord) << 8 | Int(code[1]))), 2)
    case ..<anyWord:
      let offset = Int(byte - firstLongWord) << 16 | Int(code[1]) << 8 | Int(code[2])
      return (.word(mediumWords + offset), 3)
    case anyWord:
      return (.word(Int(code[1]) << 16 | Int(code[2]) << 8 | Int(code[3])), 4)
    default:
      let length = Int(code[1])
      return (.verbatim(code + 2, count: length), 2 + length)
    }
  }
}

extension WordCoding {
  /// Walks the `count` bytes of text coded from `input` as the search
  /// index tokenises it, without decoding every word: a coded word with
  /// no letter, digit or non-ASCII byte right before or after it is one
  /// search term on its own, handed to `word` by number; the text between
  /// such words is decoded and handed to `text`, in order. Terms never
  /// span a part boundary, so tokenising each `text` part gives the
  /// terms of the whole text in between.
  static func forEachPart(
    of input: UnsafePointer<UInt8>, count: Int, codebook: WordCodebook,
    text: (UnsafeBufferPointer<UInt8>) -> Void, word: (Int) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: decodingCapacity(of: count)) {
      scratch in
      let output = scratch.baseAddress!
      var index = 0
      var written = 0
      // Bytes of the current text part in `output`.
      var part = 0
      var afterWord = false
      // Whether the last byte written may belong to a term.
      var afterWordByte = false
      while written < count {
        let (current, codedLength) = piece(at: input + index)
        index += codedLength
        let number: Int
        switch current {
        case .byte(let byte):
          output[part] = byte
          part += 1
          written += 1
          afterWord = false
          afterWordByte = isTermByte(byte)
          continue
        case .verbatim(let bytes, let length):
          let kept = min(length, count - written)
          (output + part).update(from: bytes, count: kept)
          part += kept
          written += kept
          afterWord = false
          // Its last byte may end a term (a letter with an accent).
          afterWordByte = true
          continue
        case .word(let word):
          number = word
        }
        let record = codebook.record(number)
        let length = Int(record.load(fromByteOffset: 15, as: UInt8.self))
        let space = afterWord ? 1 : 0
        let end = written + space + length
        // A separator before (the space between two words, or a byte that
        // is not a term's) and after (the end, the next word's space, or
        // such a byte).
        var alone = afterWord || !afterWordByte
        if alone && end < count {
          let next = input[index]
          alone = next < firstShortWord ? !isTermByte(next) : next != verbatim
        }
        if alone && end <= count {
          if part > 0 { text(UnsafeBufferPointer(start: output, count: part)) }
          part = 0
          word(number)
        } else {
          if afterWord {
            output[part] = 0x20
            part += 1
          }
          let (letters, _) = codebook.letters(number)
          let kept = min(length, count - written - space)
          (output + part).update(from: letters, count: kept)
          part += kept
        }
        written = min(end, count)
        afterWord = true
        afterWordByte = true
      }
      if part > 0 { text(UnsafeBufferPointer(start: output, count: part)) }
    }
  }

  /// An ASCII byte that belongs to a search term: a letter or a digit.
  @inline(__always)
  private static func isTermByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte &- 0x30 < 10
  }
}
