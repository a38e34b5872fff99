#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The term id of every token of a chunk, in order, as pass 1 of the index
/// build finds them and pass 2 reads them back, once.
///
/// These ids are the build's largest scratch (one per word of the corpus,
/// about 28 MB at 10,000 resolutions), alive while pass 2 writes the index
/// itself: they set the load's peak memory. So they live in blocks mapped
/// from the system, not in one array: a page is resident only once written
/// (an array grown by appending can hold twice what it needs), and the
/// reader gives each block back as soon as it has read it, so the index
/// grows into the room the ids leave.
final class TermIDBlocks: @unchecked Sendable {
  /// Ids per block (1 MB).
  static let blockSize = 1 << 18
  private var blocks: [Block] = []

  init() {}

  deinit {
    for index in blocks.indices { blocks[index].release() }
  }

  /// A new block at the end, for `Writer`.
  private func addBlock() -> UnsafeMutablePointer<Int32> {
    let block = Block()
    blocks.append(block)
    // A block always has its memory until read.
    return block.ids.baseAddress.unsafelyUnwrapped
  }

  /// Appends ids. A struct, so that each append (one per word of the
  /// corpus) touches only its own fields: a class's stored properties are
  /// checked for exclusive access at run time on every use, which cost
  /// more than the append itself.
  /// (Sendable: a finished chunk is handed from the thread that wrote it to
  /// the one that reads it, never shared while written.)
  struct Writer: @unchecked Sendable {
    let blocks = TermIDBlocks()
    private var current: UnsafeMutablePointer<Int32>?
    /// Where the next id goes in `current`; `blockSize` when full.
    private var offset = TermIDBlocks.blockSize
    private(set) var count = 0

    @inline(__always)
    mutating func append(_ id: Int32) {
      if offset == TermIDBlocks.blockSize {
        current = blocks.addBlock()
        offset = 0
      }
      current.unsafelyUnwrapped[offset] = id
      offset += 1
      count += 1
    }
  }

  /// Reads the ids from the first, in order, releasing each block once
  /// read: the ids can be read only once, after the writer is done.
  struct Reader: ~Copyable {
    private let source: TermIDBlocks
    private var block = -1
    private var current = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var offset = 0

    init(_ source: TermIDBlocks) { self.source = source }

    /// The next id; must not be called more than the writer's `count` times.
    mutating func next() -> Int32 {
      if offset == current.count {
        if block >= 0 { source.blocks[block].release() }
        block += 1
        current = source.blocks[block].ids
        offset = 0
      }
      defer { offset += 1 }
      return current[offset]
    }
  }

  /// One block: mapped pages where the system has `mmap`, else the heap.
  private struct Block {
    var ids: UnsafeMutableBufferPointer<Int32>
    private var isMapped: Bool
    private static let byteCount = TermIDBlocks.blockSize * MemoryLayout<Int32>.stride

    init() {
      #if canImport(Glibc) || canImport(Darwin)
        let pages = mmap(
          nil, Self.byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let pages, pages != MAP_FAILED {
          ids = UnsafeMutableBufferPointer(
            start: pages.bindMemory(to: Int32.self, capacity: TermIDBlocks.blockSize),
            count: TermIDBlocks.blockSize)
          isMapped = true
          return
        }
      #endif
      ids = .allocate(capacity: TermIDBlocks.blockSize)
      ids.initialize(repeating: 0)
      isMapped = false
    }

    /// Gives the block's memory back; idempotent.
    mutating func release() {
      guard let start = ids.baseAddress else { return }
      #if canImport(Glibc) || canImport(Darwin)
        if isMapped {
          munmap(start, Self.byteCount)
          ids = UnsafeMutableBufferPointer(start: nil, count: 0)
          return
        }
      #endif
      ids.deallocate()
      ids = UnsafeMutableBufferPointer(start: nil, count: 0)
    }
  }
}
