// Citation paths (unique within a document)
// =========================================
// A clause's path is its section heading, a space, and its label path:
//
// - numbers stand for themselves, whatever their depth: `resolves 1`,
//   `resolves 1.1` (not `resolves 1 1.1`), because `1.1` already names `1`;
// - letters and roman numerals are written `x)` after their parent's path:
//   `considering a)`, `resolves 1 a)`, `considering a) ii)`;
// - unlabelled paragraphs and plain bullets are `¶n`, n their ordinal among
//   the unlabelled items of the same parent: `invites the Secretary-General
//   ¶1`, `resolves 1 ¶2`.
//
// In an annex the heading is the annex's path prefix and a comma separates
// it from the label path: `Annex 1, 3.2`, `Annex, 3 a)`, `Annex 1, ¶2`.
// Should a path still collide (duplicate labels in bad input), ` (2)`,
// ` (3)` … is appended and a diagnostic reports it.
//
// Nesting by numbering: `1.1` goes under `1`; a letter under the numbered
// clause before it; a roman numeral under the letter before it; `i)` after
// `h)` is the letter i; an unlabelled paragraph goes under a labelled clause
// that ends with a colon, else beside the unlabelled paragraph before it,
// else at the top. The tree is built with an explicit stack, never by
// recursion. Depth is capped at `maximumDepth` levels: deeper clauses become
// children of the clause at the level above the cap (so they sit at the
// deepest allowed level), because code downstream (synthesized Hashable on
// `Clause`, JSON encoding, the browser's tree) recurses over the tree.

/// One paragraph of a section or annex, before nesting.
struct ClauseItem {
  var marker: ClauseMarker
  var text: String
  var location: SourceLocation
  /// Footnote markers taken out of the text (`"1"` for `¹`, `"*"`), with
  /// where each stood in `text`.
  var footnoteMarks: [FootnoteMarks.StrippedMark] = []
  var footnotes: [Footnote] = []
}

/// Nests the items of one section (or annex) and gives them paths. One
/// builder may serve every section and annex of a document in turn (see
/// `restart`), keeping its storage.
///
/// Items arrive in reading order and each one's parent is on the stack of
/// open clauses, so the nodes are in depth-first order: `build` assembles
/// the tree from the last node back, with no child lists kept while adding.
struct ClauseTreeBuilder {
  /// Section heading or annex path prefix.
  private(set) var heading: String
  /// `" "` after a section heading, `", "` after an annex prefix.
  private(set) var separator: String
  /// Paths already used in the document, to keep them unique.
  var usedPaths: ClausePathSet
  var diagnostics: [Diagnostic] = []
  /// The first clause that was nested deeper than `maximumDepth` allows,
  /// if any; the assembler reports it once per document.
  private(set) var firstCappedLocation: SourceLocation?

  /// Levels of nesting kept; a top-level clause is level 1.
  static let maximumDepth = 32

  private enum Kind: UInt8 { case number, letter, roman, unlabelled }

  /// What nesting needs to know of a clause: plain values only, so that
  /// reading and updating it costs no reference counting. The clause
  /// itself (label, path, text) is in `clauses`, at the same index.
  private struct Node {
    var kind: Kind
    /// First byte of the label (`a` of `a)`), nil without one.
    var labelStart: UInt8?
    var components: Int
    var parent: Int?
    /// 1 for a top-level clause.
    var depth: Int
    /// The clause whose path and a space start this one's path; nil: the
    /// heading and separator. For `1.1` under `1` it is `1`'s own.
    var baseOwner: Int?
    var childCount = 0
    var unlabelledChildren = 0
    var lastNumber: Int?
    var lastLetter: UInt8?
  }

  private var nodes: [Node] = []
  /// The clauses, children and text not yet attached.
  private var clauses: [Clause] = []
  /// Their texts, by the same index: `build` puts them in one buffer.
  private var texts: [String] = []
  /// Open clauses: the last one added and its ancestors.
  private var stack: [Int] = []
  private var lettersOnStack = 0
  private var romansOnStack = 0
  private var rootUnlabelled = 0
  private var rootLastNumber: Int?
  private var rootLastLetter: UInt8?
  /// Finished subtrees while building.
  private var pending: [Clause] = []
  /// What joins the heading to a top-level clause's own part: the
  /// separator, or nothing without a heading.
  private var rootJoin: String
  /// Paths repeat across documents: one copy of each (and of headings,
  /// see `pooled`) serves them all.
  private var pool = StringPool()
  /// Where a path is written before the pool is asked for it.
  private var pathBytes: [UInt8] = []
  /// What codes the clauses' texts (see `SharedText`); nil keeps them
  /// as they are.
  var codebook: WordCodebook?
  /// Where a section's texts are coded before they get a buffer of their
  /// size; kept for the next section.
  private let codeScratch = CodingScratch()

