/// Recognises the page furniture that PDF and Word conversions leave in the
/// text flow: page numbers (`- 7 -`), running heads (`– 96 – (3.2 – Council)`,
/// `Res. 2 / 21`, `-2C03/85-E`), page counters (`2/484`) and file footers
/// (`D:\106748713.DOC 16.02.16`). Only whole lines are noise.
enum PageNoise {
  /// Why the (trimmed) line is page noise, or nil when it is text.
  static func reason(for line: Substring) -> String? {
    line.withUTF8Bytes { reason(for: line, bytes: $0) }
  }

  /// `reason` on the line's UTF-8 bytes (`bytes` must be `line.utf8`).
  static func reason(for line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> String? {
    reason(bytes: bytes, line: { line })
  }

  /// `reason` on a line's UTF-8 bytes; `line` makes its text, needed only
  /// for the characters of a short margin mark.
  static func reason(bytes: UnsafeBufferPointer<UInt8>, line: () -> Substring) -> String? {
    guard !bytes.isEmpty, bytes.count <= 80 else { return nil }
    var scanner = ByteScanner(bytes)
    // Pure digits: a page number.
    if (1...4).contains(scanner.digits()), scanner.atEnd { return "page number" }
    scanner = ByteScanner(bytes)
    // `2/484` page counter.
    if (1...4).contains(scanner.digits()) {
      scanner.skipSpaces()
      if scanner.take(UInt8(ascii: "/")) {
        scanner.skipSpaces()
        if (1...5).contains(scanner.digits()), scanner.atEnd { return "page counter" }
      }
    }
    scanner = ByteScanner(bytes)
    // `- 7 -`, `– 96 – (3.2 – Council)`, `Page 7`.
    if scanner.dash() {
      scanner.skipSpaces()
      if (1...4).contains(scanner.digits()) {
        scanner.skipSpaces()
        if scanner.dash() {
          scanner.skipSpaces()
          if scanner.atEnd { return "page number" }
          if scanner.peek == UInt8(ascii: "(") { return "running head" }
        }
      }
    }
    scanner = ByteScanner(bytes)
    if scanner.take(literal: "Page "), (1...4).contains(scanner.digits()) { return "page number" }
    // `Res. 2 / 21`, `Dec. 5/3`.
    scanner = ByteScanner(bytes)
    if scanner.take(literal: "Res.") || scanner.take(literal: "Dec.") {
      scanner.skipSpaces()
      if (1...4).contains(scanner.digits()) {
        scanner.skipSpaces()
        if scanner.take(UInt8(ascii: "/")) {
          scanner.skipSpaces()
          if (1...4).contains(scanner.digits()), scanner.atEnd { return "running head" }
        }
      }
    }
    // `-2C03/85-E`: page number glued to a document symbol.
    scanner = ByteScanner(bytes)
    if scanner.take(UInt8(ascii: "-")), (1...4).contains(scanner.digits()),
      scanner.take(UInt8(ascii: "C")), (2...4).contains(scanner.digits()),
      scanner.take(UInt8(ascii: "/")), scanner.digits() >= 1
    {
      return "running head"
    }
    // Final Acts margin marks standing alone: `ADD`, `MOD`, `(MOD)`, `SUP`.
    if bytes.count <= 12 {
      let mark = line().filter { $0 != "(" && $0 != ")" }
      let word = mark.prefix { $0 != " " }
      if ["ADD", "MOD", "SUP"].contains(word),
        mark.dropFirst(word.count).allSatisfy({ $0 == " " || $0.isNumber })
      {
        return "margin mark"
      }
    }
    // `D:\106748713.DOC 16.02.16`: file path footer.
    if bytes.count >= 3 {
      let first = bytes[0]
      let second = bytes[1]
      let third = bytes[2]
      if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) && second == UInt8(ascii: ":")
        && third == UInt8(ascii: "\\")
      {
        return "file footer"
      }
    }
    return nil
  }
}
