/// Gives each distinct term (as UTF-8 bytes) a dense id, without making a
/// String or using SipHash per word: an open-addressing table over an arena
/// of term bytes, hashed with FNV-1a. Used per chunk while building the index;
/// the hottest loop of the build, so a slot holds the hash's top half with
/// the id and a probe touches the arena only when those agree.
struct TermInterner {
  /// Per slot: 0 when empty, else the hash's high 32 bits, then id + 1.
  private var slots: [UInt64]
  private var mask: Int
  private var arena: [UInt8] = []
  /// Term `id` is `arena[starts[id] ..< starts[id + 1]]`.
  private var starts: [Int32] = [0]
  /// Full hashes, for rehashing when the table grows.
  private var hashes: [UInt64] = []

  private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

  init() {
    slots = [UInt64](repeating: 0, count: 1024)
    mask = 1023
  }

  var count: Int { hashes.count }

  /// The id of `term`, adding it when new.
  mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let tag = hash & Self.tagMask
    var slot = Int(truncatingIfNeeded: hash) & mask
    let mask = self.mask
    let found: Int32 = slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBufferPointer { arena in
        starts.withUnsafeBufferPointer { starts in
          while true {
            let entry = slots[slot]
            if entry == 0 { return -1 }
            if entry & Self.tagMask == tag {
              let id = Int(entry & 0xFFFF_FFFF) - 1
              let start = Int(starts[id])
              if Int(starts[id + 1]) - start == term.count {
                var equal = true
                for offset in 0..<term.count where arena[start + offset] != term[offset] {
                  equal = false
                  break
                }
                if equal { return Int32(id) }
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
    if found >= 0 { return found }
    let id = Int32(hashes.count)
    slots[slot] = tag | UInt64(id + 1)
    hashes.append(hash)
    arena.append(contentsOf: term)
    starts.append(Int32(truncatingIfNeeded: arena.count))
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  /// The terms in id order.
  var terms: [String] {
    (0..<count).map {
      String(decoding: arena[Int(starts[$0])..<Int(starts[$0 + 1])], as: UTF8.self)
    }
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = hash & Self.tagMask | UInt64(id + 1)
    }
  }
}
