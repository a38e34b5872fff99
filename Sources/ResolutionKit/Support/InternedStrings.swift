import Foundation

/// Strings held once in the process, each named by a 32-bit number.
///
/// A `Reference` keeps its eight strings as numbers here: 32 bytes where
/// eight `String` values took 128, and the same citation written in a
/// thousand resolutions (`Resolution 71 (Rev. Dubai, 2018)`) is stored
/// once. A `SourceLocation` keeps its file name here. Equal numbers mean
/// byte-for-byte equal strings, so values holding numbers compare and
/// hash by them.
///
/// The table never shrinks: it holds what the references of the
/// process's corpora ever said (at 10,000 resolutions, 100,000 strings
/// in about 10 MB, with the copies lookups compare against). Sixteen
/// shards, each with its own lock, let the parse's threads add strings
/// side by side, and each thread keeps the strings it asked for last
/// (`ThreadCache`, by their stored copies): the same few
/// strings are asked for again and again (a body, a label, a path), and
/// two threads asking for one of them at once put one to sleep on its
/// shard's lock (1,600 context switches in a `resbrowse-bench measure`
/// run at 10,000 resolutions, against about 100 before strings were
/// numbered; 350 with the cache and adaptive locks). Reading a
/// string takes no lock (a string, once stored, never moves, and a
/// number reaches a reader only after it was stored).
enum InternedStrings {
  /// The number that stands for no string.
  static let none: UInt32 = 0

  private static let shardBits = 4
  private static let shards = (0..<(1 << shardBits)).map { _ in Shard() }

  /// The number of the string whose UTF-8 is `bytes` (valid UTF-8).
  static func number(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    if let digits = Digits.number(of: bytes) { return digits }
    let hash = ByteHash.of(bytes).value
    let cache = ThreadCache.current
    if let cached = cache.number(hash: hash, bytes: bytes) { return cached }
    let (index, stored) = shards[Int(hash) & ((1 << shardBits) - 1)].number(of: bytes, hash: hash)
    cache.remember(hash: hash, stored: stored)
    return number(index: index, hash: hash)
  }

  /// The number of string `index` of the shard that `hash` picks.
  @inline(__always)
  private static func number(index: Int, hash: UInt32) -> UInt32 {
    UInt32(index + 1) << UInt32(shardBits) | hash & ((1 << UInt32(shardBits)) - 1)
  }

  /// The number of `string`; `none` for nil.
  static func number(of string: String?) -> UInt32 {
    guard let string else { return none }
    // A native string's bytes in place (no copy, no reference count
    // touched); a small one's are inside the value, copied for free.
    if let number = string.utf8.withContiguousStorageIfAvailable({ number(of: $0) }) {
      return number
    }
    var copy = string
    return copy.withUTF8 { number(of: $0) }
  }

  /// The string numbered `number`; nil for `none`.
  @inline(__always)
  static func string(_ number: UInt32) -> String? {
    guard number != none else { return nil }
    if number & Digits.flag != 0 { return Digits.string(number) }
    let shard = Int(number) & ((1 << shardBits) - 1)
    return shards[shard].string(at: Int(number >> UInt32(shardBits)) - 1)
  }

  /// Bytes the table holds, in all shards (for memory profiles).
  static var byteCount: Int { shards.reduce(0) { $0 + $1.byteCount } }

  /// Strings of one to eight ASCII digits (a resolution's number, a
  /// clause's label), numbered by their value: no table, no lookup. A
  /// corpus has thousands of distinct ones, more than `ThreadCache`
  /// holds, and each took a locked probe of a shard (two cache misses).
  /// The number is `flag`, the digit count - 1 (3 bits), then the value
  /// (27 bits), so leading zeros are kept; table numbers stay below
  /// `flag`.
  enum Digits {
    static let flag: UInt32 = 1 << 31
    private static let valueBits: UInt32 = 27

    @inline(__always)
    static func number(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
      guard (1...8).contains(bytes.count) else { return nil }
      var value: UInt32 = 0
      for byte in bytes {
        let digit = byte &- 0x30
        guard digit < 10 else { return nil }
        value = value &* 10 &+ UInt32(digit)
      }
      return flag | UInt32(bytes.count - 1) << valueBits | value
    }

    static func string(_ number: UInt32) -> String {
      let count = Int((number & ~flag) >> valueBits) + 1
      var value = number & ((1 << valueBits) - 1)
      // At most eight bytes: a small string, made without an allocation.
      return String(unsafeUninitializedCapacity: count) { buffer in
        for index in stride(from: count - 1, through: 0, by: -1) {
          buffer[index] = 0x30 + UInt8(value % 10)
          value /= 10
        }
        return count
      }
    }
  }

