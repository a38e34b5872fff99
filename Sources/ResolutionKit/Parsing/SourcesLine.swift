/// The closing `Ref.:` line of a resolution: the documents it was adopted
/// from, e.g. `Ref.:\tDocuments C09/108 (Rev.1) and C09/120.`.
enum SourcesLine {
  /// The text after `Ref.:` (or `Ref:`), trimmed; nil if the line is not a
  /// `Ref.:` line.
  static func content(of line: Substring) -> Substring? {
    line.withUTF8Bytes { content(of: line, bytes: $0) }
  }

  /// `content` on the line's UTF-8 bytes (`bytes` must be `line.utf8`).
  static func content(of line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> Substring? {
    var scanner = ByteScanner(bytes)
    guard scanner.take(literal: "Ref") else { return nil }
    _ = scanner.take(UInt8(ascii: "."))
    scanner.skipSpaces()
    guard scanner.take(UInt8(ascii: ":")) else { return nil }
    let content = bytes.trimmed(scanner.index, bytes.count)
    return line.utf8Slice(content.lowerBound, content.upperBound)
  }

  /// Document symbols with spaces removed: `C09/108(Rev.1)`, `C09/120`,
  /// `C2001/49(Rev.1)`, `C20/57-E`.
  static func symbols(in text: Substring) -> [String] {
    text.withUTF8Bytes { bytes in
      var result: [String] = []
      var index = 0
      var previous: UInt8 = 0x20
      while index < bytes.count {
        let byte = bytes[index]
        if TextJoiner.isLetterOrDigit(previous) || byte < 0x41 || byte > 0x5A {
          previous = byte
          index += 1
          continue
        }
        if let (symbol, end) = symbol(in: bytes, at: index) {
          result.append(symbol)
          index = end
          previous = 0x20
        } else {
          previous = byte
          index += 1
        }
      }
      return result
    }
  }

  /// `[A-Z][A-Za-z-]{0,5}\d{2,4}/\d+(-[A-Z]{1,2})?` then an optional
  /// `(Rev.1)`, `(Add.2)`, `(Corr.1)` after optional spaces.
  private static func symbol(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)?
  {
    var scanner = ByteScanner(bytes, at: start)
    var prefixLength = 0
    while let byte = scanner.peek, prefixLength < 6,
      (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    {
      scanner.index += 1
      prefixLength += 1
    }
    guard (2...4).contains(scanner.digits()), scanner.take(UInt8(ascii: "/")),
      scanner.digits() >= 1
    else { return nil }
    var end = scanner.index
    if scanner.take(UInt8(ascii: "-")), let byte = scanner.peek, (0x41...0x5A).contains(byte) {
      while let byte = scanner.peek, (0x41...0x5A).contains(byte) { scanner.index += 1 }
      end = scanner.index
    }
    scanner.index = end
    scanner.skipSpaces()
    var symbol = bytes.string(start, end)
    if scanner.take(UInt8(ascii: "(")) {
      let open = scanner.index
      var close = open
      while close < bytes.count, bytes[close] != UInt8(ascii: ")") { close += 1 }
      if close < bytes.count, close - open <= 12 {
        let inner = Substring(bytes.string(open, close))
        if inner.hasPrefix("Rev") || inner.hasPrefix("Add") || inner.hasPrefix("Corr") {
          symbol += "(" + inner.filter { $0 != " " } + ")"
          end = close + 1
        }
      }
    }
    return (symbol, end)
  }

  /// The session all symbols share (`C09/108` → `C09`, `C2001/49` → `C01`),
  /// or nil when they disagree or there are none.
  static func session(of symbols: [String]) -> String? {
    var sessions = Set<String>()
    for symbol in symbols {
      guard let slash = symbol.firstIndex(of: "/") else { return nil }
      var code = String(symbol[..<slash])
      guard DocumentHeader.isSessionCode(Substring(code)) else { return nil }
      if code.count == 5, !code.contains("-"), code.dropFirst().hasPrefix("20") {
        code = "C" + code.suffix(2)
      }
      sessions.insert(code)
    }
    return sessions.count == 1 ? sessions.first : nil
  }
}
