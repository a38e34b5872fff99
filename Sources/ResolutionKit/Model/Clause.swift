/// A paragraph under a section heading (or in an annex), numbered or not,
/// with the clauses nested under it by numbering.
public struct Clause: Hashable, Sendable {
  /// The number as printed, without trailing `.`/`)` and list debris:
  /// `"1"`, `"1.1"`, `"a"`, `"iii"`; nil for a plain paragraph or bullet.
  /// (Label and path are kept as numbers, `Interned`: paths repeat across
  /// resolutions, `instructs the Secretary-General 1`.)
  @Interned public var label: String?
  /// Citation path, unique in its document: `"resolves 1.1"`,
  /// `"considering a)"`, `"resolves to instruct the Secretary-General ¶2"`.
  @InternedText public var path: String
  public var location: SourceLocation
  public var children: [Clause]
  public var footnotes: [Footnote]
  /// The text: `textCount` bytes, starting at `textStart` in
  /// `textBuffer` (nil for an empty text), a buffer the parser shares
  /// between the clauses of a section and where it codes their words
  /// (see `SharedText`).
  private var textBuffer: SharedText?
  private var textStart: UInt32
  private var textCount: UInt32

  public init(
    label: String?, path: String, text: String, location: SourceLocation,
    children: [Clause] = [], footnotes: [Footnote] = []
  ) {
    self.label = label
    self.path = path
    (textBuffer, textStart, textCount) = (nil, 0, 0)
    self.location = location
    self.children = children
    self.footnotes = footnotes
    self.text = text
  }

  /// `path` as numbered: what a reference found in the clause keeps,
  /// without numbering the string again.
  var numberedPath: InternedText { _path }

  /// The paragraph without its label; lines joined by single spaces.
  public var text: String {
    get { textBuffer?.string(start: Int(textStart), count: Int(textCount)) ?? "" }
    set {
      // No parse makes a text of 4 GB (`DocumentParser.maximumBytes`).
      let count = newValue.utf8.count
      textBuffer = count == 0 ? nil : SharedText(newValue)
      textStart = 0
      textCount = UInt32(clamping: count)
    }
  }

  /// Calls `body` with the text's UTF-8, decoded into scratch that lasts
  /// for the call: for readers of every clause (the index, reference
  /// extraction), which need no `String`.
  func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
    -> Result
  {
    guard let textBuffer else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try textBuffer.withText(start: Int(textStart), count: Int(textCount), body)
  }

  /// Calls `body` with the text as stored (see
  /// `SharedText.withStoredText`), nil for an empty text.
  func withStoredText<Result>(
    _ body: (WordCodebook?, UnsafePointer<UInt8>?) throws -> Result
  ) rethrows -> Result {
    guard let textBuffer else { return try body(nil, nil) }
    return try textBuffer.withStoredText(start: Int(textStart)) { try body($0, $1) }
  }

  /// The length of the text in UTF-8 bytes.
  var textByteCount: Int { Int(textCount) }

  /// Its text buffer's figures (`Corpus.storedTextByteCounts`).
  var textStorageFigures: (id: ObjectIdentifier, bytes: Int, codebook: WordCodebook?)? {
    textBuffer?.storageFigures
  }

  /// Points the text at `buffer`, where its `count` bytes start at
  /// `start` (coded or not, as the buffer says).
  mutating func setText(in buffer: SharedText, start: Int, count: Int) {
    textBuffer = count == 0 ? nil : buffer
    textStart = UInt32(clamping: start)
    textCount = UInt32(clamping: count)
  }

  public static func == (left: Clause, right: Clause) -> Bool {
    left._label == right._label && left._path == right._path
      && left.location == right.location && left.textCount == right.textCount
      && left.withTextBytes { leftBytes in
        right.withTextBytes { leftBytes.elementsEqual($0) }
      }
      && left.footnotes == right.footnotes && left.children == right.children
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(_label)
    hasher.combine(_path)
    hasher.combine(location)
    hasher.combine(textCount)
    withTextBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(footnotes)
    hasher.combine(children)
  }

  /// This clause and all its descendants, depth first, in reading order.
  /// Iterative, so that no tree depth can overflow the stack.
  public var flattened: [Clause] {
    var result: [Clause] = []
    var pending: [Clause] = [self]
    while let clause = pending.popLast() {
      result.append(clause)
      pending.append(contentsOf: clause.children.reversed())
    }
    return result
  }
}

/// A footnote attached to the clause that carries its marker.
public struct Footnote: Hashable, Sendable {
  /// The marker as printed: `"1"`, `"¹"`, `"*"`.
  public var mark: String
  public var text: String
  public var location: SourceLocation
  /// Where the marker stood: a UTF-8 offset into the text that carries it
  /// (the clause's `text`, or the document's `title`), the marker itself
  /// removed. Nil when the marker was not found in the text.
  public var anchor: Int?

  public init(mark: String, text: String, location: SourceLocation, anchor: Int? = nil) {
    self.mark = mark
    self.text = text
    self.location = location
    self.anchor = anchor
  }
}
