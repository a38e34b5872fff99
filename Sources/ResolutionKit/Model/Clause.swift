/// A paragraph under a section heading (or in an annex), numbered or not,
/// with the clauses nested under it by numbering.
public struct Clause: Hashable, Sendable {
  /// The paragraph without its label; lines joined by single spaces.
  public var text: String
  public var location: SourceLocation
  public var children: [Clause]
  public var footnotes: [Footnote]
  /// Label and path as numbers in `InternedStrings`: paths repeat across
  /// resolutions (`instructs the Secretary-General 1`), and two numbers
  /// take 8 bytes of the record where two `String` values took 32.
  private var labelNumber: UInt32
  private var pathNumber: UInt32

  public init(
    label: String?, path: String, text: String, location: SourceLocation,
    children: [Clause] = [], footnotes: [Footnote] = []
  ) {
    self.labelNumber = InternedStrings.number(of: label)
    self.pathNumber = InternedStrings.number(of: path)
    self.text = text
    self.location = location
    self.children = children
    self.footnotes = footnotes
  }

  /// The number as printed, without trailing `.`/`)` and list debris:
  /// `"1"`, `"1.1"`, `"a"`, `"iii"`; nil for a plain paragraph or bullet.
  public var label: String? {
    get { InternedStrings.string(labelNumber) }
    set { labelNumber = InternedStrings.number(of: newValue) }
  }

  /// Citation path, unique in its document: `"resolves 1.1"`,
  /// `"considering a)"`, `"resolves to instruct the Secretary-General ¶2"`.
  public var path: String {
    get { InternedStrings.string(pathNumber) ?? "" }
    set { pathNumber = InternedStrings.number(of: newValue) }
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
