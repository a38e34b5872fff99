#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The term id of every token of a chunk, in order, as pass 1 of the index
/// build finds them and pass 2 reads them back, once.
///
/// These ids are the build's largest scratch (one per word of the corpus),
/// alive while pass 2 writes the index itself: they set the load's peak
/// memory. So they live in blocks mapped from the system, not in one
/// array: a page is resident only once written (an array grown by
/// appending can hold twice what it needs), and the reader gives each
/// block back as soon as it has read it, so the index grows into the room
/// the ids leave. And they take two bytes each while they fit (a chunk's
/// vocabulary rarely passes 65,536 words), four from the first that does
/// not: 14 MB instead of 28 at 10,000 resolutions.
final class TermIDBlocks: @unchecked Sendable {
  /// Ids per block (512 KB of narrow ids, 1 MB of wide ones).
  static let blockSize = 1 << 18
  private var blocks: [Block] = []

  init() {}

  deinit {
    for index in blocks.indices { blocks[index].release() }
  }

  /// A new block at the end, for `Writer`; the one before it holds
  /// `filled` ids.
  private func addBlock(wide: Bool, filled: Int) -> UnsafeMutableRawPointer {
    if !blocks.isEmpty { blocks[blocks.count - 1].count = filled }
    let block = Block(wide: wide)
    blocks.append(block)
    // A block always has its memory until read.
    return block.base.unsafelyUnwrapped
  }

  /// Appends ids. A struct, so that each append (one per word of the
  /// corpus) touches only its own fields: a class's stored properties are
  /// checked for exclusive access at run time on every use, which cost
  /// more than the append itself.
  /// (Sendable: a finished chunk is handed from the thread that wrote it to
  /// the one that reads it, never shared while written.)
  struct Writer: @unchecked Sendable {
    let blocks = TermIDBlocks()
    private var current: UnsafeMutableRawPointer?
    /// Whether ids are written in four bytes: from the first that does
    /// not fit in two, for the rest of the chunk.
    private var isWide = false
    /// Where the next id goes in `current`; `blockSize` when full.
    private var offset = TermIDBlocks.blockSize
    private(set) var count = 0

    @inline(__always)
    mutating func append(_ id: Int32) {
      let fitsNarrow = UInt32(bitPattern: id) <= UInt32(UInt16.max)
      if offset == TermIDBlocks.blockSize || (!isWide && !fitsNarrow) {
        isWide = isWide || !fitsNarrow
        current = blocks.addBlock(wide: isWide, filled: offset)
        offset = 0
      }
      if isWide {
        current.unsafelyUnwrapped.storeBytes(
          of: id, toByteOffset: offset &* 4, as: Int32.self)
      } else {
        current.unsafelyUnwrapped.storeBytes(
          of: UInt16(truncatingIfNeeded: id), toByteOffset: offset &* 2, as: UInt16.self)
      }
      offset += 1
      count += 1
    }
  }

  /// Reads the ids from the first, in order, releasing each block once
  /// read: the ids can be read only once, after the writer is done.
  struct Reader: ~Copyable {
    private let source: TermIDBlocks
    private var block = -1
    private var current: UnsafeMutableRawPointer?
    private var isWide = false
    private var count = 0
    private var offset = 0

    init(_ source: TermIDBlocks) { self.source = source }

    /// The next id; must not be called more than the writer's `count` times.
    mutating func next() -> Int32 {
      if offset == count {
        if block >= 0 { source.blocks[block].release() }
        block += 1
        current = source.blocks[block].base
        isWide = source.blocks[block].isWide
        count = source.blocks[block].count
        offset = 0
      }
      defer { offset += 1 }
      return isWide
        ? current.unsafelyUnwrapped.load(fromByteOffset: offset &* 4, as: Int32.self)
        : Int32(current.unsafelyUnwrapped.load(fromByteOffset: offset &* 2, as: UInt16.self))
    }
  }

  /// One block: mapped pages where the system has `mmap`, else the heap.
  private struct Block {
    private(set) var base: UnsafeMutableRawPointer?
    let isWide: Bool
    /// Ids written: `blockSize` unless the writer moved to wide ids early
    /// (the last block's is never read past what was written).
    var count = TermIDBlocks.blockSize
    private var isMapped: Bool
    private var byteCount: Int { TermIDBlocks.blockSize * (isWide ? 4 : 2) }

    init(wide: Bool) {
      isWide = wide
      isMapped = false
      #if canImport(Glibc) || canImport(Darwin)
        let pages = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let pages, pages != MAP_FAILED {
          base = pages
          isMapped = true
          return
        }
      #endif
      base = .allocate(byteCount: byteCount, alignment: 4)
    }

    /// Gives the block's memory back; idempotent.
    mutating func release() {
      guard let start = base else { return }
      base = nil
      #if canImport(Glibc) || canImport(Darwin)
        if isMapped {
          munmap(start, byteCount)
          return
        }
      #endif
      start.deallocate()
    }
  }
}