  /// The strings this thread asked for last, by hash: one per slot of a
  /// small table, the last one asked for in that slot, as the address of
  /// its stored copy (`StoredBytes`), which a hit is checked against and
  /// which holds its index. Made per thread on first use, freed with the
  /// thread.
  final class ThreadCache {
    static let slotBits = 10
    /// Buffers, not arrays: a class's array property is checked for
    /// exclusive access on every use, and this is read per string.
    private let hashes: UnsafeMutablePointer<UInt32>
    private let stored: UnsafeMutablePointer<UnsafeRawPointer?>

    init() {
      let count = 1 << Self.slotBits
      hashes = .allocate(capacity: count)
      hashes.initialize(repeating: 0, count: count)
      stored = .allocate(capacity: count)
      stored.initialize(repeating: nil, count: count)
    }

    deinit {
      hashes.deallocate()
      stored.deallocate()
    }

    /// The number last remembered with `hash`, if its bytes are `bytes`.
    @inline(__always)
    func number(hash: UInt32, bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
      let slot = Int(hash) & ((1 << Self.slotBits) - 1)
      guard hashes[slot] == hash, let entry = stored[slot], StoredBytes.equal(entry, bytes)
      else { return nil }
      return InternedStrings.number(index: StoredBytes.index(entry), hash: hash)
    }

    @inline(__always)
    func remember(hash: UInt32, stored entry: UnsafeRawPointer) {
      let slot = Int(hash) & ((1 << Self.slotBits) - 1)
      hashes[slot] = hash
      stored[slot] = entry
    }

    private static let key: pthread_key_t = {
      var key = pthread_key_t()
      _ = pthread_key_create(&key) { cache in
        guard let cache else { return }
        Unmanaged<ThreadCache>.fromOpaque(cache).release()
      }
      return key
    }()

    /// This thread's cache.
    static var current: ThreadCache {
      if let existing = pthread_getspecific(key) {
        return Unmanaged<ThreadCache>.fromOpaque(existing).takeUnretainedValue()
      }
      let made = ThreadCache()
      pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
      return made
    }
  }

  /// One shard: its strings in chunks that never move, and a copy of
  /// each one's bytes (`StoredBytes`) that lookups compare without
  /// touching a `String`: comparing against the `String` read its record,
  /// then retained its storage, two cache misses and two atomic updates
  /// per lookup (the parse asks for about 700,000 strings at 10,000
  /// resolutions). Chunk `k` holds `firstChunk << k` strings, so a few
  /// dozen chunks hold any number a process could make, and the
  /// directory of chunks is a few hundred bytes.
  private final class Shard: @unchecked Sendable {
    static let firstChunkBits = 8
    static let chunkCount = 20
    /// Spins a little before it sleeps (glibc's adaptive mutex): the lock
    /// is held for a probe or an insert, far shorter than a sleep and a
    /// wake-up.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    /// Open addressing, one word a slot: the hash above the place of the
    /// string's copy in `bytes` (never 0: an empty slot is 0).
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var count = 0
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private var bytes = StoredBytes()

    init() {
      lock = .allocate(capacity: 1)
      var attributes = pthread_mutexattr_t()
      pthread_mutexattr_init(&attributes)
      pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
      pthread_mutex_init(lock, &attributes)
      pthread_mutexattr_destroy(&attributes)
      chunks = .allocate(capacity: Self.chunkCount)
      chunks.initialize(repeating: nil, count: Self.chunkCount)
      let slotCount = 64
      slots = .allocate(capacity: slotCount)
      slots.initialize(repeating: 0, count: slotCount)
      mask = slotCount - 1
    }

    /// The chunk holding string `index`, and its place there.
    @inline(__always)
    private static func place(of index: Int) -> (chunk: Int, offset: Int) {
      let shifted = index + (1 << firstChunkBits)
      let chunk = (Int.bitWidth - 1 - shifted.leadingZeroBitCount) - firstChunkBits
      return (chunk, shifted - (1 << (firstChunkBits + chunk)))
    }

    /// The index of `bytes`' string in this shard, stored if new, and
    /// where its bytes are stored.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (
      index: Int, stored: UnsafeRawPointer
    ) {
      pthread_mutex_lock(lock)
      defer { pthread_mutex_unlock(lock) }
      var slot = Int(hash) & mask
      while slots[slot] != 0 {
        let entry = slots[slot]
        if UInt32(truncatingIfNeeded: entry >> 32) == hash {
          let stored = self.bytes.address(of: UInt32(truncatingIfNeeded: entry))
          if StoredBytes.equal(stored, bytes) { return (StoredBytes.index(stored), stored) }
        }
        slot = (slot &+ 1) & mask
      }
      let index = count
      let (chunk, offset) = Self.place(of: index)
      // 2^27 - 1 strings in a shard (what a number below `Digits.flag`
      // has room for): more than any process could hold.
      precondition(index < (1 << 27) - 1, "too many distinct strings")
      if chunks[chunk] == nil {
        chunks[chunk] = .allocate(capacity: 1 << (Self.firstChunkBits + chunk))
      }
      (chunks[chunk].unsafelyUnwrapped + offset).initialize(
        to: String(decoding: bytes, as: UTF8.self))
      let (place, stored) = self.bytes.store(bytes, index: index)
      count += 1
      slots[slot] = UInt64(hash) << 32 | UInt64(place)
      if count * 2 > mask + 1 { growSlots() }
      return (index, stored)
    }

