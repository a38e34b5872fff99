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
    guard let first = line.utf8.first, first == UInt8(ascii: "R") || first == UInt8(ascii: "D")
    else { return nil }
    var scanner = ByteScanner(line)
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
    let number = String(line[numberStart..<scanner.index])
    guard scanner.atEnd || scanner.peek == 0x20 || scanner.peek == 0x09 else { return nil }
    scanner.skipSpaces()
    var revision: Substring?
    if scanner.peek == UInt8(ascii: "(") {
      let open = line.utf8.index(after: scanner.index)
      guard let close = line.utf8[open...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
      revision = SourceLines.trim(line[open..<close])
      scanner.index = line.utf8.index(after: close)
      scanner.skipSpaces()
    }
    let rest = line[scanner.index...]
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
    var scanner = ByteScanner(token)
    guard scanner.take(UInt8(ascii: "C")) else { return false }
    let hyphen = scanner.take(UInt8(ascii: "-"))
    let count = scanner.digits()
    return scanner.atEnd && (hyphen ? count == 4 : (count == 2 || count == 4))
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
    guard line.utf8.first == UInt8(ascii: "T"), line.utf8.count <= 300,
      let body = IssuingBodies.body(inEnactingLine: line)
    else {
      return false
    }
    let rest = line.dropFirst(4 + body.count)
    return rest.isEmpty || rest == "," || rest.hasPrefix(" (")
      || rest.hasPrefix(" of the ")
  }

  static func isComplete(_ text: Substring) -> Bool { text.hasSuffix(",") || text.hasSuffix(":") }
}
