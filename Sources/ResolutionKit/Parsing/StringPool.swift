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
  private var slots = HashSlots()

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
  /// goes.
  private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (String?, Int) {
    let (index, slot) = slots.find(hash: hash) { Self.has(strings[$0], bytes) }
    return (index.map { strings[$0] }, slot)
  }

  private mutating func keep(_ string: String, hash: UInt32, slot: Int) {
    guard strings.count < Self.capacity else { return }
    strings.append(string)
    slots.insert(hash: hash, index: strings.count - 1, slot: slot)
  }

  /// Whether `string`'s UTF-8 is exactly `bytes`.
  static func has(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard string.utf8.count == bytes.count else { return false }
    // `memcmp`: the generic `elementsEqual` compared byte by byte, and
    // every path of the parse comes here. `withUTF8` reaches a small
    // string's bytes too (`utf8`'s contiguous storage does not: the
    // interner compares mostly small ones).
    var string = string
    return string.withUTF8 { stored in
      guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, bytes.count) == 0
    }
  }
}
