import Testing

@testable import BrowserKit

@Suite struct ThemeSelectionTests {
  @Test func cyclingChangesTheThemeAndItsStyles() {
    let catalog = ThemeCatalog()
    var selection = ThemeSelection(
      catalog: catalog, theme: catalog.fallbackTheme, colorCount: 256, noColor: false)
    let first = (selection.theme.name, selection.styles)
    let message = selection.cycle()
    #expect(selection.theme.name != first.0)
    #expect(selection.styles != first.1)
    #expect(message.text.hasPrefix("Theme: \(selection.theme.name)"))
    // Round the whole list and back to the start.
    for _ in 1..<catalog.names.count { _ = selection.cycle() }
    #expect(selection.theme.name == first.0)
  }

  @Test func eightColoursAndNoColorAreHonoured() {
    let catalog = ThemeCatalog()
    let eight = ThemeSelection(
      catalog: catalog, theme: catalog.fallbackTheme, colorCount: 8, noColor: false)
    for style in eight.styles.values {
      #expect((-1..<8).contains(style.foreground))
      #expect((-1..<8).contains(style.background))
    }
    let none = ThemeSelection(
      catalog: catalog, theme: catalog.fallbackTheme, colorCount: 256, noColor: true)
    #expect(none.styles.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
  }
}
