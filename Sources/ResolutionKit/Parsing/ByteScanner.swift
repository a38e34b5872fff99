/// A tiny forward scanner over the UTF-8 bytes of a line.
struct ByteScanner {
  let bytes: Substring.UTF8View
  var index: Substring.UTF8View.Index

  init(_ text: Substring) {
    bytes = text.utf8
    index = bytes.startIndex
  }

  var atEnd: Bool { index == bytes.endIndex }
  var peek: UInt8? { atEnd ? nil : bytes[index] }

  mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    index = bytes.index(after: index)
    return true
  }

  mutating func take(literal: StaticString) -> Bool {
    var probe = index
    let count = literal.utf8CodeUnitCount
    let start = literal.utf8Start
    for offset in 0..<count {
      guard probe != bytes.endIndex, bytes[probe] == start[offset] else { return false }
      probe = bytes.index(after: probe)
    }
    index = probe
    return true
  }

  /// Consumes ASCII digits; returns how many.
  mutating func digits() -> Int {
    var count = 0
    while let byte = peek, byte >= 0x30 && byte <= 0x39 {
      index = bytes.index(after: index)
      count += 1
    }
    return count
  }

  mutating func skipSpaces() {
    while let byte = peek, byte == 0x20 || byte == 0x09 { index = bytes.index(after: index) }
  }

  /// Consumes `-`, `–` (U+2013) or `—` (U+2014).
  mutating func dash() -> Bool {
    if take(UInt8(ascii: "-")) { return true }
    var probe = index
    for expected: UInt8 in [0xE2, 0x80] {
      guard probe != bytes.endIndex, bytes[probe] == expected else { return false }
      probe = bytes.index(after: probe)
    }
    guard probe != bytes.endIndex, bytes[probe] == 0x93 || bytes[probe] == 0x94 else {
      return false
    }
    index = bytes.index(after: probe)
    return true
  }
}
