import Foundation

/// What the text reader needs from word/styles.xml: which paragraph styles
/// are headings, which styles are italic, and which carry list numbering.
struct WordStyles {
  struct Style {
    var name = ""
    var basedOn: String?
    var italic: Bool?
    var numID: String?
    var level: Int?
    var hasOutlineLevel = false
  }

  var styles: [String: Style] = [:]

  /// A style and those it is based on, nearest first (loops cut off).
  private func chain(_ id: String?) -> [Style] {
    var result: [Style] = []
    var seen: Set<String> = []
    var next = id
    while let current = next, !seen.contains(current), let style = styles[current],
      result.count < 32
    {
      seen.insert(current)
      result.append(style)
      next = style.basedOn
    }
    return result
  }

  func isItalic(_ id: String?) -> Bool? {
    chain(id).lazy.compactMap(\.italic).first
  }

  func numbering(_ id: String?) -> (numID: String, level: Int?)? {
    for style in chain(id) {
      if let numID = style.numID { return (numID, style.level) }
    }
    return nil
  }

  /// Heading, Title and ITU's `Call` style (for "considering", "resolves").
  func isHeading(_ id: String?) -> Bool {
    for style in chain(id) {
      let name = style.name.lowercased()
      if style.hasOutlineLevel || name.hasPrefix("heading") || name == "title" || name == "call"
        || name == "subtitle"
      {
        return true
      }
    }
    return false
  }

  static func parse(_ data: Data) -> WordStyles {
    let handler = Handler()
    _ = handler.run(on: data, part: "word/styles.xml")
    return WordStyles(styles: handler.styles)
  }

  private final class Handler: WordXMLHandler {
    var styles: [String: Style] = [:]
    private var currentID: String?
    private var current = Style()

    override func start(_ name: String, attributes: [String: String]) {
      switch name {
      case "style":
        currentID = attributes.word("styleId")
        current = Style()
      case "name" where parent == "style":
        current.name = attributes.word("val") ?? ""
      case "basedOn" where parent == "style":
        current.basedOn = attributes.word("val")
      case "i" where parent == "rPr" && path.dropLast(2).last == "style":
        current.italic = wordToggle(attributes)
      case "numId" where parent == "numPr":
        current.numID = attributes.word("val")
      case "ilvl" where parent == "numPr":
        current.level = attributes.word("val").flatMap { Int($0) }
      case "outlineLvl" where parent == "pPr":
        // Level 9 means body text.
        if let level = attributes.word("val").flatMap({ Int($0) }), level < 9 {
          current.hasOutlineLevel = true
        }
      default:
        break
      }
    }

    override func end(_ name: String) {
      if name == "style", let id = currentID {
        styles[id] = current
        currentID = nil
      }
    }
  }
}
