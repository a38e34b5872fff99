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

/// Nests the items of one section (or annex) and gives them paths.
struct ClauseTreeBuilder {
  /// Section heading or annex path prefix.
  let heading: String
  /// `" "` after a section heading, `", "` after an annex prefix.
  let separator: String
  /// Paths already used in the document, to keep them unique.
  var usedPaths: Set<String>
  var diagnostics: [Diagnostic] = []
  /// The first clause that was nested deeper than `maximumDepth` allows,
  /// if any; the assembler reports it once per document.
  private(set) var firstCappedLocation: SourceLocation?

  /// Levels of nesting kept; a top-level clause is level 1.
  static let maximumDepth = 32

  private enum Kind { case number, letter, roman, unlabelled }

  private struct Node {
    var kind: Kind
    var label: String?
    var components: Int
    var text: String
    var location: SourceLocation
    var footnotes: [Footnote]
    var parent: Int?
    /// 1 for a top-level clause.
    var depth: Int
    /// Path without this node's own component (for `1.1` under `1`).
    var base: String
    var path: String
    var children: [Int] = []
    var unlabelledChildren = 0
    var lastNumber: Int?
    var lastLetter: UInt8?
  }

  private var nodes: [Node] = []
  private var stack: [Int] = []
  private var lettersOnStack = 0
  private var romansOnStack = 0
  private var rootUnlabelled = 0
  private var rootLastNumber: Int?
  private var rootLastLetter: UInt8?
  private var roots: [Int] = []
  /// What a top-level path starts with: the heading and separator.
  private let rootBase: String

  init(heading: String, separator: String = " ", usedPaths: Set<String>, capacity: Int = 0) {
    self.heading = heading
    self.separator = separator
    self.usedPaths = usedPaths
    rootBase = heading.isEmpty ? "" : Self.concatenate(heading, separator)
    nodes.reserveCapacity(capacity)
  }

  mutating func add(_ item: ClauseItem) {
    var kind: Kind
    var label = item.marker.label
    var components = 0
    switch item.marker {
    case .number(_, let count, _):
      kind = .number
      components = count
    case .letter: kind = .letter
    case .roman: kind = .roman
    case .letterOrRoman(let letter): kind = letterOrRoman(letter)
    case .bullet, .none:
      kind = .unlabelled
      label = nil
    }
    var parent = placeParent(kind: kind, label: label, components: components)
    if let deepest = parent, nodes[deepest].depth >= Self.maximumDepth {
      parent = nodes[deepest].parent
      while let top = stack.last, top != parent { pop() }
      if firstCappedLocation == nil { firstCappedLocation = item.location }
    }
    let depth = parent.map { nodes[$0].depth + 1 } ?? 1
    var node = Node(
      kind: kind, label: label, components: components, text: item.text,
      location: item.location, footnotes: item.footnotes, parent: parent, depth: depth, base: "",
      path: "")
    let index = nodes.count
    checkSequence(item.marker, kind: kind, parent: parent, location: item.location)
    // The component and its suffix (`)` after a letter), joined to the base
    // in one go.
    let component: String
    var suffix = ""
    switch kind {
    case .number: component = label ?? ""
    case .letter, .roman:
      component = label ?? ""
      suffix = ")"
    case .unlabelled:
      suffix = "¶"
      if let parent {
        nodes[parent].unlabelledChildren += 1
        component = String(nodes[parent].unlabelledChildren)
      } else {
        rootUnlabelled += 1
        component = String(rootUnlabelled)
      }
    }
    let path: String
    if let parent {
      // Read fields one by one: a copy of the whole node would make the
      // append below copy its children array.
      if kind == .number, nodes[parent].kind == .number, let label,
        let parentLabel = nodes[parent].label, Self.isNumber(label, under: parentLabel)
      {
        node.base = nodes[parent].base
      } else {
        node.base = Self.concatenate(nodes[parent].path, " ")
      }
      nodes[parent].children.append(index)
    } else {
      node.base = rootBase
      roots.append(index)
    }
    if kind == .unlabelled {
      path = Self.concatenate(node.base, suffix, component)
    } else {
      path = Self.concatenate(node.base, component, suffix)
    }
    node.path = unique(path, at: item.location)
    nodes.append(node)
    push(index)
  }

