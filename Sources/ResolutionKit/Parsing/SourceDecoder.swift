import Foundation

/// Turns the bytes of a file into text: UTF-8 (BOM stripped), UTF-16 with a
/// BOM, or invalid UTF-8 repaired with replacement characters. Files with NUL
/// bytes and no UTF-16 BOM are binary and refused; the loader reports them.
enum SourceDecoder {
  enum Outcome: Equatable {
    /// `invalidLine`: the first line with invalid UTF-8 (repaired), if any.
    case text(String, invalidLine: Int?)
    case binary
  }

  static func decode(_ bytes: [UInt8]) -> Outcome {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// Whether the text starts with a UTF-16 byte-order mark (either order).
  static func hasUTF16ByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
  }

  /// Decodes bytes in place (a file's `Data`, without copying it first).
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
    if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
      return .text(decodeUTF16(bytes[2...], bigEndian: false), invalidLine: nil)
    }
    if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
      return .text(decodeUTF16(bytes[2...], bigEndian: true), invalidLine: nil)
    }
    if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return .binary }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let rebased = UnsafeBufferPointer(rebasing: body)
    if let text = String(validating: rebased, as: UTF8.self) {
      return .text(text, invalidLine: nil)
    }
    return .text(String(decoding: rebased, as: UTF8.self), invalidLine: firstInvalidLine(body))
  }

  private static func decodeUTF16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, bigEndian: Bool)
    -> String
  {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// The 1-based line of the first byte sequence that is not valid UTF-8.
  private static func firstInvalidLine(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var line = 1
    var lineStart = bytes.startIndex
    for index in bytes.indices {
      if bytes[index] == 0x0A {
        if String(
          validating: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self) == nil
        {
          return line
        }
        line += 1
        lineStart = index + 1
      }
    }
    return line
  }
}
