/// A tiny forward scanner over the UTF-8 bytes of a line. It reads a
/// buffer by integer offsets: indexing a `Substring.UTF8View` costs a call
/// and index checks per byte, which made label and header scans many times
/// slower than the bytes they read.
struct ByteScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
    self.bytes = bytes
    self.index = index
  }

  var atEnd: Bool { index >= bytes.count }
  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Whether the next byte is a space or a tab.
  var atSpace: Bool { index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) }

  mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func take(literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - index >= count else { return false }
    let start = literal.utf8Start
    for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
    index += count
    return true
  }

  /// Consumes ASCII digits; returns how many.
  mutating func digits() -> Int {
    let start = index
    while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
    return index - start
  }

  mutating func skipSpaces() {
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
  }

  /// Consumes `-`, `–` (U+2013) or `—` (U+2014).
  mutating func dash() -> Bool {
    if take(UInt8(ascii: "-")) { return true }
    guard bytes.count - index >= 3, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94
    else { return false }
    index += 3
    return true
  }
}

extension Substring {
  /// Calls `body` with the text's UTF-8 bytes: in place for native text
  /// (every parsed line), else from a copy.
  @inline(__always)
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// The text between two UTF-8 offsets, which must be scalar boundaries.
  @inline(__always)
  func utf8Slice(_ lower: Int, _ upper: Int) -> Substring {
    let start = utf8.index(startIndex, offsetBy: lower)
    return self[start..<utf8.index(start, offsetBy: upper - lower)]
  }

  /// The text from a UTF-8 offset, which must be a scalar boundary, to the end.
  @inline(__always)
  func utf8Suffix(from lower: Int) -> Substring {
    self[utf8.index(startIndex, offsetBy: lower)...]
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The bytes `lower..<upper` as a string (they must be whole scalars).
  @inline(__always)
  func string(_ lower: Int, _ upper: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: self[lower..<upper]), as: UTF8.self)
  }

  /// Offsets of the text without leading and trailing whitespace and
  /// control bytes (as `SourceLines.trim`).
  @inline(__always)
  func trimmed(_ lower: Int, _ upper: Int) -> Range<Int> {
    var start = lower
    var end = upper
    while start < end, SourceLines.isSpace(self[start]) { start += 1 }
    while end > start, SourceLines.isSpace(self[end - 1]) { end -= 1 }
    return start..<end
  }
}
