import Testing

@testable import BrowserKit

@Suite struct ThemeFileTests {
  func parse(_ text: String, name: String = "test") -> (
    definition: ThemeDefinition?, diagnostics: [FileDiagnostic]
  ) {
    ThemeDefinition.parse(
      text: text, name: name, source: .file(path: "/t/\(name).toml"), file: "/t/\(name).toml")
  }

  @Test func everyColourFormParses() throws {
    let text = """
      [roles.tree]
      fg = "bright_red"
      bg = "#1A2b3c"
      [roles.link]
      fg = 208
      bg = "default"
      [roles.heading]
      fg = "grey"
      bg = "Blue"
      [roles.border]
      fg = 0
      bg = "#ffffff"
      """
    let (definition, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty)
    let roles = try #require(definition).roles
    #expect(roles[.tree]?.foreground == .indexed(9))
    #expect(roles[.tree]?.background == .rgb(red: 0x1A, green: 0x2B, blue: 0x3C))
    #expect(roles[.link]?.foreground == .indexed(208))
    #expect(roles[.link]?.background == .default)
    #expect(roles[.heading]?.foreground == .indexed(8))
    #expect(roles[.heading]?.background == .indexed(4))
    #expect(roles[.border]?.foreground == .indexed(0))
    #expect(roles[.border]?.background == .rgb(red: 255, green: 255, blue: 255))
    #expect(roles[.border]?.attributes == nil)
  }

  @Test func allSixteenANSINamesMapToTheirIndex() {
    for (index, name) in TerminalColor.ansiNames.enumerated() {
      #expect(TerminalColor(themeString: name) == .indexed(index))
    }
    #expect(TerminalColor(themeString: "bright-white") == .indexed(15))
    #expect(TerminalColor(themeString: "#12345") == nil)
    #expect(TerminalColor(themeString: "#12345g") == nil)
    #expect(TerminalColor(themeString: "purple") == nil)
    #expect(TerminalColor(themeIndex: 256) == nil)
    #expect(TerminalColor(themeIndex: -1) == nil)
  }

  @Test func attributesAsListOrString() throws {
    let text = """
      [roles.tree]
      attrs = ["bold", "Underline"]
      [roles.link]
      attrs = "reverse dim"
      [roles.heading]
      attrs = "italic"
      [roles.border]
      attrs = []
      [roles.help]
      attrs = "none"
      """
    let (definition, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty)
    let roles = try #require(definition).roles
    #expect(roles[.tree]?.attributes == [.bold, .underline])
    #expect(roles[.link]?.attributes == [.reverse, .dim])
    #expect(roles[.heading]?.attributes == [.italic])
    #expect(roles[.border]?.attributes == [])
    #expect(roles[.help]?.attributes == [])
  }

  @Test func syntaxErrorNamesFileAndLine() throws {
    let text = """
      name = "broken"

      [roles.link]
      fg = "#005fd7
      """
    let (definition, diagnostics) = parse(text, name: "broken")
    #expect(definition == nil)
    let error = try #require(diagnostics.first)
    #expect(error.severity == .error)
    #expect(error.file == "/t/broken.toml")
    #expect(error.line == 4)
    #expect(error.description.hasPrefix("/t/broken.toml:4:"))
  }

  @Test func unknownRoleNamesTheKeyAndLine() throws {
    let text = """
      name = "test"
      [roles.link]
      fg = "blue"

      [roles.linx]
      fg = "red"
      """
    let (definition, diagnostics) = parse(text)
    #expect(definition == nil)
    let error = try #require(diagnostics.first)
    #expect(error.severity == .error)
    #expect(error.key == "roles.linx")
    #expect(error.line == 5)
    #expect(error.description.contains("/t/test.toml:5:"))
    #expect(error.description.contains("unknown role \"linx\""))
  }

  @Test func badColourNamesTheKeyLineAndValue() throws {
    let text = """
      [roles.tree]
      fg = "blue"
      [roles.link]
      attrs = ["underline"]
      fg = "#12345z"
      """
    let (definition, diagnostics) = parse(text)
    #expect(definition == nil)
    let error = try #require(diagnostics.first)
    #expect(error.key == "roles.link.fg")
    #expect(error.line == 5)
    #expect(error.message.contains("#12345z"))
  }

  @Test func inlineTablesAndDottedKeysAreLocated() throws {
    let text = """
      [roles]
      tree = { fg = "blue" }
      link = { fg = "nope" }
      """
    let error = try #require(parse(text).diagnostics.first)
    #expect(error.key == "roles.link.fg")
    #expect(error.line == 3)
    let dotted = "roles.tree.fg = \"red\"\nroles.link.bg = 300\n"
    let outOfRange = try #require(parse(dotted).diagnostics.first)
    #expect(outOfRange.line == 2)
    #expect(outOfRange.message.contains("300"))
  }

  @Test func wrongTypesAreErrors() {
    let cases = [
      "[roles.link]\nfg = 1.5\n", "[roles.link]\nattrs = 3\n",
      "[roles.link]\nattrs = [\"bold\", 2]\n",
      "[roles.link]\nattrs = [\"blink\"]\n", "roles = 3\n", "[roles]\nlink = \"blue\"\n",
      "inherits = 4\n", "[roles.link]\ncolour = \"blue\"\n",
    ]
    for text in cases {
      let (definition, diagnostics) = parse(text)
      #expect(definition == nil, "\(text)")
      #expect(diagnostics.contains { $0.severity == .error && $0.line != nil }, "\(text)")
    }
  }

  @Test func unknownTopLevelKeyAndMismatchedNameAreWarnings() throws {
    let (definition, diagnostics) = parse("name = \"other\"\nauthor = \"me\"\n")
    #expect(definition != nil)
    #expect(diagnostics.count == 2)
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(diagnostics.map(\.line) == [1, 2])
  }

  @Test func controlCharactersInValuesNeverReachTheMessageRaw() throws {
    let (_, diagnostics) = parse("[roles.link]\nfg = \"\\u001b[31m\"\n")
    let error = try #require(diagnostics.first)
    #expect(!error.description.contains("\u{1B}"))
    #expect(error.description.contains("\\u{1b}"))
  }
}
