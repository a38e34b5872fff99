/// UTF-8 text shared by several clauses: the parser puts the texts of a
/// section's clauses (or an annex's) in one buffer, each coded with a
/// `WordCodebook` (`WordCoding`), and each clause keeps the buffer, where
/// its text starts and how long it is (`Clause.text`).
///
/// One block per section instead of one `String` per clause: a native
/// string's header, terminator and allocator overhead were about 49
/// bytes a clause, 11 MB at 10,000 resolutions. The bytes are allocated
/// with their object, as one block (a class holding a separate buffer
/// took a second block per section: 1.7 MB more of heap). Coded, the
/// texts take about a quarter of their bytes. Immutable once made, so
/// shared between threads.
struct SharedText: @unchecked Sendable {
  /// `ManagedBuffer` cannot be `Sendable` itself; its bytes are written
  /// only while it is made, before any other thread can see it. The
  /// header is the codebook of coded text, nil for plain UTF-8.
  private let storage: ManagedBuffer<WordCodebook?, UInt8>

  /// A buffer of `count` bytes that `fill` writes, every one of them:
  /// text coded with `codebook`, or plain UTF-8 without one.
  init(
    count: Int, codedWith codebook: WordCodebook?,
    fill: (UnsafeMutableBufferPointer<UInt8>) -> Void
  ) {
    storage = ManagedBuffer<WordCodebook?, UInt8>.create(minimumCapacity: count) { _ in codebook }
    storage.withUnsafeMutablePointerToElements {
      fill(UnsafeMutableBufferPointer(start: $0, count: count))
    }
  }

  /// A buffer holding `string`'s UTF-8, not coded.
  init(_ string: String) {
    var string = string
    let count = string.utf8.count
    self.init(count: count, codedWith: nil) { buffer in
      string.withUTF8 { _ = buffer.initialize(from: $0) }
    }
  }

  /// Calls `body` with the `count` bytes of text that start at `start`
  /// in the buffer: in place when not coded, else decoded into scratch
  /// that lasts for the call.
  @inline(__always)
  func withText<Result>(
    start: Int, count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeMutablePointers { codebook, bytes in
      guard let codebook = codebook.pointee, count > 0 else {
        return try body(UnsafeBufferPointer(start: bytes + start, count: count))
      }
      return try withUnsafeTemporaryAllocation(
        of: UInt8.self, capacity: WordCoding.decodingCapacity(of: count)
      ) { text in
        WordCoding.decode(bytes + start, count: count, codebook: codebook, into: text.baseAddress!)
        return try body(UnsafeBufferPointer(start: text.baseAddress, count: count))
      }
    }
  }

  /// Calls `body` with the text as stored from `start` on: its codebook
  /// and its coded bytes (which decode to the text's length), or no
  /// codebook and the text itself. For the index, which reads words by
  /// their numbers (`WordCoding.forEachPart`).
  @inline(__always)
  func withStoredText<Result>(
    start: Int, _ body: (WordCodebook?, UnsafePointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeMutablePointers { codebook, bytes in
      try body(codebook.pointee, bytes + start)
    }
  }

  /// The `count` bytes of text that start at `start`, as a `String`.
  func string(start: Int, count: Int) -> String {
    storage.withUnsafeMutablePointers { codebook, bytes in
      guard let codebook = codebook.pointee else {
        return String(
          decoding: UnsafeBufferPointer(start: bytes + start, count: count), as: UTF8.self)
      }
      return String(unsafeUninitializedCapacity: WordCoding.decodingCapacity(of: count)) { text in
        WordCoding.decode(bytes + start, count: count, codebook: codebook, into: text.baseAddress!)
        return count
      }
    }
  }
}

extension SharedText {
  /// The buffer's identity and bytes, and the codebook of its words.
  var storageFigures: (id: ObjectIdentifier, bytes: Int, codebook: WordCodebook?) {
    (ObjectIdentifier(storage), storage.capacity, storage.header)
  }
}

extension Corpus {
  /// What the clauses' texts take in memory (for memory profiles): the
  /// bytes of their buffers (see `SharedText`), and of the codebooks of
  /// their words.
  public var storedTextByteCounts: (texts: Int, codebooks: Int) {
    var buffers = Set<ObjectIdentifier>()
    var codebooks = Set<ObjectIdentifier>()
    var counts = (texts: 0, codebooks: 0)
    func add(_ clauses: [Clause]) {
      for clause in clauses {
        if let figures = clause.textStorageFigures, buffers.insert(figures.id).inserted {
          counts.texts += figures.bytes
          if let codebook = figures.codebook,
            codebooks.insert(ObjectIdentifier(codebook)).inserted
          {
            counts.codebooks += codebook.byteCount
          }
        }
        add(clause.children)
      }
    }
    for document in documents {
      for section in document.sections { add(section.clauses) }
      for annex in document.annexes { add(annex.clauses) }
    }
    return counts
  }
}
