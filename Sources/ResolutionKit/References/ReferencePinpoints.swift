import Foundation

extension Reference {
  /// Every clause the reference pinpoints: `Resolution 1312, resolves 3, 4
  /// and 5` gives `["resolves 3", "resolves 4", "resolves 5"]`; `pinpoint`
  /// holds only the first. Empty without a pinpoint.
  public var pinpoints: [String] {
    guard let pinpoint else { return [] }
    // On bytes: the resolver asks every reference, and Foundation's
    // `range(of:)` made this the costliest step of resolution.
    let point = Array(pinpoint.utf8)
    guard let space = point.lastIndex(of: UInt8(ascii: " ")) else { return [pinpoint] }
    let text = Array(self.text.utf8)
    // The labels after the first one, as the span wrote them.
    let headingEnd = Self.firstRange(of: point[..<space], in: text, from: 0)?.upperBound ?? 0
    guard let written = Self.firstRange(of: point[(space + 1)...], in: text, from: headingEnd)
    else { return [pinpoint] }
    let heading = String(decoding: point[..<space], as: UTF8.self)
    var result = [pinpoint]
    var pieceStart = written.upperBound
    for position in written.upperBound...text.count {
      guard
        position == text.count || text[position] == UInt8(ascii: ",")
          || text[position] == UInt8(ascii: " ")
      else { continue }
      let piece = text[pieceStart..<position]
      pieceStart = position + 1
      if piece.isEmpty || piece.elementsEqual("and".utf8) || piece.elementsEqual("or".utf8) {
        continue
      }
      guard Self.isClauseLabel(piece) else { break }
      result.append(heading + " " + String(decoding: piece, as: UTF8.self))
    }
    return result
  }

  /// The first occurrence of `needle` in `bytes` at or after `from`; nil
  /// for an empty needle.
  private static func firstRange(
    of needle: ArraySlice<UInt8>, in bytes: [UInt8], from: Int
  ) -> Range<Int>? {
    guard let first = needle.first, bytes.count - from >= needle.count else { return nil }
    var start = from
    while start + needle.count <= bytes.count {
      if bytes[start] == first, bytes[start..<(start + needle.count)].elementsEqual(needle) {
        return start..<(start + needle.count)
      }
      start += 1
    }
    return nil
  }

  /// `a)` to `dddd)`, or digits and dots starting and ending with a digit.
  private static func isClauseLabel(_ piece: ArraySlice<UInt8>) -> Bool {
    guard let last = piece.last, let first = piece.first else { return false }
    func isLowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    if last == UInt8(ascii: ")") {
      let letters = piece.dropLast()
      return (1...4).contains(letters.count) && letters.allSatisfy(isLowercase)
    }
    return isDigit(first) && isDigit(last)
      && piece.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
  }
}
