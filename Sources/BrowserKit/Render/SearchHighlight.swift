/// What the reader paints in the search-match role: a function from a
/// drawn line's text to the ranges that match. The search module sets it
/// (for instance from `QueryMatcher.matchRanges(of:in:)`); nil paints none.
/// Lines are matched one by one, so a match broken by wrapping is missed.
public struct SearchHighlight: Sendable {
  public var ranges: @Sendable (String) -> [Range<String.Index>]

  public init(ranges: @escaping @Sendable (String) -> [Range<String.Index>]) {
    self.ranges = ranges
  }

  /// Glyph positions on a line that fall in a match.
  func matchedPositions(in line: ReaderLine) -> Set<Int> {
    let text = line.characters
    var positions = Set<Int>()
    for range in ranges(text) {
      guard range.lowerBound >= text.startIndex, range.upperBound <= text.endIndex else { continue }
      let start = text.distance(from: text.startIndex, to: range.lowerBound)
      let count = text.distance(from: range.lowerBound, to: range.upperBound)
      positions.formUnion(start..<(start + count))
    }
    return positions
  }
}
