/// The header line that opens a resolution or decision:
///
/// - `R 1316 <title>`, `D 563 <title>`, `D 8 (C-1950, last amended C-1958)`
/// - `RESOLUTION 1396 (C19)`, `DECISION 482 (C01, last amended C20)`
///   (title on the next lines)
/// - `Resolution 1305 (modified 2011)` (mixed case: only where a paragraph
///   starts, since `Resolution 1300 of the Council …` is a clause)
/// - `RESOLUTION 71 (REV. DUBAI, 2018)` (Plenipotentiary)
///
/// `revision` is the bracket content as printed, except that an all-capital
/// `REV. DUBAI, 2018` is written `Rev. Dubai, 2018` as in references.
struct DocumentHeader: Equatable {
  var kind: DocumentKind
  var number: String
  var revision: String?
  var session: String?
  var body: String?
  /// Title text on the header line itself, if any.
  var titleStart: Substring

  static func parse(_ line: Substring, atParagraphStart: Bool) -> DocumentHeader? {
    line.withUTF8Bytes { parse(line, bytes: $0, atParagraphStart: atParagraphStart) }
  }

  /// `parse` on the line's UTF-8 bytes (`bytes` must be `line.utf8`).
  static func parse(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>, atParagraphStart: Bool)
    -> DocumentHeader?
  {
    guard let first = bytes.first, first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
    else { return nil }
    var scanner = ByteScanner(bytes)
    let kind: DocumentKind
    var mixedCase = false
    var short = false
    if scanner.take(literal: "RESOLUTION ") {
      kind = .resolution
    } else if scanner.take(literal: "DECISION ") {
      kind = .decision
    } else if scanner.take(literal: "Resolution ") {
      (kind, mixedCase) = (.resolution, true)
    } else if scanner.take(literal: "Decision ") {
      (kind, mixedCase) = (.decision, true)
    } else if scanner.take(literal: "R ") || scanner.take(literal: "R\t") {
      (kind, short) = (.resolution, true)
    } else if scanner.take(literal: "D ") || scanner.take(literal: "D\t") {
      (kind, short) = (.decision, true)
    } else {
      return nil
    }
    if mixedCase && !atParagraphStart { return nil }
    scanner.skipSpaces()
    let numberStart = scanner.index
    guard (1...6).contains(scanner.digits()) else { return nil }
    let number = bytes.string(numberStart, scanner.index)
    guard scanner.atEnd || scanner.atSpace else { return nil }
    scanner.skipSpaces()
    var revision: Substring?
    if scanner.peek == UInt8(ascii: "(") {
      let open = scanner.index + 1
      var close = open
      while close < bytes.count, bytes[close] != UInt8(ascii: ")") { close += 1 }
      guard close < bytes.count else { return nil }
      let trimmed = bytes.trimmed(open, close)
      revision = line.utf8Slice(trimmed.lowerBound, trimmed.upperBound)
      scanner.index = close + 1
      scanner.skipSpaces()
    }
    let rest = line.utf8Suffix(from: scanner.index)
    // Without a bracket, the long forms stand alone on their line and the
    // mixed-case form must stand alone even with one.
    if mixedCase && !rest.isEmpty { return nil }
    if !short && revision == nil && !rest.isEmpty { return nil }
    if short && !rest.isEmpty, let initial = rest.unicodeScalars.first,
      !initial.properties.isUppercase && initial != "("
    {
      return nil
    }
    var header = DocumentHeader(
      kind: kind, number: number, revision: nil, session: nil, body: IssuingBodies.council,
      titleStart: rest)
    if let revision, !revision.isEmpty {
      header.applyRevision(revision)
    }
    return header
  }

  private mutating func applyRevision(_ text: Substring) {
    let printed = String(text)
    let firstToken = text.prefix { $0 != "," && $0 != " " }
    if Self.isSessionCode(firstToken) {
      session = String(firstToken)
      revision = printed
      return
    }
    let upper = printed.uppercased()
    if upper.hasPrefix("REV.") || upper.hasPrefix("REV ") {
      revision = printed.contains(where: \.isLowercase) ? printed : Self.titleCased(printed)
      body = IssuingBodies.plenipotentiary
      session = Self.trailingYear(text)
      return
    }
    revision = printed
    // `(Dubai, 2018)`: a conference place and year.
    if text.contains(","), let year = Self.trailingYear(text) {
      session = year
      body = IssuingBodies.plenipotentiary
    }
  }

