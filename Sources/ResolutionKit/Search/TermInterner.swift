/// Gives each distinct term (as UTF-8 bytes) a dense id, without making a
/// String or using SipHash per word: an open-addressing table over an arena
/// of term bytes, hashed with FNV-1a. Used per chunk while building the index.
struct TermInterner {
  private var slots: [Int32]
  private var mask: Int
  private var arena: [UInt8] = []
  /// Term `id` is `arena[starts[id] ..< starts[id + 1]]`.
  private var starts: [Int32] = [0]
  private var hashes: [UInt64] = []

  init() {
    slots = [Int32](repeating: -1, count: 1024)
    mask = 1023
  }

  var count: Int { hashes.count }

  /// The id of `term`, adding it when new.
  mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let id = slots[slot]
      if id < 0 { break }
      if hashes[Int(id)] == hash, equals(Int(id), term) { return id }
      slot = (slot + 1) & mask
    }
    let id = Int32(hashes.count)
    slots[slot] = id
    hashes.append(hash)
    arena.append(contentsOf: term)
    starts.append(Int32(arena.count))
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  /// The terms in id order.
  var terms: [String] {
    (0..<count).map {
      String(decoding: arena[Int(starts[$0])..<Int(starts[$0 + 1])], as: UTF8.self)
    }
  }

  private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[id])
    let end = Int(starts[id + 1])
    guard end - start == term.count else { return false }
    for offset in 0..<term.count where arena[start + offset] != term[offset] { return false }
    return true
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    slots = [Int32](repeating: -1, count: capacity)
    mask = capacity - 1
    for (id, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }
}