  /// Whether a number label extends its parent's (`1.1` under `1`): the
  /// parent's label and a dot. Number labels are ASCII digits and dots.
  private static func isNumber(_ label: String, under parent: String) -> Bool {
    let count = parent.utf8.count
    return label.utf8.count > count && label.utf8.starts(with: parent.utf8)
      && label.utf8.dropFirst(count).first == UInt8(ascii: ".")
  }

  /// `first + second + third`, appending only what is not empty (paths
  /// are mostly small strings, where appends are cheaper than building a
  /// string from bytes).
  static func concatenate(_ first: String, _ second: String, _ third: String = "") -> String {
    var joined = first
    if !second.isEmpty { joined.append(second) }
    if !third.isEmpty { joined.append(third) }
    return joined
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
      if let label = nodes[open].label, label.utf8.first == predecessor { return .letter }
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
  /// the parent's index (nil: top level).
  private mutating func placeParent(kind: Kind, label: String?, components: Int) -> Int? {
    switch kind {
    case .number:
      while let top = stack.last {
        if nodes[top].kind == .number, nodes[top].components < components, let label,
          let topLabel = nodes[top].label, Self.isNumber(label, under: topLabel)
        {
          return top
        }
        pop()
      }
      return nil
    case .letter:
      if lettersOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .letter { pop() }
        let sibling = stack.last
        pop()
        return sibling.flatMap { nodes[$0].parent }
      }
      while let top = stack.last, nodes[top].kind != .number { pop() }
      return stack.last
    case .roman:
      if romansOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .roman { pop() }
        let sibling = stack.last
        pop()
        return sibling.flatMap { nodes[$0].parent }
      }
      if lettersOnStack > 0 {
        while let top = stack.last, nodes[top].kind != .letter { pop() }
        return stack.last
      }
      while let top = stack.last, nodes[top].kind != .number { pop() }
      return stack.last
    case .unlabelled:
      guard let top = stack.last else { return nil }
      if nodes[top].kind != .unlabelled {
        if nodes[top].text.hasSuffix(":") { return top }
        while !stack.isEmpty { pop() }
        return nil
      }
      pop()
      return nodes[top].parent
    }
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
    _ marker: ClauseMarker, kind: Kind, parent: Int?, location: SourceLocation
  ) {
    switch (marker, kind) {
    case (.number(let label, _, let last), .number):
      let previous = parent.map { nodes[$0].lastNumber } ?? rootLastNumber
      if let previous, last != previous &+ 1 {
        diagnostics.append(
          Diagnostic(
            file: location.file, line: location.line,
            message: "numbering jumps from \(previous) to \(last) at \(label) under \(heading)"))
      }
      if let parent { nodes[parent].lastNumber = last } else { rootLastNumber = last }
    case (_, .letter):
      guard let letter = marker.label?.utf8.first else { return }
      let previous = parent.map { nodes[$0].lastLetter } ?? rootLastLetter
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

  private mutating func unique(_ path: String, at location: SourceLocation) -> String {
    // One hash per path in the common case: insert tells if it was new.
    if usedPaths.insert(path).inserted { return path }
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

  /// The finished tree. Children always come after their parent, so
  /// building from the last node backwards needs no recursion. Nodes are
  /// moved out, not copied: the builder is spent.
  mutating func build() -> [Clause] {
    var built = [Clause?](repeating: nil, count: nodes.count)
    while let node = nodes.popLast() {
      var children: [Clause] = []
      children.reserveCapacity(node.children.count)
      for child in node.children {
        if let clause = built[child].take() { children.append(clause) }
      }
      built[nodes.count] = Clause(
        label: node.label, path: node.path, text: node.text, location: node.location,
        children: children, footnotes: node.footnotes)
    }
    var clauses: [Clause] = []
    clauses.reserveCapacity(roots.count)
    for root in roots {
      if let clause = built[root].take() { clauses.append(clause) }
    }
    return clauses
  }
}
