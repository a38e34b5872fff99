/// Where each posting's word positions lie in `SearchIndex.positions`: a
/// byte per posting for its count and width and, per block of postings,
/// where the block's positions start. About 1.25 bytes a posting, where a
/// start per posting took 4 (postings outnumber every other array of the
/// index).
///
/// Positions take one byte in a unit of at most 256 words (nearly all of
/// them), two in a longer one: all the postings of a unit have the same
/// width, so a phrase's words are read alike. Positions are laid out
/// posting after posting, so a posting's start is its block's start plus
/// the bytes of the postings before it in the block. Ranking reads only
/// counts; phrases and proximity read position lists.
///
/// Immutable once built, so shared between threads; its buffers are
/// reached without bounds checks or reference counting in the query hot
/// path.
final class PostingPositions: @unchecked Sendable {
  static let blockShift = 4
  static let blockSize = 1 << blockShift
  /// Set in a count byte when the posting's positions take two bytes.
  static let wideFlag: UInt8 = 0x80
  /// The count bits of a count byte.
  static let countBits: UInt8 = 0x7F
  /// Count bits of this value mean 127 or more: the count is in
  /// `largeCounts`.
  static let largeMark: UInt8 = 0x7F
  /// Units with more words than this have two-byte positions.
  static let narrowUnitLength = 256

  /// Per posting, its width (`wideFlag`) and number of positions (see
  /// `largeMark`).
  let counts: UnsafeMutableBufferPointer<UInt8>
  /// Per block of `blockSize` postings, the byte where its first one's
  /// positions start.
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
    let bits = counts[posting] & Self.countBits
    return bits == Self.largeMark ? largeCount(posting) : Int(bits)
  }

  /// The bytes `posting`'s positions take.
  @inline(__always)
  private func byteLength(_ posting: Int) -> Int {
    counts[posting] & Self.wideFlag == 0 ? count(posting) : 2 &* count(posting)
  }

  /// Where `posting`'s positions are in `SearchIndex.positions`: their
  /// first byte, how many, and whether they take two bytes each.
  @inline(__always)
  func place(_ posting: Int) -> (start: Int, count: Int, isWide: Bool) {
    var start = Int(blockStarts[posting >> Self.blockShift])
    var earlier = posting & ~(Self.blockSize - 1)
    while earlier < posting {
      start += byteLength(earlier)
      earlier += 1
    }
    return (start, count(posting), counts[posting] & Self.wideFlag != 0)
  }

  /// `posting`'s positions in `positions` (the index's, at hand).
  @inline(__always)
  func list(_ posting: Int, in positions: UnsafeRawPointer?) -> PositionList {
    let (start, count, isWide) = place(posting)
    return PositionList(base: positions.map { $0 + start }, count: count, isWide: isWide)
  }

  private func largeCount(_ posting: Int) -> Int {
    let index = largePostings.sortedLowerBound(of: posting)
    // Every marked posting is listed (see `init`).
    return index < largePostings.count && largePostings[index] == posting
      ? largeCounts[index] : Int(Self.largeMark)
  }
}

/// One posting's positions, ascending: bytes, or little-endian 16-bit
/// words for a long unit (capped at 65535, where they may repeat).
struct PositionList {
  let base: UnsafeRawPointer?
  let count: Int
  let isWide: Bool

  @inline(__always)
  subscript(index: Int) -> Int {
    isWide
      ? Int(
        UInt16(
          littleEndian: base.unsafelyUnwrapped.loadUnaligned(
            fromByteOffset: index &* 2, as: UInt16.self)))
      : Int(base.unsafelyUnwrapped.load(fromByteOffset: index, as: UInt8.self))
  }

  /// Whether the last position is the cap: later words were not counted
  /// apart.
  var reachesCap: Bool { isWide && count > 0 && self[count - 1] == Int(UInt16.max) }
}
