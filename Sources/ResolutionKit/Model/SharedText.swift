/// UTF-8 text shared by several clauses: the parser puts the texts of a
/// section's clauses (or an annex's) in one buffer, and each clause keeps
/// the buffer and its range (`Clause.text`).
///
/// One block per section instead of one `String` per clause: a native
/// string's header, terminator and allocator overhead were about 49
/// bytes a clause, 11 MB at 10,000 resolutions. The bytes are allocated
/// with their object, as one block (a class holding a separate buffer
/// took a second block per section: 1.7 MB more of heap). Immutable once
/// made, so shared between threads.
struct SharedText: @unchecked Sendable {
  /// `ManagedBuffer` cannot be `Sendable` itself; its bytes are written
  /// only while it is made, before any other thread can see it.
  private let storage: ManagedBuffer<Void, UInt8>

  /// A buffer of `count` bytes that `fill` writes, every one of them.
  init(count: Int, fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
    storage = ManagedBuffer<Void, UInt8>.create(minimumCapacity: count) { _ in }
    storage.withUnsafeMutablePointerToElements {
      fill(UnsafeMutableBufferPointer(start: $0, count: count))
    }
  }

  /// A buffer holding `string`'s UTF-8.
  init(_ string: String) {
    var string = string
    let count = string.utf8.count
    self.init(count: count) { buffer in
      string.withUTF8 { _ = buffer.initialize(from: $0) }
    }
  }

  /// Calls `body` with the bytes `range` (within the buffer).
  @inline(__always)
  func withBytes<Result>(
    _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeMutablePointerToElements {
      try body(UnsafeBufferPointer(start: $0 + range.lowerBound, count: range.count))
    }
  }
}
