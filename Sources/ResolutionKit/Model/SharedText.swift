/// UTF-8 text shared by several clauses: the parser puts the texts of a
/// section's clauses (or an annex's) in one buffer, and each clause keeps
/// the buffer and its range (`Clause.text`).
///
/// One block per section instead of one `String` per clause: a native
/// string's header, terminator and allocator overhead were about 49
/// bytes a clause, 11 MB at 10,000 resolutions. Immutable once made, so
/// shared between threads.
final class SharedText: @unchecked Sendable {
  private let bytes: UnsafeMutableBufferPointer<UInt8>

  /// A buffer of `count` bytes that `fill` writes, every one of them.
  init(count: Int, fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
    bytes = .allocate(capacity: count)
    fill(bytes)
  }

  /// A buffer holding `string`'s UTF-8.
  convenience init(_ string: String) {
    var string = string
    let count = string.utf8.count
    self.init(count: count) { buffer in
      string.withUTF8 { _ = buffer.initialize(from: $0) }
    }
  }

  deinit { bytes.deallocate() }

  /// Calls `body` with the bytes `range` (within the buffer).
  @inline(__always)
  func withBytes<Result>(
    _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeBufferPointer(rebasing: bytes[range]))
  }
}
