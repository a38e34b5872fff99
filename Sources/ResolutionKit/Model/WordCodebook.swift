import Foundation

/// Numbers for words (runs of ASCII letters), so that clause texts can be
/// kept with each word as a one- to four-byte code (`WordCoding`).
///
/// Resolutions repeat a small vocabulary: at 10,000 generated resolutions,
/// 7 million words of 11,000 distinct ones, and clause text was 46 MB,
/// the largest part of the model. Coded, it takes about a quarter.
///
/// A codebook is written by one thread at a time: the parse borrows one
/// per piece (`withBorrowed`), adds the words it meets, and gives it
/// back. Any thread may read words at any time: a word, once stored,
/// never moves, and a code reaches a reader only inside a text published
/// after the word was stored. A coded text holds its codebook, so the
/// codebook lives as long as any text coded with it.
final class WordCodebook: @unchecked Sendable {
  /// Longer letter runs are kept as they are: rare, and they would fill
  /// the codebook with one-off strings (hashes, garbage from a PDF).
  static let longestWord = 32
  /// Codes have room for 2^24 words.
  static let capacity = 1 << 24
  /// Words of up to this many letters are kept in their record.
  static let recordLetters = 15

  /// A word's 16-byte record: its letters zero-padded (the first 15),
  /// and its length in the last byte. For a longer word, the first eight
  /// bytes point to its letters (in `longWords`). Records are in chunks
  /// of `chunkSize`, allocated as needed, never moved or freed before
  /// the codebook. Words are numbered as they are met, so the frequent
  /// ones mostly have small numbers: short codes, and records that share
  /// a few cache lines.
  private static let chunkBits = 12
  private static let chunkSize = 1 << chunkBits
  private static let chunkCount = capacity >> chunkBits
  private let chunks: UnsafeMutablePointer<UnsafeMutableRawPointer?>
  /// Letters of words longer than `recordLetters`, in blocks never moved.
  private var longWords: [UnsafeMutablePointer<UInt8>] = []

  /// What the borrowing thread alone reads and writes: the number of
  /// words, and the open addressing from a word to its number. A slot is
  /// three words: the two of the word's record (for a word of more than
  /// 15 letters, its first eight letters in place of the pointer; 0 marks
  /// an empty slot, as no word is empty), then its number. A word is
  /// found in its slot alone, one cache miss where a table of numbers
  /// took two (the slot, then the record): 3-5 % less parse time.
  private struct Table {
    var count = 0
    var slots: UnsafeMutablePointer<UInt64>
    var mask: Int
  }
  private let table: UnsafeMutablePointer<Table>

