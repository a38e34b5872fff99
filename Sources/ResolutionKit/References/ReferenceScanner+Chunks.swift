/// The scan eight bytes at a time: the same references as word by word.
///
/// Word by word, a trigger byte at `p` is looked at exactly when `p` is
/// where the last reference ended (`lastEnd`, 0 at first), or the byte
/// before it is a separator, or the two before it are a no-break space that
/// starts at or after `lastEnd`. Anywhere else it is inside a word (or a
/// reference) and skipped. So instead of walking every word, this loop
/// finds the bytes that could be triggers (ASCII capitals, `r`, `d`) eight
/// at a time with integer arithmetic, and tests that rule on each.
extension ReferenceScanner {
  /// Whether every trigger byte is an ASCII capital, `r` or `d`: what
  /// `candidateMask` finds. Else the scan goes word by word.
  static let triggersFitChunks: Bool = (0..<256).allSatisfy { value in
    !triggers[value] || (0x41...0x5A).contains(value) || value == 0x72 || value == 0x64
  }

  mutating func runByChunks() {
    Self.byteClasses.withUnsafeBufferPointer { classes in
      let count = bytes.count
      guard let base = bytes.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      var position = 0
      scan: while position < count {
        guard position + 8 <= count else {
          // The last few bytes one by one.
          let candidate = position
          position += 1
          if isLookedAt(candidate, classes), let end = match(at: candidate), end > candidate {
            lastEnd = end
            position = end
          }
          continue
        }
        var mask = Self.candidateMask(
          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
        while mask != 0 {
          let candidate = position + (mask.trailingZeroBitCount >> 3)
          mask &= mask &- 1
          if isLookedAt(candidate, classes), let end = match(at: candidate), end > candidate {
            lastEnd = end
            position = end
            continue scan
          }
        }
        position += 8
      }
    }
  }

  /// Whether the word-by-word loop would try a match at `index`: a trigger
  /// byte at a word start (see the type's comment).
  @inline(__always)
  func isLookedAt(_ index: Int, _ classes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard classes[Int(bytes[index])] == ByteClass.trigger.rawValue else { return false }
    if index == lastEnd { return true }
    let previous = bytes[index - 1]
    if classes[Int(previous)] == ByteClass.separator.rawValue { return true }
    return previous == 0xA0 && index - 2 >= lastEnd && bytes[index - 2] == 0xC2
  }

  /// The top bit of each byte of `word` (little-endian: byte k in bits
  /// 8k..8k+7) that is an ASCII capital, `r` or `d`; the others zero. Each
  /// byte's sum stays under 0x100, so no carry crosses bytes: exact.
  @inline(__always)
  static func candidateMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let ascii = ~word & high
    let seven = word & low
    // 0x41...0x5A: at least 0x41 and not at least 0x5B.
    let atLeastA = (seven &+ ones &* 0x3F) & high
    let pastZ = (seven &+ ones &* 0x25) & high
    // Zero where the byte equals the value; adding 0x7F sets the top bit
    // of every byte that is not zero.
    let notR = (seven ^ ones &* 0x72) &+ low
    let notD = (seven ^ ones &* 0x64) &+ low
    return ascii & ((atLeastA & ~pastZ) | ~notR | ~notD)
  }
}
