/// Gives each distinct term (as UTF-8 bytes) a dense id, without making a
/// String or using SipHash per word: an open-addressing table over an arena
/// of term bytes. Used per chunk while building the index; the hottest loop
/// of the build, where profiles showed the time going to cache misses, so
/// a slot holds the term's first eight bytes beside its length, hash tag and
/// id: a term of up to eight bytes (most words) is found reading one slot,
/// and a longer one reads the arena only when all of those agree.
struct TermInterner {
  /// Two words per slot: the term's first eight bytes (zero-padded,
  /// little-endian), then `meta`: 0 when empty, else the hash's top 24
  /// bits, the length (capped at 255) and id + 1.
  private var slots: [UInt64]
  private var mask: Int
  private var arena: [UInt8] = []
  /// Term `id` is `arena[starts[id] ..< starts[id + 1]]`.
  private var starts: [Int32] = [0]
  /// Full hashes, for rehashing when the table grows.
  private var hashes: [UInt64] = []

  private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000
  private static let inlineBytes = 8

  init() {
    slots = [UInt64](repeating: 0, count: 2 * 1024)
    mask = 1023
  }

  var count: Int { hashes.count }

  /// The id of `term`, adding it when new. At least eight readable bytes
  /// must follow the term's (`SearchTokenizer.forEachTermBytes` hands terms
  /// over so), as it is read a whole word at a time.
  mutating func intern(padded term: UnsafeBufferPointer<UInt8>) -> Int32 {
    let (key, hash) = Self.keyAndHash(term)
    let meta = hash & Self.tagMask | UInt64(min(term.count, 255)) << 32
    let mask = self.mask
    var slot = Int(truncatingIfNeeded: hash) & mask
    let found: Int32 = slots.withUnsafeBufferPointer { slots in
      while true {
        let entry = slots[2 &* slot &+ 1]
        if entry == 0 { return -1 }
        if entry & ~0xFFFF_FFFF == meta, slots[2 &* slot] == key {
          let id = Int(entry & 0xFFFF_FFFF) - 1
          if term.count <= Self.inlineBytes || tailMatches(term, id: id) { return Int32(id) }
        }
        slot = (slot + 1) & mask
      }
    }
    if found >= 0 { return found }
    let id = Int32(hashes.count)
    slots[2 * slot] = key
    slots[2 * slot + 1] = meta | UInt64(id + 1)
    hashes.append(hash)
    arena.append(contentsOf: term)
    starts.append(Int32(truncatingIfNeeded: arena.count))
    // Grown at half full (`mask + 1` slots).
    if count * 2 > mask + 1 { grow() }
    return id
  }

  /// Whether the bytes of `term` after the first eight equal those of
  /// term `id` (whose first eight bytes and length already agree).
  private func tailMatches(_ term: UnsafeBufferPointer<UInt8>, id: Int) -> Bool {
    arena.withUnsafeBufferPointer { arena in
      let start = Int(starts[id])
      guard Int(starts[id + 1]) - start == term.count else { return false }
      for offset in Self.inlineBytes..<term.count where arena[start + offset] != term[offset] {
        return false
      }
      return true
    }
  }

  /// The first eight bytes as a word, and a hash of all the bytes taken
  /// eight at a time (a multiply-xorshift per word, then a finaliser that
  /// spreads every bit into both the slot index and the tag). The last
  /// word is read whole and masked, hence the padding `intern` requires.
  @inline(__always)
  private static func keyAndHash(_ term: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    guard let base = term.baseAddress, !term.isEmpty else { return (0, 0x9E37_79B9_7F4A_7C15) }
    let count = term.count
    var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    var key: UInt64 = 0
    var offset = 0
    repeat {
      var word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
      let remaining = count - offset
      if remaining < 8 { word &= (1 &<< UInt64(8 * remaining)) &- 1 }
      if offset == 0 { key = word }
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash &>> 31
      offset += 8
    } while offset < count
    hash = hash &* 0x94D0_49BB_1331_11EB
    hash ^= hash &>> 29
    return (key, hash)
  }

  /// The terms in id order.
  var terms: [String] {
    (0..<count).map {
      String(decoding: arena[Int(starts[$0])..<Int(starts[$0 + 1])], as: UTF8.self)
    }
  }

  /// Doubles the slots and places every term again.
  private mutating func grow() {
    let slotCount = 2 * (self.mask + 1)
    var grown = [UInt64](repeating: 0, count: 2 * slotCount)
    let mask = slotCount - 1
    for slot in 0...self.mask where slots[2 * slot + 1] != 0 {
      let entry = slots[2 * slot + 1]
      let id = Int(entry & 0xFFFF_FFFF) - 1
      var target = Int(truncatingIfNeeded: hashes[id]) & mask
      while grown[2 * target + 1] != 0 { target = (target + 1) & mask }
      grown[2 * target] = slots[2 * slot]
      grown[2 * target + 1] = entry
    }
    slots = grown
    self.mask = mask
  }
}
