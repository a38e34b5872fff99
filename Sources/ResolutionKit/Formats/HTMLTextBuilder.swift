import Foundation

/// Collects the text of HTML tokens into paragraphs.
struct HTMLTextBuilder {
  private(set) var paragraphs: [String] = []
  private var current = ""
  private var pendingSpace = false
  private var hasContent = false
  /// Inside `head`, `title` and the like: nothing is text.
  private var ignoring = false
  private var lists: [ListContext] = []
  private var tables: [TableContext] = []

  private struct ListContext {
    var ordered: Bool
    var style: String
    var next: Int
  }

  private struct TableContext {
    var cellsInRow = 0
    var inCell = false
  }

  /// Elements that start and end a paragraph.
  private static let blocks: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
    "header", "footer", "main", "aside", "nav", "address", "center", "dd", "dt", "dl",
    "figure", "figcaption", "form", "hr", "pre", "ul", "ol", "body", "html", "caption",
    "fieldset", "legend", "details", "summary",
  ]

  private var inCell: Bool { tables.last?.inCell ?? false }

  mutating func take(_ token: HTMLToken, tokenizer: inout HTMLTokenizer) {
    switch token {
    case .text(let text):
      if !ignoring { append(HTMLEntities.decode(text)) }
    case .startTag(let name, let attributes, let selfClosing):
      start(name, attributes: attributes, selfClosing: selfClosing, tokenizer: &tokenizer)
    case .endTag(let name):
      end(name)
    }
  }

  private mutating func start(
    _ name: String, attributes: [String: String], selfClosing: Bool,
    tokenizer: inout HTMLTokenizer
  ) {
    switch name {
    case "script", "style", "template", "noscript", "textarea", "title":
      if !selfClosing { tokenizer.skipRawText(until: name) }
    case "head":
      ignoring = !selfClosing
    case "body":
      ignoring = false
      breakParagraph()
    case "br":
      lineBreak()
    case "li":
      if inCell { breakParagraph() } else { finishParagraph() }
      startListItem(attributes)
    case "ul", "ol":
      breakParagraph()
      let start = attributes["start"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      lists.append(
        ListContext(ordered: name == "ol", style: attributes["type"] ?? "1", next: start ?? 1))
    case "table":
      breakParagraph()
      tables.append(TableContext())
    case "tr":
      if tables.isEmpty { tables.append(TableContext()) }
      finishParagraph()
      tables[tables.count - 1].cellsInRow = 0
      tables[tables.count - 1].inCell = false
    case "td", "th":
      if tables.isEmpty { tables.append(TableContext()) }
      if tables[tables.count - 1].cellsInRow > 0 {
        pendingSpace = false
        current += " | "
      }
      tables[tables.count - 1].cellsInRow += 1
      tables[tables.count - 1].inCell = true
    default:
      if Self.blocks.contains(name) {
        // Body content without a `</head>` or `<body>`: the head is over.
        ignoring = false
        breakParagraph()
      }
    }
  }

  private mutating func end(_ name: String) {
    switch name {
    case "head":
      ignoring = false
    case "li":
      if inCell { breakParagraph() } else { finishParagraph() }
    case "p", "div":
      breakParagraph()
    case "ul", "ol":
      if !lists.isEmpty { lists.removeLast() }
      breakParagraph()
    case "td", "th":
      if !tables.isEmpty { tables[tables.count - 1].inCell = false }
    case "tr":
      finishParagraph()
    case "table":
      finishParagraph()
      if !tables.isEmpty { tables.removeLast() }
    default:
      if Self.blocks.contains(name) { breakParagraph() }
    }
  }

  private mutating func startListItem(_ attributes: [String: String]) {
    guard !lists.isEmpty else {
      current = "-"
      pendingSpace = true
      return
    }
    let index = lists.count - 1
    if let value = attributes["value"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
      lists[index].next = value
    }
    if lists[index].ordered {
      current = ListNumberFormat.format(lists[index].next, style: lists[index].style) + "."
      lists[index].next = lists[index].next &+ 1
    } else {
      current = "-"
    }
    pendingSpace = true
  }

  /// A block boundary: a new paragraph, except inside a table cell, where
  /// the cell's paragraphs share the row's line.
  private mutating func breakParagraph() {
    if inCell {
      if !current.isEmpty { pendingSpace = true }
    } else if !hasContent && !current.isEmpty {
      // Only a list label so far (`<li><p>text`): the text is still to come.
      pendingSpace = true
    } else {
      finishParagraph()
    }
  }

  private mutating func lineBreak() {
    if inCell || ignoring {
      pendingSpace = !current.isEmpty
      return
    }
    guard hasContent else { return }
    // Two breaks in a row separate paragraphs, as they do on screen.
    if current.hasSuffix("\n") {
      finishParagraph()
      return
    }
    current += "\n"
    pendingSpace = false
  }

  private mutating func append(_ text: String) {
    // By scalar: grapheme clustering is not needed to collapse spaces.
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace || scalar == "\u{A0}" {
        if let last = current.unicodeScalars.last, last != "\n" { pendingSpace = true }
        continue
      }
      if scalar == "\u{AD}" { continue }  // soft hyphen: invisible
      if pendingSpace && current.unicodeScalars.last != " " { current.unicodeScalars.append(" ") }
      pendingSpace = false
      current.unicodeScalars.append(scalar)
      hasContent = true
    }
  }

  mutating func finishParagraph() {
    if hasContent {
      let lines = current.split(separator: "\n", omittingEmptySubsequences: true)
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      if !lines.isEmpty { paragraphs.append(lines.joined(separator: "\n")) }
    }
    current = ""
    pendingSpace = false
    hasContent = false
  }
}

/// List labels as Word and browsers print them.
enum ListNumberFormat {
  /// `style` is HTML's `type` (`1`, `a`, `A`, `i`, `I`) or a Word format
  /// name (`decimal`, `lowerLetter`, …).
  static func format(_ value: Int, style: String) -> String {
    switch style {
    case "a", "lowerLetter": return letters(value).lowercased()
    case "A", "upperLetter": return letters(value)
    case "i", "lowerRoman": return roman(value).lowercased()
    case "I", "upperRoman": return roman(value)
    case "decimalZero": return value >= 0 && value < 10 ? "0\(value)" : String(value)
    default: return String(value)
    }
  }

  /// Word's letters: A…Z, then AA…ZZ, AAA…
  static func letters(_ value: Int) -> String {
    guard value > 0 else { return String(value) }
    let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
    let repeats = min((value - 1) / 26 + 1, 50)
    return String(repeating: letter, count: repeats)
  }

  static func roman(_ value: Int) -> String {
    guard value > 0, value < 4000 else { return String(value) }
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
      (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var remaining = value
    var result = ""
    for (amount, numeral) in table {
      while remaining >= amount {
        result += numeral
        remaining -= amount
      }
    }
    return result
  }
}
