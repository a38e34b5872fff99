/// An open-addressing table from a 32-bit hash to the index of an entry
/// kept elsewhere (`StringPool`, `InternedStrings`): the owner stores the
/// entries and says which of them match, the slots only find them.
///
/// Each slot is 0 when empty, else the hash in its upper 32 bits and the
/// entry's index plus one below: growing needs no hashing again.
struct HashSlots {
  private var slots: [UInt64] = []
  private(set) var count = 0

  /// The index of the entry with this hash that `matches`, if any; else
  /// the slot where such an entry goes (for `insert`).
  func find(hash: UInt32, matches: (Int) -> Bool) -> (index: Int?, slot: Int) {
    guard !slots.isEmpty else { return (nil, -1) }
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while slots[slot] != 0 {
      let entry = slots[slot]
      if UInt32(truncatingIfNeeded: entry >> 32) == hash {
        let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if matches(index) { return (index, slot) }
      }
      slot = (slot + 1) & mask
    }
    return (nil, slot)
  }

  /// Records entry `index` (below 2^32 - 1) with `hash` in `slot`, the
  /// one `find` gave for this hash with nothing inserted since.
  mutating func insert(hash: UInt32, index: Int, slot: Int) {
    guard slot >= 0 else {
      // No slots yet: make them, and find the place again.
      slots = [UInt64](repeating: 0, count: 64)
      insert(hash: hash, index: index, slot: find(hash: hash) { _ in false }.slot)
      return
    }
    slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
    count += 1
    if count * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for entry in slots where entry != 0 {
      var slot = Int(truncatingIfNeeded: entry >> 32) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = entry
    }
    slots = larger
  }
}
