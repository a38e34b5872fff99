/// The hash of a short byte string (a clause path, a heading) shared by
/// the tables of the parse that compare bytes (`ClausePathSet`,
/// `StringPool`), so that a path is hashed once for both.
///
/// A multiply-xorshift per eight bytes, then a finaliser; seeded per
/// process, so that crafted input cannot make every string collide.
enum ByteHash {
  private static let seed = UInt64.random(in: 1...UInt64.max)

  /// The hash, and whether any byte is outside ASCII (found in the same
  /// pass: `ClausePathSet` treats such bytes apart).
  static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, hasNonASCII: Bool) {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash = seed ^ UInt64(truncatingIfNeeded: bytes.count)
    var highBits: UInt64 = 0
    var offset = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else {
      return (UInt32(truncatingIfNeeded: hash >> 32), false)
    }
    let raw = UnsafeRawPointer(base)
    while offset + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      highBits |= word
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
      offset += 8
    }
    if offset < count {
      var word: UInt64 = 0
      if count >= 8 {
        // The last eight bytes, overlapping the words already hashed.
        word = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else {
        var shift: UInt64 = 0
        while offset < count {
          word |= UInt64(base[offset]) << shift
          shift += 8
          offset += 1
        }
      }
      highBits |= word
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
    }
    hash = (hash ^ (hash >> 32)) &* multiplier
    return (UInt32(truncatingIfNeeded: hash >> 32), highBits & 0x8080_8080_8080_8080 != 0)
  }
}
