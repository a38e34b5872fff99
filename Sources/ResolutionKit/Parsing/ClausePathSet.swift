/// The clause paths used so far in one document, to keep them unique.
///
/// Almost every path is ASCII with at most a `¶`. Such strings are in NFC,
/// so for them `String` equality is byte equality: they are hashed and
/// compared as bytes in a small open-addressing table, far cheaper than
/// `Set<String>`, which hashes normalised scalars (slowly for any non-ASCII
/// text, `¶` included). The first path with other non-ASCII text moves the
/// set to a `Set<String>` for good, so that canonically equivalent paths
/// still count as the same.
struct ClausePathSet: ExpressibleByArrayLiteral {
  /// Every path inserted, in order.
  private var paths: [String] = []
  /// Slots of the byte table: 0 is empty, else the upper 32 bits hold the
  /// path's hash and the lower 32 its index in `paths` plus one. The slot
  /// is found from the hash alone, so growing needs no rehashing of text.
  private var slots: [UInt64]
  /// Takes over once a path is not plain (see above).
  private var general: Set<String>?

  init(minimumCapacity: Int = 0) {
    slots = [UInt64](repeating: 0, count: Self.tableSize(for: minimumCapacity))
    paths.reserveCapacity(minimumCapacity)
  }

  /// Slots for this many paths: a power of two, at most half full.
  private static func tableSize(for capacity: Int) -> Int {
    var size = 16
    while size < capacity * 2, size < 1 << 30 { size *= 2 }
    return size
  }

  /// Empties the set for the next document, keeping its storage unless
  /// it is much larger than needed (clearing it would cost more than a
  /// new table).
  mutating func removeAll(keepingCapacityFor minimumCapacity: Int) {
    general = nil
    paths.removeAll(keepingCapacity: true)
    paths.reserveCapacity(minimumCapacity)
    let size = Self.tableSize(for: minimumCapacity)
    if slots.count >= size, slots.count <= size * 4 {
      slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    } else {
      slots = [UInt64](repeating: 0, count: size)
    }
  }

  init(arrayLiteral elements: String...) {
    self.init(minimumCapacity: elements.count)
    for path in elements { insert(path) }
  }

  var count: Int { general?.count ?? paths.count }

  /// Inserts the path; returns whether it was new.
  @discardableResult
  mutating func insert(_ path: String) -> Bool {
    insert(path, hash: Self.plainHash(path))
  }

  /// Inserts the path, given its `hash(of:)`.
  mutating func insert(_ path: String, hash: UInt32?) -> Bool {
    if general != nil { return general!.insert(path).inserted }
    guard let hash, paths.count < Int(UInt32.max) - 1 else {
      var set = Set(paths)
      let inserted = set.insert(path).inserted
      general = set
      paths = []
      slots = []
      return inserted
    }
    var slot = find(path, hash: hash)
    if slots[slot] != 0 { return false }
    if (paths.count + 1) * 2 > slots.count {
      grow()
      slot = find(path, hash: hash)
    }
    paths.append(path)
    slots[slot] = UInt64(hash) << 32 | UInt64(paths.count)
    return true
  }

  func contains(_ path: String) -> Bool {
    if let general { return general.contains(path) }
    guard let hash = Self.plainHash(path) else {
      // Not plain: equal to a plain path only by canonical equivalence.
      return paths.contains(path)
    }
    return slots[find(path, hash: hash)] != 0
  }

  /// The slot holding the path, or the empty slot where it would go.
  private func find(_ path: String, hash: UInt32) -> Int {
    let mask = slots.count - 1
    var index = Int(hash) & mask
    while true {
      let slot = slots[index]
      if slot == 0 { return index }
      if UInt32(truncatingIfNeeded: slot >> 32) == hash,
        Self.sameBytes(paths[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1], path)
      {
        return index
      }
      index = (index + 1) & mask
    }
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for slot in slots where slot != 0 {
      var index = Int(slot >> 32) & mask
      while larger[index] != 0 { index = (index + 1) & mask }
      larger[index] = slot
    }
    slots = larger
  }

  private static func sameBytes(_ first: String, _ second: String) -> Bool {
    first.utf8.count == second.utf8.count && first.utf8.elementsEqual(second.utf8)
  }

  /// A hash of the path's bytes if it is plain (ASCII, and `¶` for other
  /// bytes), else nil.
  private static func plainHash(_ path: String) -> UInt32? {
    if let hash = path.utf8.withContiguousStorageIfAvailable({ hash(of: $0) }) {
      return hash
    }
    var copy = path
    return copy.withUTF8 { hash(of: $0) }
  }

  /// The hash of a path's UTF-8 if it is plain, else nil.
  static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    plainHash(ByteHash.of(bytes), of: bytes)
  }

  /// `hash(of:)` from the path's `ByteHash`, already computed.
  static func plainHash(
    _ hashed: (value: UInt32, hasNonASCII: Bool), of bytes: UnsafeBufferPointer<UInt8>
  ) -> UInt32? {
    hashed.hasNonASCII && !isASCIIOrPilcrows(bytes) ? nil : hashed.value
  }

  /// Whether every non-ASCII byte belongs to a `¶` (C2 B6).
  private static func isASCIIOrPilcrows(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
      } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xB6 {
        index += 2
      } else {
        return false
      }
    }
    return true
  }
}
