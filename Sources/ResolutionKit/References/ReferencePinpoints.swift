import Foundation

extension Reference {
  /// Every clause the reference pinpoints: `Resolution 1312, resolves 3, 4
  /// and 5` gives `["resolves 3", "resolves 4", "resolves 5"]`; `pinpoint`
  /// holds only the first. Empty without a pinpoint.
  public var pinpoints: [String] {
    guard let pinpoint else { return [] }
    guard let labelStart = pinpoint.lastIndex(of: " ") else { return [pinpoint] }
    let heading = pinpoint[..<labelStart]
    // The labels after the first one, as the span wrote them.
    guard
      let written = text.range(
        of: String(pinpoint[pinpoint.index(after: labelStart)...]),
        range: (text.range(of: heading)?.upperBound ?? text.startIndex)..<text.endIndex)
    else { return [pinpoint] }
    var result = [pinpoint]
    let rest = text[written.upperBound...]
    for piece in rest.split(whereSeparator: { $0 == "," || $0 == " " })
    where piece != "and" && piece != "or" {
      guard Self.isClauseLabel(piece) else { break }
      result.append(heading + " " + piece)
    }
    return result
  }

  private static func isClauseLabel(_ piece: Substring) -> Bool {
    if piece.last == ")" {
      let letters = piece.dropLast()
      return (1...4).contains(letters.count) && letters.allSatisfy { $0.isASCII && $0.isLowercase }
    }
    return piece.first?.isNumber == true && piece.last?.isNumber == true
      && piece.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
  }
}
