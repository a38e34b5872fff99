import ResolutionKit

/// The visible rows of the tree, made only when read: closed siblings are
/// kept as runs (a position range), so opening a chapter of 14,000
/// documents, or finding a document's row, costs the number of open nodes
/// and not the number of documents. Reads as the array
/// `TreeOutline.rows(expanded:)` would give.
public struct TreeRowList: RandomAccessCollection, Sendable {
  public private(set) var outline: TreeOutline
  private var segments: [TreeSegment]
  /// The row index each segment starts at, and the total last.
  private var starts: [Int]

  public init(outline: TreeOutline, expanded: Set<TreeNodeID>) {
    self.outline = outline
    segments = outline.segments(expanded: expanded)
    starts = []
    recount()
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { starts.last ?? 0 }

  public subscript(index: Int) -> TreeRow {
    let (segment, offset) = locate(index)
    switch segments[segment] {
    case .run(let source, let range): return outline.closedRow(source, range.lowerBound + offset)
    case .rows(let rows): return rows[offset]
    }
  }

  /// The segment holding a row and the row's offset in it (binary search).
  private func locate(_ index: Int) -> (segment: Int, offset: Int) {
    var low = 0
    var high = segments.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= index { low = middle } else { high = middle - 1 }
    }
    return (low, index - starts[low])
  }

  private mutating func recount() {
    starts.removeAll(keepingCapacity: true)
    starts.reserveCapacity(segments.count + 1)
    var total = 0
    for segment in segments {
      starts.append(total)
      total += segment.count
    }
    starts.append(total)
  }

  /// The first row of a node, if visible. Chapters and documents (one row
  /// each) are found from their place among their siblings; other nodes
  /// by a scan of the made rows only, never of the runs.
  public func index(ofNode id: TreeNodeID) -> Int? {
    firstIndex(ofNode: id, in: indices)
  }

  /// The first row of a node among `range`.
  public func firstIndex(ofNode id: TreeNodeID, in range: Range<Int>) -> Int? {
    if let place = outline.place(of: id), let index = placedIndex(of: id, at: place) {
      return range.contains(index) ? index : nil
    }
    for (k, segment) in segments.enumerated() {
      guard case .rows(let rows) = segment else { continue }
      let lower = Swift.max(range.lowerBound, starts[k]) - starts[k]
      let upper = Swift.min(range.upperBound, starts[k + 1]) - starts[k]
      guard lower < upper else { continue }
      if let offset = rows[lower..<upper].firstIndex(where: { $0.id == id }) {
        return starts[k] + offset
      }
    }
    return nil
  }

  /// The last row of a node before row `end` (a parent above its child).
  public func lastIndex(ofNode id: TreeNodeID, before end: Int) -> Int? {
    if let place = outline.place(of: id), let index = placedIndex(of: id, at: place) {
      return index < end ? index : nil
    }
    for (k, segment) in segments.enumerated().reversed() {
      guard case .rows(let rows) = segment else { continue }
      let upper = Swift.min(end, starts[k + 1]) - starts[k]
      guard upper > 0 else { continue }
      if let offset = rows[..<upper].lastIndex(where: { $0.id == id }) {
        return starts[k] + offset
      }
    }
    return nil
  }

  /// The row of a chapter or document: in the run holding its place, or
  /// (when open) in the made rows.
  private func placedIndex(of id: TreeNodeID, at place: TreeSpanPlace) -> Int? {
    for (k, segment) in segments.enumerated() {
      if case .run(let source, let range) = segment, source == place.source,
        range.contains(place.position)
      {
        return starts[k] + place.position - range.lowerBound
      }
    }
    for (k, segment) in segments.enumerated() {
      if case .rows(let rows) = segment, let offset = rows.firstIndex(where: { $0.id == id }) {
        return starts[k] + offset
      }
    }
    return nil
  }

  /// The end of the rows under the row at `index`: the first later row no
  /// deeper than it. Runs deeper than the row are skipped whole.
  public func subtreeEnd(of index: Int) -> Int {
    guard indices.contains(index), index + 1 < endIndex else { return endIndex }
    let depth = self[index].depth
    var (segment, offset) = locate(index + 1)
    while segment < segments.count {
      switch segments[segment] {
      case .run(let source, _):
        if Self.depth(of: source) <= depth { return starts[segment] + offset }
      case .rows(let rows):
        if let found = rows[offset...].firstIndex(where: { $0.depth <= depth }) {
          return starts[segment] + found
        }
      }
      segment += 1
      offset = 0
    }
    return endIndex
  }

  private static func depth(of source: TreeSpanSource) -> Int {
    switch source {
    case .top: return 0
    case .chapter: return 1
    }
  }

  /// Puts `row` (its expansion changed) and what is now visible under it
  /// in place of the rows from `index` to `end`; returns the new end.
  @discardableResult
  public mutating func replaceNode(
    at index: Int, through end: Int, with row: TreeRow, expanded: Set<TreeNodeID>
  ) -> Int {
    guard indices.contains(index), index < end, end <= endIndex else { return end }
    let replacement = outline.segments(forNode: row, expanded: expanded)
    let first = split(at: index)
    let last = split(at: end)
    segments.replaceSubrange(first..<last, with: replacement)
    // Join neighbours so that opening and closing leaves no debris.
    let joinFrom = Swift.max(0, first - 1)
    let joinTo = Swift.min(segments.count, first + replacement.count + 1)
    join(joinFrom..<joinTo)
    recount()
    return index + replacement.reduce(0) { $0 + $1.count }
  }

  /// Splits the segment holding row `index` so that a segment starts
  /// there; returns that segment's position (`segments.count` at the end).
  private mutating func split(at index: Int) -> Int {
    guard index < endIndex else { return segments.count }
    let (segment, offset) = locate(index)
    guard offset > 0 else { return segment }
    switch segments[segment] {
    case .run(let source, let range):
      let middle = range.lowerBound + offset
      segments.replaceSubrange(
        segment...segment,
        with: [.run(source, range.lowerBound..<middle), .run(source, middle..<range.upperBound)])
    case .rows(let rows):
      segments.replaceSubrange(
        segment...segment, with: [.rows(Array(rows[..<offset])), .rows(Array(rows[offset...]))])
    }
    recount()
    return segment + 1
  }

  /// Merges neighbouring segments in `range` that continue each other.
  private mutating func join(_ range: Range<Int>) {
    var k = range.lowerBound
    var upper = range.upperBound
    while k + 1 < upper {
      switch (segments[k], segments[k + 1]) {
      case (.run(let a, let left), .run(let b, let right))
      where a == b && left.upperBound == right.lowerBound:
        segments[k] = .run(a, left.lowerBound..<right.upperBound)
      case (.rows(let top), .rows(let bottom)):
        segments[k] = .rows(top + bottom)
      default:
        k += 1
        continue
      }
      segments.remove(at: k + 1)
      upper -= 1
    }
  }

  /// How many segments hold the rows (for tests: runs join again).
  var segmentCount: Int { segments.count }

  /// How many rows are made ahead of being read (for tests: opening a
  /// chapter makes none for its members).
  var madeRowCount: Int {
    segments.reduce(0) {
      if case .rows(let rows) = $1 { return $0 + rows.count }
      return $0
    }
  }

  /// The same corpus with its references resolved (see
  /// `TreeOutline.replaceCorpus`): rows do not change.
  mutating func replaceCorpus(_ resolved: Corpus) {
    outline.replaceCorpus(resolved)
  }
}