  init(
    heading: String, separator: String = " ", usedPaths: ClausePathSet, capacity: Int = 0
  ) {
    self.heading = heading
    self.separator = separator
    self.usedPaths = usedPaths
    rootJoin = heading.isEmpty ? "" : separator
    nodes.reserveCapacity(capacity)
    clauses.reserveCapacity(capacity)
    texts.reserveCapacity(capacity)
  }

  /// Starts the next document, keeping storage: no paths used, no
  /// diagnostics, nothing capped.
  mutating func startDocument(expectingClauses count: Int) {
    usedPaths.removeAll(keepingCapacityFor: count)
    if !diagnostics.isEmpty { diagnostics.removeAll(keepingCapacity: true) }
    firstCappedLocation = nil
  }

  /// Starts the next section or annex of the same document: the used
  /// paths, diagnostics and capped location carry on; storage is kept.
  mutating func restart(heading: String, separator: String = " ") {
    self.heading = heading
    self.separator = separator
    rootJoin = heading.isEmpty ? "" : separator
    // `build` left the nodes and clauses empty; `removeAll` costs more
    // than popping a few indices.
    if !nodes.isEmpty { nodes.removeAll(keepingCapacity: true) }
    if !clauses.isEmpty { clauses.removeAll(keepingCapacity: true) }
    if !texts.isEmpty { texts.removeAll(keepingCapacity: true) }
    while stack.popLast() != nil {}
    lettersOnStack = 0
    romansOnStack = 0
    rootUnlabelled = 0
    rootLastNumber = nil
    rootLastLetter = nil
  }

  /// Adds the items in order, moving their text and footnotes out in
  /// place (reading an item would copy it); leaves the array empty.
  mutating func add(moving items: inout [ClauseItem]) {
    nodes.reserveCapacity(nodes.count + items.count)
    clauses.reserveCapacity(clauses.count + items.count)
    texts.reserveCapacity(texts.count + items.count)
    for index in items.indices { add(from: &items[index]) }
    items = []
  }

  mutating func add(_ item: ClauseItem) {
    var item = item
    add(from: &item)
  }

  /// An empty clause, appended and then filled in place: appending a
  /// clause built in the call copied it whole.
  private static let blankClause = Clause(
    label: nil, path: "", text: "", location: SourceLocation(file: "", line: 0))

  /// Adds the item, taking its text, location and footnotes (left empty).
  private mutating func add(from item: inout ClauseItem) {
    let kind: Kind
    var label: String?
    var components = 0
    var lastNumber = 0
    switch item.marker {
    case .number(let number, let count, let last):
      kind = .number
      label = number
      components = count
      lastNumber = last
    case .letter(let letter):
      kind = .letter
      label = letter
    case .roman(let roman):
      kind = .roman
      label = roman
    case .letterOrRoman(let letter):
      kind = letterOrRoman(letter)
      label = letter
    case .bullet, .none:
      kind = .unlabelled
    }
    let labelStart = label?.utf8.first
    var (parent, extendsParent) = placeParent(kind: kind, label: label, components: components)
    if let deepest = parent, nodes[deepest].depth >= Self.maximumDepth {
      parent = nodes[deepest].parent
      while let top = stack.last, top != parent { pop() }
      if firstCappedLocation == nil { firstCappedLocation = item.location }
      extendsParent = false
      if kind == .number, let parent, nodes[parent].kind == .number, let label,
        let parentLabel = clauses[parent].label
      {
        extendsParent = Self.isNumber(label, under: parentLabel)
      }
    }
    let index = nodes.count
    checkSequence(
      kind: kind, label: label, labelStart: labelStart, lastNumber: lastNumber, parent: parent,
      location: item.location)
    var ordinal = 0
    if kind == .unlabelled {
      if let parent {
        nodes[parent].unlabelledChildren += 1
        ordinal = nodes[parent].unlabelledChildren
      } else {
        rootUnlabelled += 1
        ordinal = rootUnlabelled
      }
    }
    let depth: Int
    let baseOwner: Int?
    if let parent {
      depth = nodes[parent].depth + 1
      baseOwner = extendsParent ? nodes[parent].baseOwner : parent
      nodes[parent].childCount += 1
    } else {
      depth = 1
      baseOwner = nil
    }
    var hash: UInt32?
    let path =
      if let baseOwner {
        makePath(
          base: clauses[baseOwner].path, join: " ", kind: kind, label: label, ordinal: ordinal,
          hash: &hash)
      } else {
        makePath(
          base: heading, join: rootJoin, kind: kind, label: label, ordinal: ordinal, hash: &hash)
      }
    nodes.append(
      Node(
        kind: kind, labelStart: labelStart, components: components, parent: parent, depth: depth,
        baseOwner: baseOwner))
    let uniquePath = unique(path, hash: hash, at: item.location)
    clauses.append(Self.blankClause)
    clauses[index].label = label
    clauses[index].path = uniquePath
    texts.append("")
    swap(&texts[index], &item.text)
    swap(&clauses[index].location, &item.location)
    swap(&clauses[index].footnotes, &item.footnotes)
    push(index)
  }

