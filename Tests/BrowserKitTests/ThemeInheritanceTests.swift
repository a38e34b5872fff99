import Foundation
import Testing

@testable import BrowserKit

@Suite struct ThemeInheritanceTests {
  func userTheme(_ name: String, _ text: String) -> ThemeCatalog.Entry {
    .init(name: name, source: .file(path: "/u/\(name).toml"), text: text)
  }

  @Test func builtInInheritanceOverridesSomeRolesAndKeepsTheRest() throws {
    let catalog = ThemeCatalog()
    let light = try catalog.theme("light").get().theme
    let base = try catalog.theme("default").get().theme
    #expect(light.inherits == "default")
    #expect(light.style(for: .link).foreground != base.style(for: .link).foreground)
    // light sets only the link's colour; the underline comes from default.
    #expect(light.style(for: .link).attributes == [.underline])
  }

  @Test func userThemeInheritsFromBuiltInAndAnotherUserTheme() throws {
    let catalog = ThemeCatalog(userThemes: [
      userTheme("base", "inherits = \"monochrome\"\n[roles.link]\nfg = \"red\"\n"),
      userTheme("mine", "inherits = \"base\"\n[roles.link]\nattrs = [\"bold\"]\n"),
    ])
    let (mine, warnings) = try catalog.theme("mine").get()
    #expect(warnings.isEmpty)
    #expect(mine.style(for: .link) == TextStyle(foreground: .indexed(1), attributes: [.bold]))
    // From monochrome, two levels up.
    #expect(mine.style(for: .searchMatch).attributes == [.reverse])
    #expect(mine.unsetRoles.isEmpty)
    #expect(catalog.names.suffix(2) == ["base", "mine"])
  }

  @Test func userThemeMayReplaceABuiltInAndInheritFromIt() throws {
    let catalog = ThemeCatalog(userThemes: [
      userTheme("default", "inherits = \"default\"\n[roles.error]\nfg = \"magenta\"\n")
    ])
    let theme = try catalog.theme("default").get().theme
    #expect(theme.source == .file(path: "/u/default.toml"))
    #expect(theme.style(for: .error).foreground == .indexed(5))
    #expect(theme.style(for: .error).attributes == [.bold])
    #expect(catalog.names.filter { $0 == "default" }.count == 1)
    // The fallback is always the built-in default.
    #expect(catalog.fallbackTheme.source == .builtIn)
  }

  @Test func cycleIsAnErrorNamingTheChain() throws {
    let catalog = ThemeCatalog(userThemes: [
      userTheme("a", "name = \"a\"\ninherits = \"b\"\n"),
      userTheme("b", "name = \"b\"\n\ninherits = \"a\"\n"),
    ])
    let result = catalog.theme("a")
    guard case .failure(let error) = result else {
      Issue.record("cycle not detected")
      return
    }
    let cycle = try #require(error.diagnostics.last)
    #expect(cycle.message.contains("a → b → a"))
    #expect(cycle.file == "/u/b.toml")
    #expect(cycle.line == 3)
    #expect(cycle.key == "inherits")
  }

  @Test func selfInheritanceWithoutABuiltInFindsNoParent() {
    let catalog = ThemeCatalog(userThemes: [userTheme("solo", "inherits = \"solo\"\n")])
    guard case .failure(let error) = catalog.theme("solo") else {
      Issue.record("expected an error")
      return
    }
    #expect(error.description.contains("no theme named \"solo\""))
  }

  @Test func unknownParentAndBrokenParentAreErrors() {
    let catalog = ThemeCatalog(userThemes: [
      userTheme("orphan", "inherits = \"nowhere\"\n"),
      userTheme("broken", "[roles.link]\nfg = \"nope\"\n"),
      userTheme("child", "\ninherits = \"broken\"\n"),
    ])
    guard case .failure(let orphan) = catalog.theme("orphan") else {
      Issue.record("expected an error")
      return
    }
    #expect(orphan.diagnostics.first?.line == 1)
    guard case .failure(let child) = catalog.theme("child") else {
      Issue.record("expected an error")
      return
    }
    #expect(child.diagnostics.contains { $0.file == "/u/broken.toml" && $0.line == 2 })
    #expect(child.diagnostics.contains { $0.file == "/u/child.toml" && $0.line == 2 })
  }

