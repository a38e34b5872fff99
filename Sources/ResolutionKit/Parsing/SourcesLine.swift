/// The closing `Ref.:` line of a resolution: the documents it was adopted
/// from, e.g. `Ref.:\tDocuments C09/108 (Rev.1) and C09/120.`.
enum SourcesLine {
  /// The text after `Ref.:` (or `Ref:`), trimmed; nil if the line is not a
  /// `Ref.:` line.
  static func content(of line: Substring) -> Substring? {
    var scanner = ByteScanner(line)
    guard scanner.take(literal: "Ref") else { return nil }
    _ = scanner.take(UInt8(ascii: "."))
    scanner.skipSpaces()
    guard scanner.take(UInt8(ascii: ":")) else { return nil }
    return SourcesLine.trimmed(line[scanner.index...])
  }

  private static func trimmed(_ text: Substring) -> Substring { SourceLines.trim(text) }

  /// Document symbols with spaces removed: `C09/108(Rev.1)`, `C09/120`,
  /// `C2001/49(Rev.1)`, `C20/57-E`.
  static func symbols(in text: Substring) -> [String] {
    var result: [String] = []
    let utf8 = text.utf8
    var index = utf8.startIndex
    var previous: UInt8 = 0x20
    while index != utf8.endIndex {
      let byte = utf8[index]
      if TextJoiner.isLetterOrDigit(previous) || byte < 0x41 || byte > 0x5A {
        previous = byte
        index = utf8.index(after: index)
        continue
      }
      if let (symbol, end) = symbol(in: text, at: index) {
        result.append(symbol)
        index = end
        previous = 0x20
      } else {
        previous = byte
        index = utf8.index(after: index)
      }
    }
    return result
  }

  /// `[A-Z][A-Za-z-]{0,5}\d{2,4}/\d+(-[A-Z]{1,2})?` then an optional
  /// `(Rev.1)`, `(Add.2)`, `(Corr.1)` after optional spaces.
  private static func symbol(in text: Substring, at start: Substring.UTF8View.Index) -> (
    String, Substring.UTF8View.Index
  )? {
    var scanner = ByteScanner(text)
    scanner.index = start
    var prefixLength = 0
    while let byte = scanner.peek, prefixLength < 6,
      (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    {
      scanner.index = text.utf8.index(after: scanner.index)
      prefixLength += 1
    }
    guard (2...4).contains(scanner.digits()), scanner.take(UInt8(ascii: "/")),
      scanner.digits() >= 1
    else { return nil }
    var end = scanner.index
    if scanner.take(UInt8(ascii: "-")), let byte = scanner.peek, (0x41...0x5A).contains(byte) {
      while let byte = scanner.peek, (0x41...0x5A).contains(byte) {
        scanner.index = text.utf8.index(after: scanner.index)
      }
      end = scanner.index
    }
    scanner.index = end
    scanner.skipSpaces()
    var symbol = String(text[start..<end])
    if scanner.take(UInt8(ascii: "(")) {
      let open = scanner.index
      if let close = text.utf8[open...].firstIndex(of: UInt8(ascii: ")")),
        text.utf8.distance(from: open, to: close) <= 12
      {
        let inner = text[open..<close]
        if inner.hasPrefix("Rev") || inner.hasPrefix("Add") || inner.hasPrefix("Corr") {
          symbol += "(" + inner.filter { $0 != " " } + ")"
          end = text.utf8.index(after: close)
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
