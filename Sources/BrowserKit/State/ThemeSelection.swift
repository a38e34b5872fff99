/// The theme in use and the terminal it is drawn on; `t` cycles through
/// the catalog live.
public struct ThemeSelection: Sendable {
  public let catalog: ThemeCatalog
  public private(set) var theme: Theme
  /// ncurses' `COLORS` (0 when the terminal has none).
  public let colorCount: Int
  /// NO_COLOR: attributes only.
  public let noColor: Bool

  public init(catalog: ThemeCatalog, theme: Theme, colorCount: Int, noColor: Bool) {
    self.catalog = catalog
    self.theme = theme
    self.colorCount = colorCount
    self.noColor = noColor
  }

  /// Every role as this terminal can show it.
  public var styles: [ThemeRole: TerminalStyle] {
    theme.styles(forColorCount: colorCount, noColor: noColor)
  }

  /// Switches to the next theme that loads; the message names it (and any
  /// theme skipped because it is broken).
  public mutating func cycle() -> StatusMessage {
    let next = catalog.nextTheme(after: theme)
    theme = next.theme
    var text = "Theme: \(theme.name)"
    if let summary = theme.summary, !summary.isEmpty { text += " — \(summary)" }
    if noColor || colorCount < 8 { text += " (colours off)" }
    if let warning = next.warnings.first {
      return StatusMessage(text + " · skipped: \(warning)", isError: true)
    }
    return StatusMessage(text)
  }
}