  @Test func loadThemeFallsBackToDefaultWithWarnings() {
    let catalog = ThemeCatalog(userThemes: [userTheme("bad", "[roles.lnk]\nfg = \"red\"\n")])
    let (theme, warnings) = catalog.loadTheme("bad")
    #expect(theme.name == "default")
    #expect(theme.source == .builtIn)
    #expect(warnings.contains { $0.key == "roles.lnk" && $0.line == 1 })
    let (missing, missingWarnings) = catalog.loadTheme("no-such-theme")
    #expect(missing.name == "default")
    #expect(missingWarnings.first?.message.contains("no theme named") == true)
    let (none, noWarnings) = catalog.loadTheme(nil)
    #expect(none.name == "default" && noWarnings.isEmpty)
  }

  @Test func themesAreFoundInTheUserFolderAndByPath() throws {
    let folder = try ThemeTestFolder()
    defer { folder.remove() }
    try folder.write("inherits = \"light\"\n[roles.border]\nfg = 33\n", to: "themes/ocean.toml")
    try folder.write("not a theme", to: "themes/notes.txt")
    let elsewhere = try folder.write(
      "inherits = \"ocean\"\n[roles.border]\nbg = \"#000000\"\n", to: "elsewhere/deep.toml")
    let catalog = ThemeCatalog(
      userThemesDirectory: (folder.path as NSString).appendingPathComponent("themes"))
    #expect(catalog.userThemes.map(\.name) == ["ocean"])
    #expect(catalog.names.last == "ocean")
    let ocean = try catalog.theme("ocean").get().theme
    #expect(ocean.style(for: .border).foreground == .indexed(33))
    let deep = try catalog.theme(elsewhere).get().theme
    #expect(deep.name == "deep")
    #expect(
      deep.style(for: .border)
        == TextStyle(foreground: .indexed(33), background: .rgb(red: 0, green: 0, blue: 0)))
    guard case .failure = catalog.theme("/no/such/theme.toml") else {
      Issue.record("expected an error")
      return
    }
  }

  @Test func standardCatalogUsesXDGConfigHome() throws {
    let folder = try ThemeTestFolder()
    defer { folder.remove() }
    try folder.write("[roles.tree]\nfg = 1\n", to: "resbrowse/themes/red.toml")
    let catalog = ThemeCatalog.standard(environment: [
      "XDG_CONFIG_HOME": folder.path, "HOME": "/nonexistent",
    ])
    #expect(catalog.userThemes.map(\.name) == ["red"])
    let fromHome = ConfigLocations(environment: ["HOME": "/home/x", "XDG_CONFIG_HOME": "relative"])
    #expect(fromHome.userThemesDirectory == "/home/x/.config/resbrowse/themes")
    #expect(fromHome.configFile == "/home/x/.config/resbrowse/config.toml")
    #expect(ConfigLocations(environment: [:]).directory == nil)
  }

  @Test func nextThemeSkipsBrokenThemes() {
    let catalog = ThemeCatalog(userThemes: [
      userTheme("aa", "[roles.tree]\nfg = 1\n"), userTheme("bb", "[roles.nope]\n"),
    ])
    let aa = catalog.nextTheme(after: catalog.fallbackTheme)
    #expect(aa.theme.name == "colorblind")
    var theme = catalog.fallbackTheme
    var visited: [String] = []
    var warnings: [FileDiagnostic] = []
    for _ in 0..<catalog.names.count - 1 {
      let next = catalog.nextTheme(after: theme)
      theme = next.theme
      visited.append(theme.name)
      warnings += next.warnings
    }
    #expect(visited == ["colorblind", "high-contrast", "light", "monochrome", "aa", "default"])
    #expect(warnings.contains { $0.file == "/u/bb.toml" })
    let byPath = Theme(name: "light", source: .file(path: "/elsewhere/light.toml"), roleStyles: [:])
    #expect(catalog.nextTheme(after: byPath).theme.name == "default")
  }

  @Test func cyclingVisitsEveryThemeOnceAndWraps() {
    let catalog = ThemeCatalog(userThemes: [userTheme("zz", "")])
    var name = catalog.names[0]
    var visited: [String] = []
    for _ in catalog.names {
      visited.append(name)
      name = catalog.nextThemeName(after: name)
    }
    #expect(visited == catalog.names)
    #expect(name == catalog.names[0])
    #expect(catalog.nextThemeName(after: "/some/path.toml") == "default")
  }
}
