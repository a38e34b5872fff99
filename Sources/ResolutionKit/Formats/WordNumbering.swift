import Foundation

/// Word's automatic list numbering (word/numbering.xml) and the counters
/// that turn it into the labels a reader sees: `1.`, `1.1`, `a)`.
struct WordNumbering {
  struct Level: Equatable {
    var start = 1
    var format = "decimal"
    var text: String?
    var suffix = "tab"
    var isLegal = false
  }

  struct Instance {
    var abstractID: String
    var startOverrides: [Int: Int] = [:]
    var levelOverrides: [Int: Level] = [:]
  }

  var abstracts: [String: [Int: Level]] = [:]
  /// `numStyleLink`: an abstract definition that only points at a style.
  var styleLinks: [String: String] = [:]
  var instances: [String: Instance] = [:]

  static func parse(_ data: Data) -> WordNumbering {
    let handler = Handler()
    _ = handler.run(on: data, part: "word/numbering.xml")
    return handler.numbering
  }

  private final class Handler: WordXMLHandler {
    var numbering = WordNumbering()
    private var abstractID: String?
    private var numID: String?
    private var overrideLevel: Int?
    private var levelIndex: Int?
    private var level = Level()

    override func start(_ name: String, attributes: [String: String]) {
      switch name {
      case "abstractNum":
        abstractID = attributes.word("abstractNumId")
        if let id = abstractID, numbering.abstracts[id] == nil { numbering.abstracts[id] = [:] }
      case "num":
        numID = attributes.word("numId")
      case "abstractNumId" where parent == "num":
        if let id = numID, let abstract = attributes.word("val") {
          numbering.instances[id] = Instance(abstractID: abstract)
        }
      case "lvlOverride":
        overrideLevel = attributes.word("ilvl").flatMap { Int($0) }
      case "startOverride":
        if let id = numID, let index = overrideLevel,
          let value = attributes.word("val").flatMap({ Int($0) })
        {
          numbering.instances[id]?.startOverrides[index] = value
        }
      case "numStyleLink":
        if let id = abstractID, let style = attributes.word("val") {
          numbering.styleLinks[id] = style
        }
      case "lvl":
        levelIndex = attributes.word("ilvl").flatMap { Int($0) }
        level = Level()
      case "start" where parent == "lvl":
        level.start = attributes.word("val").flatMap { Int($0) } ?? 1
      case "numFmt" where parent == "lvl":
        level.format = attributes.word("val") ?? "decimal"
      case "lvlText" where parent == "lvl":
        level.text = attributes.word("val")
      case "suff" where parent == "lvl":
        level.suffix = attributes.word("val") ?? "tab"
      case "isLgl" where parent == "lvl":
        level.isLegal = wordToggle(attributes)
      default:
        break
      }
    }

    override func end(_ name: String) {
      switch name {
      case "lvl":
        guard let index = levelIndex else { break }
        if let id = numID, let override = overrideLevel, override == index {
          numbering.instances[id]?.levelOverrides[index] = level
        } else if let id = abstractID {
          numbering.abstracts[id, default: [:]][index] = level
        }
        levelIndex = nil
      case "lvlOverride": overrideLevel = nil
      case "abstractNum": abstractID = nil
      case "num": numID = nil
      default: break
      }
    }
  }
}

/// Running counters while reading the document in order. Counters belong
/// to the abstract list, as in Word: two `w:num` over one definition run
/// on, unless a `w:startOverride` restarts a level where that `w:num` is
/// first used.
struct WordListCounters {
  private let numbering: WordNumbering
  private let styles: WordStyles
  private var counters: [String: [Int: Int]] = [:]
  private var started: Set<String> = []

  init(numbering: WordNumbering, styles: WordStyles) {
    self.numbering = numbering
    self.styles = styles
  }

  /// The label and the separator after it for the next paragraph of this
  /// list and level; nil when the paragraph is not numbered.
  mutating func nextLabel(numID: String, level rawLevel: Int) -> (label: String, separator: String)?
  {
    guard numID != "0", let instance = numbering.instances[numID] else { return nil }
    guard let (abstractID, levels) = definition(of: instance) else { return nil }
    let level = min(max(rawLevel, 0), 8)
    if !started.contains(numID) {
      started.insert(numID)
      for (index, value) in instance.startOverrides {
        counters[abstractID, default: [:]][index] = value &- 1
      }
    }
    func levelDefinition(_ index: Int) -> WordNumbering.Level {
      instance.levelOverrides[index] ?? levels[index]
        ?? WordNumbering.Level(text: "%\(index + 1).")
    }
    let current = levelDefinition(level)
    var values = counters[abstractID, default: [:]]
    let value = values[level].map { $0 &+ 1 } ?? current.start
    values[level] = value
    for deeper in values.keys where deeper > level { values[deeper] = nil }
    counters[abstractID] = values

    if current.format == "bullet" { return ("-", " ") }
    let template = current.text ?? "%\(level + 1)."
    var label = ""
    var characters = template[...]
    while let first = characters.first {
      characters = characters.dropFirst()
      if first == "%", let digit = characters.first?.wholeNumberValue, (1...9).contains(digit) {
        characters = characters.dropFirst()
        let index = digit - 1
        let definition = levelDefinition(index)
        let number = index == level ? value : (values[index] ?? definition.start)
        let format = current.isLegal ? "decimal" : definition.format
        if format != "none" { label += ListNumberFormat.format(number, style: format) }
      } else {
        label.append(first)
      }
    }
    // A tab as Word lays it out; "nothing" still gets a space so the label
    // stays a separate word for the parser.
    let separator = current.suffix == "tab" ? "\t" : " "
    return (label.trimmingCharacters(in: .whitespaces), separator)
  }

  /// The abstract definition, following one `numStyleLink` hop if needed.
  private func definition(of instance: WordNumbering.Instance) -> (
    String, [Int: WordNumbering.Level]
  )? {
    var abstractID = instance.abstractID
    if let style = numbering.styleLinks[abstractID],
      numbering.abstracts[abstractID]?.isEmpty ?? true,
      let linked = styles.numbering(style),
      let linkedInstance = numbering.instances[linked.numID]
    {
      abstractID = linkedInstance.abstractID
    }
    guard let levels = numbering.abstracts[abstractID] else { return nil }
    return (abstractID, levels)
  }
}