    /// Bytes held (for memory profiles): slots, chunks, the storage of
    /// strings too long to live inside a `String`, and the stored copies.
    var byteCount: Int {
      pthread_mutex_lock(lock)
      defer { pthread_mutex_unlock(lock) }
      var total = 8 * (mask + 1) + bytes.byteCount
      for chunk in 0..<Self.chunkCount where chunks[chunk] != nil {
        total += 16 << (Self.firstChunkBits + chunk)
      }
      for index in 0..<count {
        let length = string(at: index).utf8.count
        // A native string's storage: a 32-byte header, the bytes and a
        // terminating zero, in a malloc chunk (8 bytes more, rounded to
        // 16), as `resbrowse-bench memory` counts the model's strings.
        if length > 15 { total += (32 + length + 1 + 8 + 15) & ~15 }
      }
      return total
    }

    @inline(__always)
    func string(at index: Int) -> String {
      let (chunk, offset) = Self.place(of: index)
      return chunks[chunk].unsafelyUnwrapped[offset]
    }

    /// Doubles the slots, placing each string again by its hash.
    private func growSlots() {
      let old = slots
      let oldCount = mask + 1
      slots = .allocate(capacity: 2 * oldCount)
      slots.initialize(repeating: 0, count: 2 * oldCount)
      mask = 2 * oldCount - 1
      for entry in UnsafeBufferPointer(start: old, count: oldCount) where entry != 0 {
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
      }
      old.deallocate()
    }
  }
}

/// Copies of byte strings, each with the index of its string, in blocks
/// that never move or go: an address handed out stays valid for the
/// process, and any thread may read it. A copy is found by its place, a
/// 32-bit number (so that a table slot holds a hash and a place in one
/// word), or by its address.
struct StoredBytes {
  /// A block's bytes; a longer string gets a block of its own.
  static let blockBits = 16
  /// Copies start at multiples of 8 bytes: a place is a block number
  /// (above) and an offset in eighths (below).
  private static let offsetBits = blockBits - 3
  private var blocks: [UnsafeMutableRawPointer] = []
  private var used = 0
  private var size = 0

  /// Stores `bytes` (fewer than 2^32) as string `index`; returns the
  /// copy's place (never 0) and address.
  mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, index: Int) -> (
    place: UInt32, address: UnsafeRawPointer
  ) {
    // The index, the length, the bytes.
    let needed = (8 + bytes.count + 7) & ~7
    if blocks.isEmpty || used + needed > size {
      // The rest of the old block is left unused.
      size = max(1 << Self.blockBits, needed)
      blocks.append(.allocate(byteCount: size, alignment: 8))
      byteCount += size
      used = 0
      precondition(blocks.count < 1 << (32 - Self.offsetBits), "too many stored strings")
    }
    let entry = blocks[blocks.count - 1] + used
    entry.storeBytes(of: UInt32(truncatingIfNeeded: index), as: UInt32.self)
    entry.storeBytes(of: UInt32(truncatingIfNeeded: bytes.count), toByteOffset: 4, as: UInt32.self)
    if let base = bytes.baseAddress { (entry + 8).copyMemory(from: base, byteCount: bytes.count) }
    // The first block's first copy would be place 0: places count from 1.
    let place = UInt32(blocks.count) << UInt32(Self.offsetBits) | UInt32(used >> 3)
    used += needed
    return (place, UnsafeRawPointer(entry))
  }

  /// Bytes of the blocks.
  private(set) var byteCount = 0

  /// The address of the copy at `place`.
  @inline(__always)
  func address(of place: UInt32) -> UnsafeRawPointer {
    let block = Int(place >> UInt32(Self.offsetBits)) - 1
    let offset = Int(place & ((1 << UInt32(Self.offsetBits)) - 1)) << 3
    return UnsafeRawPointer(blocks[block]) + offset
  }

  /// The index of the string whose copy is at `entry`.
  @inline(__always)
  static func index(_ entry: UnsafeRawPointer) -> Int {
    Int(entry.load(as: UInt32.self))
  }

  /// Whether the copy at `entry` holds exactly `bytes`.
  @inline(__always)
  static func equal(_ entry: UnsafeRawPointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard Int(entry.load(fromByteOffset: 4, as: UInt32.self)) == bytes.count else { return false }
    guard let base = bytes.baseAddress else { return true }
    return memcmp(entry + 8, base, bytes.count) == 0
  }
}

extension Corpus {
  /// Bytes held by the process's table of reference strings, clause
  /// paths and labels (`InternedStrings`), which every corpus loaded
  /// shares: for memory profiles.
  public static var internedStringBytes: Int { InternedStrings.byteCount }
}
