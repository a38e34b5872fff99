import Foundation

/// One stored copy of each long string that a parse makes again and again.
///
/// Clause paths and section headings repeat across resolutions
/// (`instructs the Secretary-General 1` is in most of them); made afresh
/// for every clause they were 9 MB of the model at 10,000 resolutions.
/// Strings of up to 15 UTF-8 bytes are stored inside `String` itself and
/// are never pooled. Equal means byte for byte equal, so a pooled string
/// is exactly the string that would have been made.
///
/// One pool per parse piece: it is not shared between threads. It stops
/// taking new strings at `capacity` (input with no repetition gains
/// nothing from a pool); its hash is `ByteHash`, seeded per process.
struct StringPool {
  private var strings: [String] = []
  /// 0 is empty, else the hash's upper 32 bits and the index in
  /// `strings` plus one.
  private var slots: [UInt64] = []

  /// Strings kept at most.
  static let capacity = 1 << 16

  /// The longest string stored inside a `String` value, on 64-bit
  /// platforms.
  static let inlineBytes = 15

  /// The string of `bytes` (valid UTF-8): the pooled one if these bytes
  /// were seen before. `hash` is their `ByteHash` value, when the caller
  /// has it already.
  mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32? = nil) -> String {
    guard bytes.count > Self.inlineBytes else { return String(decoding: bytes, as: UTF8.self) }
    let hash = hash ?? ByteHash.of(bytes).value
    let (found, slot) = find(bytes, hash: hash)
    if let found { return found }
    let made = String(decoding: bytes, as: UTF8.self)
    keep(made, hash: hash, slot: slot)
    return made
  }

  /// `string` pooled: the pooled copy if its bytes were seen before, else
  /// `string` itself, kept for next time.
  mutating func string(_ string: String) -> String {
    guard string.utf8.count > Self.inlineBytes else { return string }
    var contiguous = string
    let (found, hash, slot) = contiguous.withUTF8 { bytes in
      let hash = ByteHash.of(bytes).value
      let (found, slot) = find(bytes, hash: hash)
      return (found, hash, slot)
    }
    if let found { return found }
    keep(contiguous, hash: hash, slot: slot)
    return contiguous
  }

  /// The pooled string of `bytes` if there is one; else the slot where it
  /// goes. Slots are chosen by the hash, the part they keep, so growing
  /// needs no hashing again.
  private mutating func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (String?, Int) {
    if slots.isEmpty { slots = [UInt64](repeating: 0, count: 64) }
    let mask = slots.count - 1
    var index = Int(hash) & mask
    while slots[index] != 0 {
      let slot = slots[index]
      if UInt32(truncatingIfNeeded: slot >> 32) == hash {
        let pooled = strings[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1]
        if Self.has(pooled, bytes) { return (pooled, index) }
      }
      index = (index + 1) & mask
    }
    return (nil, index)
  }

  private mutating func keep(_ string: String, hash: UInt32, slot: Int) {
    guard strings.count < Self.capacity else { return }
    strings.append(string)
    slots[slot] = UInt64(hash) << 32 | UInt64(strings.count)
    if strings.count * 2 > slots.count { grow() }
  }

  private static func has(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let utf8 = string.utf8
    guard utf8.count == bytes.count else { return false }
    // `memcmp`: the generic `elementsEqual` compared byte by byte, and
    // every path of the parse comes here.
    return utf8.withContiguousStorageIfAvailable { pooled in
      guard let left = pooled.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, bytes.count) == 0
    } ?? utf8.elementsEqual(bytes)
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for slot in slots where slot != 0 {
      var index = Int(truncatingIfNeeded: slot >> 32) & mask
      while larger[index] != 0 { index = (index + 1) & mask }
      larger[index] = slot
    }
    slots = larger
  }
}
