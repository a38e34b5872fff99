import Testing

@testable import BrowserKit

@Suite struct ThemeShippedTests {
  let catalog = ThemeCatalog()

  @Test func theFiveRequiredThemesAreShipped() {
    let names = catalog.builtIns.map(\.name)
    for required in ["default", "light", "high-contrast", "colorblind", "monochrome"] {
      #expect(names.contains(required), "missing built-in theme \(required)")
    }
    #expect(names.first == "default")
  }

  @Test(arguments: ThemeCatalog.embeddedThemes.map(\.name))
  func shippedThemeLoadsCleanlyAndSetsEveryRole(name: String) throws {
    let loaded = try catalog.theme(name).get()
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    #expect(loaded.theme.unsetRoles.isEmpty, "\(name) leaves \(loaded.theme.unsetRoles) unset")
    #expect(loaded.theme.name == name)
    #expect(loaded.theme.source == .builtIn)
  }

  @Test func monochromeUsesNoColourAndTheOthersDo() throws {
    for entry in catalog.builtIns {
      let theme = try catalog.theme(entry.name).get().theme
      #expect(theme.usesColor == (entry.name != "monochrome"), "\(entry.name)")
    }
  }

  /// Roles that must be told apart wherever they meet on screen.
  static let contrastingPairs: [(ThemeRole, ThemeRole)] = [
    (.link, .bodyText), (.unresolvedLink, .bodyText), (.link, .unresolvedLink),
    (.searchMatch, .bodyText), (.currentClause, .bodyText), (.tree, .treeSelected),
    (.tree, .treeFocused), (.treeSelected, .treeFocused), (.heading, .bodyText),
    (.error, .statusMessage), (.footnoteMark, .bodyText), (.footnoteMark, .link),
    (.footnoteMark, .documentTitle),
  ]

  @Test(arguments: ThemeCatalog.embeddedThemes.map(\.name), ColorDepth.allCases)
  func rolesThatMeetStayDistinctAtEveryDepth(name: String, depth: ColorDepth) throws {
    let styles = try catalog.theme(name).get().theme.styles(for: depth)
    for (first, second) in Self.contrastingPairs {
      #expect(styles[first] != styles[second], "\(name) at \(depth): \(first) looks like \(second)")
    }
  }

  /// A highlight's background must not map to the terminal background the
  /// theme is written for (black for dark themes, white for light), or the
  /// highlight vanishes on 8 and 16 colours, unless an attribute still sets
  /// it apart from body text.
  @Test(arguments: [("default", 0), ("colorblind", 0), ("light", 7)])
  func highlightsSurviveFewColours(name: String, assumedBackground: Int) throws {
    let theme = try catalog.theme(name).get().theme
    let bodyAttributes = theme.style(for: .bodyText).attributes
    for depth in [ColorDepth.ansi8, .ansi16] {
      let styles = theme.styles(for: depth)
      for role in ThemeRole.allCases where theme.style(for: role).background != .default {
        let style = try #require(styles[role])
        let lookAlikes = assumedBackground == 7 && depth == .ansi16 ? [7, 15] : [assumedBackground]
        #expect(
          !lookAlikes.contains(style.background) || style.attributes != bodyAttributes,
          "\(name) \(role) at \(depth) gets background \(style.background)")
      }
    }
  }

  @Test func colorblindThemeSeparatesLinksByMoreThanHue() throws {
    let theme = try catalog.theme("colorblind").get().theme
    #expect(theme.style(for: .link).attributes != theme.style(for: .unresolvedLink).attributes)
    #expect(theme.style(for: .error).attributes != theme.style(for: .statusMessage).attributes)
  }
}
