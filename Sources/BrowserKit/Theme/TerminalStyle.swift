/// How one role is drawn on a particular terminal: colour numbers the
/// terminal has (for ncurses' `init_extended_pair`) and attributes.
public struct TerminalStyle: Hashable, Sendable {
  /// -1 is the terminal's default colour; otherwise a palette index, or
  /// `0xRRGGBB` on a direct-colour terminal (see `ColorDepth.direct`).
  public var foreground: Int
  public var background: Int
  public var attributes: TextAttributes

  public init(foreground: Int = -1, background: Int = -1, attributes: TextAttributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}

extension Theme {
  /// The theme as a terminal with `colorCount` colours (ncurses' `COLORS`)
  /// can show it.
  ///
  /// Without colours (`noColor`, or fewer than 8), a theme that uses colours
  /// takes the built-in monochrome theme's attributes for every role, since
  /// its roles may differ only in colour (link and body text, say); a theme
  /// without colours keeps its own attributes.
  ///
  /// When mapping makes a role's foreground and background the same colour
  /// although the theme gave different ones (likely on 8 colours), the
  /// foreground becomes black or white, whichever stands out more.
  public func styles(forColorCount colorCount: Int, noColor: Bool) -> [ThemeRole: TerminalStyle] {
    styles(for: noColor ? .none : ColorDepth(colorCount: colorCount))
  }

  public func styles(for depth: ColorDepth) -> [ThemeRole: TerminalStyle] {
    var result: [ThemeRole: TerminalStyle] = [:]
    let colourless = depth == .none && usesColor
    for role in ThemeRole.allCases {
      let style = style(for: role)
      if colourless {
        result[role] = TerminalStyle(
          attributes: Theme.monochromeAttributes[role] ?? style.attributes)
        continue
      }
      var foreground = ColorMapping.colorNumber(for: style.foreground, depth: depth)
      let background = ColorMapping.colorNumber(for: style.background, depth: depth)
      if foreground == background, foreground >= 0, style.foreground != style.background,
        let backgroundRGB = ColorMapping.rgb(ofColorNumber: background, depth: depth)
      {
        let black = ColorMapping.RGB(0, 0, 0)
        let white = ColorMapping.xtermPalette[7]
        let darkStandsOut =
          ColorMapping.distance(black, backgroundRGB) > ColorMapping.distance(white, backgroundRGB)
        foreground = darkStandsOut ? 0 : 7
      }
      result[role] = TerminalStyle(
        foreground: foreground, background: background, attributes: style.attributes)
    }
    return result
  }

  /// The built-in monochrome theme's attributes, by role.
  static let monochromeAttributes: [ThemeRole: TextAttributes] = {
    let catalog = ThemeCatalog()
    guard
      let entry = catalog.builtIns.first(where: { $0.name == ThemeCatalog.monochromeThemeName }),
      case .success(let loaded) = catalog.resolve(entry)
    else { return [:] }
    return loaded.theme.roleStyles.mapValues(\.attributes)
  }()
}