  /// The base, the join, and the clause's own part: its label (`1.1`),
  /// its label and `)` (`a)`), or `¶` and its ordinal (`¶2`), written into
  /// `pathBytes` and then taken from the pool; `hash` is set to the path's
  /// hash for `ClausePathSet`, hashed while its bytes are at hand.
  private mutating func makePath(
    base: String, join: String, kind: Kind, label: String?, ordinal: Int, hash: inout UInt32?
  ) -> String {
    let own = label ?? ""
    var digits = 0
    var count = base.utf8.count + join.utf8.count
    switch kind {
    case .number: count += own.utf8.count
    case .letter, .roman: count += own.utf8.count + 1
    case .unlabelled:
      var rest = ordinal
      repeat {
        digits += 1
        rest /= 10
      } while rest != 0
      count += 2 + digits
    }
    // Taken out while written, so that the pool can be used meanwhile.
    var scratch: [UInt8] = []
    swap(&scratch, &pathBytes)
    defer { swap(&scratch, &pathBytes) }
    if scratch.count < count {
      scratch = [UInt8](repeating: 0, count: max(count, 2 * scratch.count))
    }
    return scratch.withUnsafeMutableBufferPointer { whole in
      let buffer = UnsafeMutableBufferPointer(rebasing: whole[..<count])
      var offset = Self.write(base, into: buffer, at: 0)
      offset = Self.write(join, into: buffer, at: offset)
      switch kind {
      case .number:
        offset = Self.write(own, into: buffer, at: offset)
      case .letter, .roman:
        offset = Self.write(own, into: buffer, at: offset)
        buffer[offset] = UInt8(ascii: ")")
        offset += 1
      case .unlabelled:
        // `¶` is C2 B6 in UTF-8; the ordinal is never negative.
        buffer[offset] = 0xC2
        buffer[offset + 1] = 0xB6
        offset += 2 + digits
        var rest = ordinal
        for position in stride(from: offset - 1, through: offset - digits, by: -1) {
          buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
          rest /= 10
        }
      }
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<offset])
      let hashed = ByteHash.of(bytes)
      hash = ClausePathSet.plainHash(hashed, of: bytes)
      return pool.string(bytes, hash: hashed.value)
    }
  }

  /// `string` from the pool of paths: section headings repeat as paths do.
  mutating func pooled(_ string: String) -> String { pool.string(string) }

  /// Copies the string's UTF-8 into the buffer at the offset; returns the
  /// offset after it.
  private static func write(
    _ string: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
  ) -> Int {
    let copied = string.utf8.withContiguousStorageIfAvailable { source in
      if let from = source.baseAddress, let to = buffer.baseAddress {
        (to + offset).initialize(from: from, count: source.count)
      }
      return offset + source.count
    }
    if let copied { return copied }
    var end = offset
    for byte in string.utf8 {
      buffer[end] = byte
      end += 1
    }
    return end
  }

  /// Whether a number label extends its parent's (`1.1` under `1`): the
  /// parent's label and a dot. Number labels are ASCII digits and dots.
  private static func isNumber(_ label: String, under parent: String) -> Bool {
    let count = parent.utf8.count
    guard label.utf8.count > count else { return false }
    var labelBytes = label.utf8.makeIterator()
    for byte in parent.utf8 where labelBytes.next() != byte { return false }
    return labelBytes.next() == UInt8(ascii: ".")
  }

  /// `i`, `v`, `x` continue a letter list at `h`, `u`, `w`; otherwise they
  /// are roman numerals.
  private func letterOrRoman(_ letter: String) -> Kind {
    let predecessor: UInt8 =
      switch letter {
      case "i": UInt8(ascii: "h")
      case "v": UInt8(ascii: "u")
      default: UInt8(ascii: "w")
      }
    if lettersOnStack > 0, let open = stack.last(where: { nodes[$0].kind == .letter }) {
      if nodes[open].labelStart == predecessor { return .letter }
      // Letter list open at another letter: a roman list under it, unless a
      // roman list is already running.
      return .roman
    }
    if romansOnStack > 0 { return .roman }
    // No list open: the first item of a list is `a)`, so a lone `i)` is
    // roman, unless the previous top-level letter was its predecessor.
    if stack.isEmpty, rootLastLetter == predecessor { return .letter }
    return .roman
  }

  /// Pops the stack to the parent of a new node of this kind and returns
  /// the parent's index (nil: top level), and whether the new node is a
  /// number extending its parent's (`1.1` under `1`).
  private mutating func placeParent(
    kind: Kind, label: String?, components: Int
  ) -> (parent: Int?, extendsParent: Bool) {
    switch kind {
    case .number:
      while let top = stack.last {
        if nodes[top].kind == .number, nodes[top].components < components, let label,
          let topLabel = clauses[top].label, Self.isNumber(label, under: topLabel)
        {
          return (top, true)
        }
        pop()
      }
      return (nil, false)
    case .letter:
      if lettersOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .letter { pop() }
        let sibling = stack.last
        pop()
        return (sibling.flatMap { nodes[$0].parent }, false)
      }
      while let top = stack.last, nodes[top].kind != .number { pop() }
      return (stack.last, false)
    case .roman:
      if romansOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .roman { pop() }
        let sibling = stack.last
        pop()
        return (sibling.flatMap { nodes[$0].parent }, false)
      }
      if lettersOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .letter { pop() }
        return (stack.last, false)
      }
      while let top = stack.last, nodes[top].kind != .number { pop() }
      return (stack.last, false)
    case .unlabelled:
      guard let top = stack.last else { return (nil, false) }
      if nodes[top].kind != .unlabelled {
        if Self.endsWithColon(texts[top]) { return (top, false) }
        while !stack.isEmpty { pop() }
        return (nil, false)
      }
      pop()
      return (nodes[top].parent, false)
    }
  }

  /// `text.hasSuffix(":")` without comparing characters in the common
  /// case: a colon after an ASCII byte (or alone) ends the last character.
  private static func endsWithColon(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard let last = utf8.last, last < 0x80 else { return text.hasSuffix(":") }
    guard last == UInt8(ascii: ":") else { return false }
    let before = utf8.index(before: utf8.endIndex)
    if before == utf8.startIndex || utf8[utf8.index(before: before)] < 0x80 { return true }
    return text.hasSuffix(":")
  }

  private mutating func push(_ index: Int) {
    stack.append(index)
    switch nodes[index].kind {
    case .letter: lettersOnStack += 1
    case .roman: romansOnStack += 1
    default: break
    }
  }

  private mutating func pop() {
    guard let index = stack.popLast() else { return }
    switch nodes[index].kind {
    case .letter: lettersOnStack -= 1
    case .roman: romansOnStack -= 1
    default: break
    }
  }

  /// Reports numbering jumps between siblings (`1, 2, 4`; `a), b), d)`).
  private mutating func checkSequence(
    kind: Kind, label: String?, labelStart: UInt8?, lastNumber last: Int, parent: Int?,
    location: SourceLocation
  ) {
    switch kind {
    case .number:
      let previous = parent != nil ? nodes[parent!].lastNumber : rootLastNumber
      if let previous, last != previous &+ 1 {
        diagnostics.append(
          Diagnostic(
            file: location.file, line: location.line,
            message:
              "numbering jumps from \(previous) to \(last) at \(label ?? "") under \(heading)"))
      }
      if let parent { nodes[parent].lastNumber = last } else { rootLastNumber = last }
    case .letter:
      guard let letter = labelStart else { return }
      let previous = parent != nil ? nodes[parent!].lastLetter : rootLastLetter
      if let previous, letter != previous &+ 1 {
        diagnostics.append(
          Diagnostic(
            file: location.file, line: location.line,
            message:
              "lettering jumps from \(Character(Unicode.Scalar(previous)))) to \(Character(Unicode.Scalar(letter)))) under \(heading)"
          ))
      }
      if let parent { nodes[parent].lastLetter = letter } else { rootLastLetter = letter }
    default: break
    }
  }

  private mutating func unique(
    _ path: String, hash: UInt32?, at location: SourceLocation
  ) -> String {
    if usedPaths.insert(path, hash: hash) { return path }
    var count = 2
    while usedPaths.contains("\(path) (\(count))") { count += 1 }
    let result = "\(path) (\(count))"
    usedPaths.insert(result)
    diagnostics.append(
      Diagnostic(
        file: location.file, line: location.line,
        message: "duplicate clause path \"\(path)\", renamed \"\(result)\""))
    return result
  }

  /// Moves the clauses' texts into one buffer that they share (see
  /// `SharedText`), coded with `codebook` if there is one, leaving
  /// `texts` empty. `collector` first reads each text as it is, with the
  /// clause's footnotes, in reading order.
  private mutating func attachTexts(collecting collector: inout ReferenceCollector?) {
    defer { texts.removeAll(keepingCapacity: true) }
    if collector != nil {
      for index in clauses.indices {
        texts[index].withUTF8 {
          collector!.addClause(
            $0, path: clauses[index].numberedPath, footnotes: clauses[index].footnotes)
        }
      }
    }
    var total = 0
    for text in texts { total += text.utf8.count }
    guard total > 0 else { return }
    var starts: [Int] = []
    starts.reserveCapacity(texts.count)
    let buffer: SharedText
    if let codebook {
      // Coded into scratch first, then into a buffer of their size.
      let scratch = codeScratch.reserve(WordCoding.maximumCodedCount(of: total))
      var coded = 0
      for index in texts.indices {
        starts.append(coded)
        texts[index].withUTF8 {
          coded += WordCoding.encode($0, into: scratch + coded, codebook: codebook)
        }
      }
      buffer = SharedText(count: coded, codedWith: codebook) { bytes in
        _ = bytes.initialize(from: UnsafeBufferPointer(start: scratch, count: coded))
      }
    } else {
      buffer = SharedText(count: total, codedWith: nil) { bytes in
        var offset = 0
        for index in texts.indices {
          starts.append(offset)
          texts[index].withUTF8 { text in
            guard let source = text.baseAddress else { return }
            (bytes.baseAddress! + offset).initialize(from: source, count: text.count)
            offset += text.count
          }
        }
      }
    }
    for index in clauses.indices {
      clauses[index].setText(in: buffer, start: starts[index], count: texts[index].utf8.count)
    }
  }

  /// The finished tree of the current section. Going from the last clause
  /// back, a clause's children are the subtrees finished most recently,
  /// the first child on top. Clauses are moved, not copied.
  mutating func build() -> [Clause] {
    var none: ReferenceCollector?
    return build(collecting: &none)
  }

  /// `build`, `collector` reading the references of each clause's text
  /// and footnotes before the text is coded.
  mutating func build(collecting collector: inout ReferenceCollector?) -> [Clause] {
    attachTexts(collecting: &collector)
    // The clause is put on `pending` before its children are set: a
    // clause changed in a local and then appended was copied.
    while let clause = clauses.popLast() {
      let childCount = nodes[clauses.count].childCount
      var children: [Clause] = []
      if childCount > 0 {
        children.reserveCapacity(childCount)
        for _ in 0..<childCount {
          guard let child = pending.popLast() else { break }
          children.append(child)
        }
      }
      pending.append(clause)
      if childCount > 0 { pending[pending.count - 1].children = children }
    }
    var roots: [Clause] = []
    roots.reserveCapacity(pending.count)
    while let root = pending.popLast() { roots.append(root) }
    nodes.removeAll(keepingCapacity: true)
    return roots
  }
}

/// Bytes a builder codes texts into, kept from section to section; not
/// zeroed, so only the bytes written become resident (room is reserved
/// for the worst case, twice the text).
final class CodingScratch: @unchecked Sendable {
  private var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
  private var capacity = 0

  deinit { bytes.deallocate() }

  /// Room for `count` bytes, valid until the next call; the contents are
  /// not kept.
  func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
    if count > capacity {
      bytes.deallocate()
      capacity = max(count, 2 * capacity)
      bytes = .allocate(capacity: capacity)
    }
    return bytes
  }
}
