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
/// in about 8 MB). Sixteen shards, each with its own lock, let the
/// parse's threads add strings side by side, and each thread keeps the
/// numbers of the strings it asked for last (`ThreadCache`): the same few
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
    let hash = ByteHash.of(bytes).value
    let cache = ThreadCache.current
    if let cached = cache.number(hash: hash), StringPool.has(string(cached)!, bytes) {
      return cached
    }
    let shard = Int(hash) & ((1 << shardBits) - 1)
    let local = shards[shard].number(of: bytes, hash: hash)
    let number = UInt32(local + 1) << UInt32(shardBits) | UInt32(shard)
    cache.remember(number, hash: hash)
    return number
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
    let shard = Int(number) & ((1 << shardBits) - 1)
    return shards[shard].string(at: Int(number >> UInt32(shardBits)) - 1)
  }

  /// The numbers this thread asked for last, by hash: one per slot of a
  /// small table, the last one asked for in that slot. Made per thread
  /// on first use, freed with the thread.
  final class ThreadCache {
    static let slotBits = 10
    /// Buffers, not arrays: a class's array property is checked for
    /// exclusive access on every use, and this is read per string.
    private let hashes: UnsafeMutablePointer<UInt32>
    private let numbers: UnsafeMutablePointer<UInt32>

    init() {
      hashes = .allocate(capacity: 1 << Self.slotBits)
      hashes.initialize(repeating: 0, count: 1 << Self.slotBits)
      numbers = .allocate(capacity: 1 << Self.slotBits)
      numbers.initialize(repeating: InternedStrings.none, count: 1 << Self.slotBits)
    }

    deinit {
      hashes.deallocate()
      numbers.deallocate()
    }

    /// The number last remembered with `hash`, if any: a candidate, whose
    /// string the caller compares.
    @inline(__always)
    func number(hash: UInt32) -> UInt32? {
      let slot = Int(hash) & ((1 << Self.slotBits) - 1)
      return hashes[slot] == hash && numbers[slot] != InternedStrings.none ? numbers[slot] : nil
    }

    @inline(__always)
    func remember(_ number: UInt32, hash: UInt32) {
      let slot = Int(hash) & ((1 << Self.slotBits) - 1)
      hashes[slot] = hash
      numbers[slot] = number
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

  /// One shard: its strings in chunks that never move, found by hash.
  /// Chunk `k` holds `firstChunk << k` strings, so a few dozen chunks
  /// hold any number a process could make, and the directory of chunks is
  /// a few hundred bytes.
  private final class Shard: @unchecked Sendable {
    static let firstChunkBits = 8
    static let chunkCount = 20
    /// Spins a little before it sleeps (glibc's adaptive mutex): the lock
    /// is held for a probe or an insert, far shorter than a sleep and a
    /// wake-up.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var slots = HashSlots()
    private var count = 0
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>

    init() {
      lock = .allocate(capacity: 1)
      var attributes = pthread_mutexattr_t()
      pthread_mutexattr_init(&attributes)
      pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
      pthread_mutex_init(lock, &attributes)
      pthread_mutexattr_destroy(&attributes)
      chunks = .allocate(capacity: Self.chunkCount)
      chunks.initialize(repeating: nil, count: Self.chunkCount)
    }

    /// The chunk holding string `index`, and its place there.
    @inline(__always)
    private static func place(of index: Int) -> (chunk: Int, offset: Int) {
      let shifted = index + (1 << firstChunkBits)
      let chunk = (Int.bitWidth - 1 - shifted.leadingZeroBitCount) - firstChunkBits
      return (chunk, shifted - (1 << (firstChunkBits + chunk)))
    }

    /// The index of `bytes`' string in this shard, stored if new.
    func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
      pthread_mutex_lock(lock)
      defer { pthread_mutex_unlock(lock) }
      let (found, slot) = slots.find(hash: hash) {
        StringPool.has(string(at: $0), bytes)
      }
      if let found { return found }
      let index = count
      let (chunk, offset) = Self.place(of: index)
      // 2^28 strings in a shard (what a number has room for): more than
      // any process could hold.
      precondition(chunk < Self.chunkCount, "too many distinct strings")
      if chunks[chunk] == nil {
        chunks[chunk] = .allocate(capacity: 1 << (Self.firstChunkBits + chunk))
      }
      (chunks[chunk].unsafelyUnwrapped + offset).initialize(
        to: String(decoding: bytes, as: UTF8.self))
      count += 1
      slots.insert(hash: hash, index: index, slot: slot)
      return index
    }

    @inline(__always)
    func string(at index: Int) -> String {
      let (chunk, offset) = Self.place(of: index)
      return chunks[chunk].unsafelyUnwrapped[offset]
    }
  }
}
