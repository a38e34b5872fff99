/// A chapter heading of a compilation: `1 Finance`, `2 Staff matters`,
/// `3.2 Council`. A short line of a chapter number and a capitalised title
/// with no sentence punctuation. It looks like a clause `1 to establish …`,
/// so the parser accepts it only between documents (at file start, after a
/// `Ref.:` line, or right before a header).
struct ChapterLine: Equatable {
  var number: String
  var title: String
  var text: String { "\(number) \(title)" }

  static let maximumLength = 80

  static func parse(_ line: Substring) -> ChapterLine? {
    line.withUTF8Bytes { parse(line, bytes: $0) }
  }

  /// `parse` on the line's UTF-8 bytes (`bytes` must be `line.utf8`).
  static func parse(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> ChapterLine? {
    parse(bytes: bytes, line: { line })
  }

  /// `parse` on a line's UTF-8 bytes; `line` makes its text, needed only
  /// once the number has matched.
  static func parse(bytes: UnsafeBufferPointer<UInt8>, line: () -> Substring) -> ChapterLine? {
    guard bytes.count <= maximumLength else { return nil }
    var scanner = ByteScanner(bytes)
    var parts = 0
    while true {
      let count = scanner.digits()
      guard (1...2).contains(count) else { return nil }
      parts += 1
      if !scanner.take(UInt8(ascii: ".")) { break }
      if scanner.atSpace { break }
    }
    guard parts <= 3 else { return nil }
    var numberEnd = scanner.index
    if bytes[numberEnd - 1] == UInt8(ascii: ".") { numberEnd -= 1 }
    guard scanner.atSpace else { return nil }
    scanner.skipSpaces()
    let title = line().utf8Suffix(from: scanner.index)
    guard let initial = title.unicodeScalars.first, initial.properties.isUppercase,
      let last = title.last, last.isLetter || last == ")"
    else { return nil }
    // Titles are noun phrases: a few words, no commas or sentence marks.
    guard !title.contains(where: { ",;:.".contains($0) }),
      title.split(separator: " ").count <= 6
    else { return nil }
    return ChapterLine(
      number: bytes.string(0, numberEnd),
      title: TextJoiner.normalisingWhitespace(title))
  }
}
