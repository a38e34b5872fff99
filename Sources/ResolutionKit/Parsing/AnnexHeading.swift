/// The heading of an annex, attachment or appendix: `ANNEX`, `Annex 1`,
/// `ANNEX TO RESOLUTION 1306 (C09)`, `ATTACHMENT 1`, `APPENDIX A`.
struct AnnexHeading: Equatable {
  /// As printed, whitespace-normalised.
  var heading: String
  /// Prefix of clause paths: the kind title-cased with its number if any,
  /// `Annex 1`, `Annex` (for `ANNEX TO RESOLUTION …`), `Attachment 2`.
  var pathPrefix: String

  private static let kinds = ["ANNEX", "ATTACHMENT", "APPENDIX"]
  /// A longer line is text, not a heading.
  static let maximumLength = 120

  /// The annex heading the line is, if any (`bytes` must be `line.utf8`).
  static func parse(_ line: Substring, bytes: UnsafeBufferPointer<UInt8>) -> AnnexHeading? {
    guard bytes.count <= maximumLength, bytes.first == UInt8(ascii: "A") else { return nil }
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let kindWord = words.first,
      let kind = kinds.first(where: { $0 == kindWord.uppercased() }),
      kindWord == kind || kindWord == kind.prefix(1) + kind.dropFirst().lowercased()
    else { return nil }
    var prefix = kind.prefix(1) + kind.dropFirst().lowercased()
    var rest = words.dropFirst()
    if let id = rest.first, isAnnexNumber(id) {
      prefix += " " + id
      rest = rest.dropFirst()
    }
    if let next = rest.first {
      // `ANNEX TO RESOLUTION 1306 (C09)`, `Annex 2 to Decision 5`.
      guard next == "TO" || next == "to", let target = rest.dropFirst().first,
        ["RESOLUTION", "DECISION"].contains(target.uppercased())
      else { return nil }
    }
    if line.hasSuffix(".") || line.hasSuffix(";") { return nil }
    return AnnexHeading(
      heading: TextJoiner.normalisingWhitespace(line), pathPrefix: String(prefix))
  }

  /// `1`, `12`, `A`, `IV`.
  private static func isAnnexNumber(_ word: Substring) -> Bool {
    guard word.count <= 4 else { return false }
    if word.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
    return word.allSatisfy { "IVXLABCDEFGH".contains($0) } && word != "TO"
  }
}
