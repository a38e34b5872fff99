/// A document or a clause as readable plain text, wrapped to a width:
/// what `resbrowse show` prints. Pure: model in, lines out.
public enum PlainTextRenderer {
  public static func render(_ document: Document, width: Int) -> [String] {
    var lines: [String] = []
    lines += TextWrapper.wrap(header(of: document), width: width)
    if let title = document.title { lines += TextWrapper.wrap(title, width: width) }
    for footnote in document.titleFootnotes {
      lines += TextWrapper.wrap("[\(footnote.mark)] \(footnote.text)", width: width)
    }
    if let authority = document.authority {
      lines.append("")
      lines += TextWrapper.wrap(authority + ",", width: width)
    }
    for section in document.sections {
      lines.append("")
      lines += TextWrapper.wrap(section.heading, width: width)
      for clause in section.clauses { lines += render(clause, width: width, depth: 0) }
    }
    for annex in document.annexes {
      lines.append("")
      lines += TextWrapper.wrap(annex.heading, width: width)
      if let title = annex.title { lines += TextWrapper.wrap(title, width: width) }
      for clause in annex.clauses { lines += render(clause, width: width, depth: 0) }
    }
    if let sourcesLine = document.sourcesLine {
      lines.append("")
      lines += TextWrapper.wrap("Ref.: " + sourcesLine, width: width)
    }
    return lines
  }

  /// One clause and its children, labels hanging, children indented.
  public static func render(_ clause: Clause, width: Int, depth: Int = 0) -> [String] {
    var lines: [String] = []
    var stack: [(clause: Clause, depth: Int)] = [(clause, depth)]
    // Iterative, so that deep numbering cannot exhaust the stack.
    while let (current, level) = stack.popLast() {
      let indent = String(repeating: " ", count: min(level, 8) * 2)
      let label = current.label.map { marker(for: $0) + " " } ?? ""
      let hanging = String(repeating: " ", count: label.displayWidth)
      let available = max(10, width - indent.count - label.displayWidth)
      let wrapped = TextWrapper.wrap(current.text, width: available)
      for (index, text) in wrapped.enumerated() {
        lines.append(indent + (index == 0 ? label : hanging) + text)
      }
      for footnote in current.footnotes {
        lines += TextWrapper.wrap("[\(footnote.mark)] \(footnote.text)", width: available).map {
          indent + hanging + $0
        }
      }
      for child in current.children.reversed() { stack.append((child, level + 1)) }
    }
    return lines
  }

  /// `R 1316`, `RESOLUTION 71 (Rev. Dubai, 2018)`, or the fragment's place.
  public static func header(of document: Document) -> String {
    switch document.kind {
    case .fragment:
      return "[\(document.id): text before the first header of \(document.location.file)]"
    case .resolution, .decision:
      let word = document.kind == .resolution ? "Resolution" : "Decision"
      var header = "\(word) \(document.number ?? "?")"
      if let revision = document.revision { header += " (\(revision))" }
      if let body = document.body { header += " – \(body)" }
      return header
    }
  }

  /// Labels as printed in ITU texts: `1`, `1.1` stay; letters and roman
  /// numerals take a closing bracket.
  static func marker(for label: String) -> String {
    label.first?.isLetter == true ? label + ")" : label
  }
}
