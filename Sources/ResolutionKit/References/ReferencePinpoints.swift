import Foundation

extension Reference {
  /// Every clause the reference pinpoints: `Resolution 1312, resolves 3, 4
  /// and 5` gives `["resolves 3", "resolves 4", "resolves 5"]`; `pinpoint`
  /// holds only the first. Empty without a pinpoint.
  public var pinpoints: [String] {
    guard let pinpoint else { return [] }
    // On bytes, in place: the backlink index asks every pinpointed
    // reference, and Foundation's `range(of:)`, then copies of both texts
    // into arrays, made this the costliest step of resolution.
    var point = pinpoint
    var text = self.text
    return point.withUTF8 { point in
      text.withUTF8 { text in Self.pinpoints(pinpoint, point: point, text: text) }
    }
  }

  /// `pinpoints` of a reference whose pinpoint's bytes are `point` and
  /// whose text's bytes are `text`.
  private static func pinpoints(
    _ pinpoint: String, point: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>
  ) -> [String] {
    guard let space = point.lastIndex(of: UInt8(ascii: " ")) else { return [pinpoint] }
    let headingBytes = UnsafeBufferPointer(rebasing: point[..<space])
    let labelBytes = UnsafeBufferPointer(rebasing: point[(space + 1)...])
    // The labels after the first one, as the span wrote them.
    let headingEnd = firstRange(of: headingBytes, in: text, from: 0)?.upperBound ?? 0
    guard let written = firstRange(of: labelBytes, in: text, from: headingEnd)
    else { return [pinpoint] }
    var heading: String?
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
      guard isClauseLabel(piece) else { break }
      if heading == nil { heading = String(decoding: headingBytes, as: UTF8.self) }
      result.append((heading ?? "") + " " + String(decoding: piece, as: UTF8.self))
    }
    return result
  }

  /// The first occurrence of `needle` in `bytes` at or after `from`; nil
  /// for an empty needle.
  private static func firstRange(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int
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
  private static func isClauseLabel(_ piece: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
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
