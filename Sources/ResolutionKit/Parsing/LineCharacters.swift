/// Character tests on a line's UTF-8 bytes that give what the same test on
/// characters gives. An ASCII byte after an ASCII byte (or at the start)
/// is a character of its own (no ASCII character joins the next, a line
/// holds no CR LF), so the tests read bytes while they are ASCII and fall
/// back to characters (`line` makes the text) where a non-ASCII byte could
/// change the answer: a combining mark joining the byte before it, a
/// character canonically equal to an ASCII one (U+037E is `;`).
enum LineCharacters {
  /// `line().hasSuffix(suffix)`, where `suffix` is the one ASCII `byte`.
  static func hasSuffix(
    _ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8, _ suffix: String,
    line: () -> Substring
  ) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    if bytes[count - 1] < 0x80 && (count == 1 || bytes[count - 2] < 0x80) {
      return bytes[count - 1] == byte
    }
    return line().hasSuffix(suffix)
  }

  /// `line().hasPrefix(prefix)`, for an ASCII `prefix`.
  static func hasPrefix(
    _ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString, line: () -> Substring
  ) -> Bool {
    let length = prefix.utf8CodeUnitCount
    var ascii = true
    for index in 0..<min(length, bytes.count) where bytes[index] >= 0x80 { ascii = false }
    if ascii {
      guard bytes.count >= length else { return false }
      for index in 0..<length where bytes[index] != prefix.utf8Start[index] { return false }
      // A non-ASCII character after the prefix may join its last one.
      if bytes.count == length || bytes[length] < 0x80 { return true }
    }
    return line().hasPrefix(prefix.description)
  }

  /// Whether the line ends like a paragraph: `;`, `:`, `.`, `,` (possibly
  /// followed by closing quotes or brackets).
  static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, line: () -> Substring) -> Bool {
    var index = bytes.count - 1
    while index >= 0 {
      let byte = bytes[index]
      guard byte < 0x80, index == 0 || bytes[index - 1] < 0x80 else {
        return endsSentence(line())
      }
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"): index -= 1
      case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ","): return true
      default: return false
      }
    }
    return false
  }

  /// `endsSentence` on characters.
  static func endsSentence(_ text: Substring) -> Bool {
    for character in text.reversed() {
      switch character {
      case "\"", "\u{201D}", "'", "\u{2019}", ")": continue
      case ";", ":", ".", ",": return true
      default: return false
      }
    }
    return false
  }
}
