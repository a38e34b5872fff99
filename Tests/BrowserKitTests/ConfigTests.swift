import Testing

@testable import BrowserKit

@Suite struct ConfigTests {
  @Test func fullConfigLoads() throws {
    let folder = try ThemeTestFolder()
    defer { folder.remove() }
    let path = try folder.write(
      """
      theme = "light"
      clipboard_command = "wl-copy"
      default_citation = "mine"

      [citation_templates]
      mine = "{body} Res. {number}, {path}"
      formal = "Resolution {number} ({body})"
      """, to: "resbrowse/config.toml")
    let (config, warnings) = Config.load(path: path)
    #expect(warnings.isEmpty)
    #expect(config.theme == "light")
    #expect(config.clipboardCommand == "wl-copy")
    #expect(config.defaultCitation == "mine")
    #expect(
      config.citationTemplates == [
        "mine": "{body} Res. {number}, {path}", "formal": "Resolution {number} ({body})",
      ])
    let (standard, _) = Config.loadStandard(environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(standard == config)
  }

  @Test func missingFileGivesDefaultsSilently() {
    let (config, warnings) = Config.load(path: "/nonexistent/resbrowse/config.toml")
    #expect(config == .defaults)
    #expect(warnings.isEmpty)
    let (standard, standardWarnings) = Config.loadStandard(environment: [:])
    #expect(standard == .defaults && standardWarnings.isEmpty)
  }

  @Test func unknownKeyIsAWarningWithItsLine() throws {
    let (config, warnings) = Config.parse(
      text: "theme = \"light\"\n\ncolour_scheme = \"dark\"\n", file: "/c/config.toml")
    #expect(config.theme == "light")
    let warning = try #require(warnings.first)
    #expect(warnings.count == 1)
    #expect(warning.severity == .warning)
    #expect(warning.key == "colour_scheme")
    #expect(warning.line == 3)
    #expect(warning.description.hasPrefix("/c/config.toml:3: warning: colour_scheme:"))
  }

  @Test func wrongTypesAreSkippedWithWarnings() {
    let text = """
      theme = 3
      clipboard_command = "xclip -selection clipboard"
      [citation_templates]
      good = "{number}"
      bad = 7
      """
    let (config, warnings) = Config.parse(text: text, file: "c.toml")
    #expect(config.theme == nil)
    #expect(config.clipboardCommand == "xclip -selection clipboard")
    #expect(config.citationTemplates == ["good": "{number}"])
    #expect(warnings.map(\.key) == ["theme", "citation_templates.bad"])
    #expect(warnings.map(\.line) == [1, 5])
    let (notATable, tableWarnings) = Config.parse(
      text: "citation_templates = \"x\"\n", file: "c.toml")
    #expect(notATable.citationTemplates.isEmpty)
    #expect(tableWarnings.first?.line == 1)
  }

  @Test func syntaxErrorGivesDefaultsAndAWarningWithLine() throws {
    let (config, warnings) = Config.parse(text: "theme = \"light\"\ntheme = \n", file: "c.toml")
    #expect(config == .defaults)
    let warning = try #require(warnings.first)
    #expect(warning.line == 2)
    #expect(warning.description.hasPrefix("c.toml:2:"))
  }

  @Test func unreadableFileIsAWarningNotACrash() throws {
    let folder = try ThemeTestFolder()
    defer { folder.remove() }
    let (config, warnings) = Config.load(path: folder.path)  // a directory
    #expect(config == .defaults)
    #expect(warnings.count == 1)
  }

  @Test func configThemeIsUsedUnlessTheCommandLineSaysOtherwise() {
    let catalog = ThemeCatalog()
    let config = Config(theme: "light")
    #expect(
      catalog.chooseTheme(commandLine: nil, config: config, configFile: "c").theme.name == "light")
    #expect(
      catalog.chooseTheme(commandLine: "monochrome", config: config, configFile: "c").theme.name
        == "monochrome")
    let (fallback, warnings) = catalog.chooseTheme(
      commandLine: nil, config: Config(theme: "nope"), configFile: "/c/config.toml")
    #expect(fallback.name == "default")
    #expect(warnings.first?.file == "/c/config.toml")
  }
}
