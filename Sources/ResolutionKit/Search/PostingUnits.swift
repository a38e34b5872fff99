/// The unit ordinal of every posting, in three bytes each while the index
/// has fewer than 2^24 units (every corpus of up to about 500,000
/// resolutions), else four. Postings outnumber every other record of the
/// index: at 10,000 resolutions 5.9 million of them, 22 MB at four bytes.
///
/// Immutable once built, so shared between threads; queries read it
/// through a `View`, without bounds checks or reference counting.
final class PostingUnits: @unchecked Sendable {
  /// Bytes per posting.
  let width: Int
  let count: Int
  /// `count * width` bytes, then three of padding: a read loads four
  /// bytes whatever the width.
  private let storage: UnsafeMutableRawBufferPointer

  /// Room for `count` postings of units below `unitCount`, unset: every
  /// posting must be set (`writer`) before it is read.
  init(count: Int, unitCount: Int) {
    width = unitCount < 1 << 24 ? 3 : 4
    self.count = count
    storage = .allocate(byteCount: count * width + 3, alignment: 8)
    // The padding is read (and masked off) with the last posting.
    storage.baseAddress!.advanced(by: count * width).initializeMemory(
      as: UInt8.self, repeating: 0, count: 3)
  }

  deinit { storage.deallocate() }

  var byteCount: Int { storage.count }

  /// Sets postings while `self` is held: the index build's hot loop, with
  /// the buffer and width in hand rather than read through the class.
  var writer: Writer { Writer(base: storage.baseAddress!, width: width) }

  struct Writer {
    let base: UnsafeMutableRawPointer
    let width: Int

    /// Writes the posting's own bytes only: postings next to each other
    /// are set by different threads at once.
    @inline(__always)
    func set(_ posting: Int, _ unit: Int32) {
      let offset = posting &* width
      let value = UInt32(bitPattern: unit)
      if width == 3 {
        (base + offset).storeBytes(
          of: UInt16(truncatingIfNeeded: value).littleEndian, as: UInt16.self)
        (base + offset + 2).storeBytes(of: UInt8(truncatingIfNeeded: value >> 16), as: UInt8.self)
      } else {
        (base + offset).storeBytes(of: value.littleEndian, as: UInt32.self)
      }
    }
  }

  subscript(posting: Int) -> Int32 { view[posting] }

  /// All postings, for reading in a hot loop while `self` is held.
  var view: View { View(base: UnsafeRawPointer(storage.baseAddress!), width: width, count: count) }

  /// Postings `range`, indexed from 0, while `self` is held.
  func view(_ range: Range<Int>) -> View {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    return View(
      base: UnsafeRawPointer(storage.baseAddress!) + range.lowerBound * width, width: width,
      count: range.count)
  }

  /// Postings read in place; valid while the `PostingUnits` it came from is.
  struct View {
    let base: UnsafeRawPointer
    let width: Int
    let count: Int
    /// The bits of a four-byte read that are the posting's.
    let mask: UInt32

    init(base: UnsafeRawPointer, width: Int, count: Int) {
      self.base = base
      self.width = width
      self.count = count
      mask = width == 4 ? .max : 0x00FF_FFFF
    }

    @inline(__always)
    subscript(posting: Int) -> Int32 {
      let word = UInt32(
        littleEndian: base.loadUnaligned(fromByteOffset: posting &* width, as: UInt32.self))
      return Int32(bitPattern: word & mask)
    }
  }
}