  /// `C19`, `C01`, `C-1985`, `C2001`.
  static func isSessionCode(_ token: Substring) -> Bool {
    token.withUTF8Bytes { bytes in
      var scanner = ByteScanner(bytes)
      guard scanner.take(UInt8(ascii: "C")) else { return false }
      let hyphen = scanner.take(UInt8(ascii: "-"))
      let count = scanner.digits()
      return scanner.atEnd && (hyphen ? count == 4 : (count == 2 || count == 4))
    }
  }

  private static func trailingYear(_ text: Substring) -> String? {
    let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
    return digits.count == 4 ? String(digits.reversed()) : nil
  }

  /// `REV. DUBAI, 2018` → `Rev. Dubai, 2018`.
  private static func titleCased(_ text: String) -> String {
    var out = ""
    var atWordStart = true
    for character in text {
      if character.isLetter {
        out.append(atWordStart ? character : Character(character.lowercased()))
        atWordStart = false
      } else {
        out.append(character)
        atWordStart = character == " " || character == "-" || character == "("
      }
    }
    return out
  }
}

/// The enacting line: `The Council,` or `The Plenipotentiary Conference of
/// the International Telecommunication Union (Dubai, 2018),`.
enum EnactingLine {
  /// Whether the line starts an enacting formula; it may wrap, and is
  /// complete once it ends with a comma.
  static func starts(_ line: Substring) -> Bool {
    line.withUTF8Bytes { starts(line, bytes: $0) }
  }

  /// The bodies' names, as bytes.
  private static let bodyNames: [(name: String, bytes: [UInt8])] = IssuingBodies.all.map {
    ($0.name, Array($0.name.utf8))
  }

  /// `starts` on the line's UTF-8 bytes (`bytes` must be `line.utf8`):
  /// `IssuingBodies.body(inEnactingLine:)` and the test of what follows,
  /// on bytes while they are ASCII.
  static func starts(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    starts(bytes: bytes, line: { line })
  }

  /// `starts` on a line's UTF-8 bytes; `line` makes its text, needed only
  /// when a non-ASCII character follows a name.
  static func starts(bytes: UnsafeBufferPointer<UInt8>, line: () -> Substring) -> Bool {
    let count = bytes.count
    guard count >= 4, count <= 300, bytes[0] == UInt8(ascii: "T"), bytes[1] == UInt8(ascii: "h"),
      bytes[2] == UInt8(ascii: "e"), bytes[3] == 0x20
    else { return false }
    // A non-ASCII character after the space may join it.
    guard count == 4 || bytes[4] < 0x80 else { return slowStarts(line()) }
    guard
      let body = bodyNames.first(where: { entry in
        count - 4 >= entry.bytes.count
          && entry.bytes.indices.allSatisfy { bytes[4 + $0] == entry.bytes[$0] }
      })
    else { return false }
    // The names are ASCII: as many characters as bytes, unless a
    // non-ASCII character (a combining mark) follows.
    let end = 4 + body.bytes.count
    let rest = UnsafeBufferPointer(rebasing: bytes[end...])
    if rest.isEmpty { return true }
    guard rest[0] < 0x80 else { return slowStarts(line()) }
    if rest.count == 1 && rest[0] == UInt8(ascii: ",") { return true }
    for prefix: StaticString in [" (", " of the "] {
      let length = prefix.utf8CodeUnitCount
      guard rest.count >= length,
        (0..<length).allSatisfy({ rest[$0] == prefix.utf8Start[$0] })
      else { continue }
      // The prefix ends a character unless a non-ASCII one follows.
      if rest.count == length || rest[length] < 0x80 { return true }
      return slowStarts(line())
    }
    return false
  }

  /// `starts` on characters.
  private static func slowStarts(_ line: Substring) -> Bool {
    guard let body = IssuingBodies.body(inEnactingLine: line) else { return false }
    let rest = line.dropFirst(4 + body.count)
    return rest.isEmpty || rest == "," || rest.hasPrefix(" (") || rest.hasPrefix(" of the ")
  }
}
