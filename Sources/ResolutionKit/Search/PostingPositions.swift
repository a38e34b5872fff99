/// Where each posting's word positions lie in `SearchIndex.positions`: a
/// byte per posting for its count and, per block of postings, where the
/// block's positions start. About 1.25 bytes a posting, where a start per
/// posting took 4 (postings outnumber every other array of the index).
///
/// Positions are laid out posting after posting, so a posting's start is
/// its block's start plus the counts of the postings before it in the
/// block. Ranking reads only counts; phrases and proximity read ranges.
///
/// Immutable once built, so shared between threads; its buffers are
/// reached without bounds checks or reference counting in the query hot
/// path.
final class PostingPositions: @unchecked Sendable {
  static let blockShift = 4
  static let blockSize = 1 << blockShift
  /// A count byte of this value means 255 or more: the count is in
  /// `largeCounts`.
  static let largeMark = UInt8.max

  /// Per posting, its number of positions (see `largeMark`).
  let counts: UnsafeMutableBufferPointer<UInt8>
  /// Per block of `blockSize` postings, the position of its first one.
  let blockStarts: UnsafeMutableBufferPointer<UInt32>
  /// Postings counted `largeMark`, ascending, and their counts.
  private let largePostings: [Int]
  private let largeCounts: [Int]

  /// Takes ownership of `counts` and `blockStarts` (allocated, every
  /// element initialised); `large` lists each posting marked `largeMark`
  /// with its count, in any order.
  init(
    counts: UnsafeMutableBufferPointer<UInt8>, blockStarts: UnsafeMutableBufferPointer<UInt32>,
    large: [(posting: Int, count: Int)]
  ) {
    self.counts = counts
    self.blockStarts = blockStarts
    let sorted = large.sorted { $0.posting < $1.posting }
    largePostings = sorted.map(\.posting)
    largeCounts = sorted.map(\.count)
  }

  deinit {
    counts.deallocate()
    blockStarts.deallocate()
  }

  static func blockCount(postings: Int) -> Int { (postings + blockSize - 1) >> blockShift }

  var byteCount: Int { counts.count + blockStarts.count * 4 + largePostings.count * 16 }

  /// How many positions `posting` has: its term's frequency in its unit.
  @inline(__always)
  func count(_ posting: Int) -> Int {
    let byte = counts[posting]
    return byte == Self.largeMark ? largeCount(posting) : Int(byte)
  }

  /// The indices in `SearchIndex.positions` of `posting`'s positions.
  @inline(__always)
  func range(_ posting: Int) -> Range<Int> {
    var start = Int(blockStarts[posting >> Self.blockShift])
    var earlier = posting & ~(Self.blockSize - 1)
    while earlier < posting {
      start += count(earlier)
      earlier += 1
    }
    return start..<(start + count(posting))
  }

  private func largeCount(_ posting: Int) -> Int {
    let index = largePostings.sortedLowerBound(of: posting)
    // Every marked posting is listed (see `init`).
    return index < largePostings.count && largePostings[index] == posting
      ? largeCounts[index] : Int(Self.largeMark)
  }
}