  init() {
    chunks = .allocate(capacity: Self.chunkCount)
    chunks.initialize(repeating: nil, count: Self.chunkCount)
    let slotCount = 1 << 10
    let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: 3 * slotCount)
    slots.initialize(repeating: 0, count: 3 * slotCount)
    table = .allocate(capacity: 1)
    table.initialize(to: Table(slots: slots, mask: slotCount - 1))
  }

  deinit {
    for chunk in 0..<Self.chunkCount { chunks[chunk]?.deallocate() }
    chunks.deallocate()
    for letters in longWords { letters.deallocate() }
    table.pointee.slots.deallocate()
    table.deinitialize(count: 1)
    table.deallocate()
  }

  /// The number of words.
  var count: Int { table.pointee.count }

  /// Bytes held, for memory profiles.
  var byteCount: Int {
    (count + Self.chunkSize - 1) / Self.chunkSize * Self.chunkSize * 16 + 8 * Self.chunkCount
      + 24 * (table.pointee.mask + 1) + longWords.count
      * (Self.longestWord + 1)
  }

  /// Word `number`'s record (see `chunks`).
  @inline(__always)
  func record(_ number: Int) -> UnsafeRawPointer {
    let chunk = UnsafeRawPointer(chunks[number >> Self.chunkBits].unsafelyUnwrapped)
    return chunk + (number & (Self.chunkSize - 1)) &* 16
  }

  /// The letters of word `number`.
  @inline(__always)
  func letters(_ number: Int) -> (start: UnsafePointer<UInt8>, count: Int) {
    let record = record(number)
    let count = Int(record.load(fromByteOffset: 15, as: UInt8.self))
    if count <= Self.recordLetters { return (record.assumingMemoryBound(to: UInt8.self), count) }
    return (record.load(as: UnsafePointer<UInt8>.self), count)
  }

  /// The key of a word: the two words of its record (as `add` writes
  /// them, but for the letters of a long word), and its hash.
  @inline(__always)
  private static func key(of letters: UnsafePointer<UInt8>, length: Int, readable: Int) -> (
    low: UInt64, high: UInt64, hash: UInt64
  ) {
    var low: UInt64 = 0
    var high = UInt64(length) << 56
    let raw = UnsafeRawPointer(letters)
    if readable >= 16 {
      // Whole words read at once, the bytes past the letters masked off.
      let lowBytes = min(length, 8)
      low = raw.loadUnaligned(as: UInt64.self) & (UInt64.max >> (64 - 8 * UInt64(lowBytes)))
      if length > 8 {
        let highBytes = UInt64(min(length, recordLetters) - 8)
        high |= raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & ((1 << (8 * highBytes)) - 1)
      }
    } else {
      for index in 0..<min(length, 8) { low |= UInt64(letters[index]) << (8 &* UInt64(index)) }
      if length > 8 {
        for index in 8..<min(length, recordLetters) {
          high |= UInt64(letters[index]) << (8 &* UInt64(index - 8))
        }
      }
    }
    var hash = (low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
    if length > recordLetters {
      for index in recordLetters..<length {
        hash = (hash ^ UInt64(letters[index])) &* 0x100_0000_01B3
      }
    }
    return (low, high, hash)
  }

  /// The number of the `length` letters at `letters` (1 ... `longestWord`
  /// ASCII letters), numbered now if new; nil once the codebook is full.
  /// `readable` bytes from `letters` on may be read (at least `length`).
  @inline(__always)
  func number(of letters: UnsafePointer<UInt8>, length: Int, readable: Int) -> Int? {
    let (low, high, hash) = Self.key(of: letters, length: length, readable: readable)
    let slots = table.pointee.slots
    let mask = table.pointee.mask
    var slot = Int(truncatingIfNeeded: hash >> 40) & mask
    while true {
      let first = slots[3 &* slot]
      if first == 0 { break }
      if first == low && slots[3 &* slot &+ 1] == high {
        let number = Int(truncatingIfNeeded: slots[3 &* slot &+ 2])
        if length <= Self.recordLetters
          || memcmp(record(number).load(as: UnsafePointer<UInt8>.self), letters, length) == 0
        {
          return number
        }
      }
      slot = (slot &+ 1) & mask
    }
    guard count < Self.capacity else { return nil }
    let number = add(letters, length: length, low: low, high: high)
    slots[3 &* slot] = low
    slots[3 &* slot &+ 1] = high
    slots[3 &* slot &+ 2] = UInt64(number)
    table.pointee.count += 1
    if table.pointee.count * 3 > (mask + 1) * 2 { growSlots() }
    return number
  }

  private func add(
    _ letters: UnsafePointer<UInt8>, length: Int, low: UInt64, high: UInt64
  ) -> Int {
    let number = count
    let chunk = number >> Self.chunkBits
    if chunks[chunk] == nil {
      chunks[chunk] = .allocate(byteCount: Self.chunkSize * 16, alignment: 16)
    }
    let record = chunks[chunk].unsafelyUnwrapped + (number & (Self.chunkSize - 1)) * 16
    if length <= Self.recordLetters {
      record.storeBytes(of: low, as: UInt64.self)
      record.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    } else {
      let stored = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
      stored.initialize(from: letters, count: length)
      longWords.append(stored)
      record.storeBytes(of: UnsafePointer(stored), as: UnsafePointer<UInt8>.self)
      record.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
    }
    return number
  }

  /// Doubles the slots, placing each word again by its hash.
  private func growSlots() {
    let old = table.pointee.slots
    let oldCount = table.pointee.mask + 1
    let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: 6 * oldCount)
    slots.initialize(repeating: 0, count: 6 * oldCount)
    let mask = 2 * oldCount - 1
    for oldSlot in 0..<oldCount where old[3 * oldSlot] != 0 {
      let (letters, length) = letters(Int(truncatingIfNeeded: old[3 * oldSlot + 2]))
      let hash = Self.key(of: letters, length: length, readable: 0).hash
      var slot = Int(truncatingIfNeeded: hash >> 40) & mask
      while slots[3 * slot] != 0 { slot = (slot + 1) & mask }
      for word in 0..<3 { slots[3 * slot + word] = old[3 * oldSlot + word] }
    }
    table.pointee.slots = slots
    table.pointee.mask = mask
    old.deallocate()
  }

  // MARK: Borrowing

  /// Calls `body` with a codebook no other thread writes to until it
  /// returns. Codebooks are kept for the process and lent again: a
  /// parse's pieces share the few that its threads need, and the words
  /// of one load are numbered once per thread, not once per piece.
  static func withBorrowed<Result>(_ body: (WordCodebook) throws -> Result) rethrows -> Result {
    let codebook = idle.take() ?? WordCodebook()
    defer { idle.put(codebook) }
    return try body(codebook)
  }

  private static let idle = IdleCodebooks()

  private final class IdleCodebooks: @unchecked Sendable {
    private let lock = NSLock()
    private var codebooks: [WordCodebook] = []

    func take() -> WordCodebook? {
      lock.lock()
      defer { lock.unlock() }
      return codebooks.popLast()
    }

    func put(_ codebook: WordCodebook) {
      lock.lock()
      defer { lock.unlock() }
      codebooks.append(codebook)
    }
  }
}
