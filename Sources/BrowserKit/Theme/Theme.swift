/// Where a theme came from.
public enum ThemeSource: Hashable, Sendable, CustomStringConvertible {
  /// Shipped in `Themes/` and embedded in the binary.
  case builtIn
  /// A user's file.
  case file(path: String)

  public var description: String {
    switch self {
    case .builtIn: "built-in"
    case .file(let path): path
    }
  }
}

/// A complete, checked theme: one style per role, inheritance applied.
public struct Theme: Hashable, Sendable {
  /// What the theme is looked up and cycled by (its file name without `.toml`).
  public let name: String
  public let source: ThemeSource
  /// The theme this one inherits from, as its file says.
  public let inherits: String?
  public let summary: String?
  /// A style for every role; roles no theme in the chain set are plain.
  public let roleStyles: [ThemeRole: TextStyle]
  /// Roles neither this theme nor its ancestors set.
  public let unsetRoles: Set<ThemeRole>

  public init(
    name: String, source: ThemeSource, inherits: String? = nil, summary: String? = nil,
    roleStyles: [ThemeRole: TextStyle], unsetRoles: Set<ThemeRole> = []
  ) {
    self.name = name
    self.source = source
    self.inherits = inherits
    self.summary = summary
    var complete = roleStyles
    for role in ThemeRole.allCases where complete[role] == nil { complete[role] = TextStyle() }
    self.roleStyles = complete
    self.unsetRoles = unsetRoles.union(ThemeRole.allCases.filter { roleStyles[$0] == nil })
  }

  public func style(for role: ThemeRole) -> TextStyle { roleStyles[role] ?? TextStyle() }

  /// Whether any role sets a colour; a theme without colours is shown as
  /// written even when colours are off.
  public var usesColor: Bool {
    roleStyles.values.contains { $0.foreground != .default || $0.background != .default }
  }

  /// Every role in the terminal's own colours with no attributes: the last
  /// resort if even the built-in default theme could not be read.
  public static let unstyled = Theme(
    name: "unstyled", source: .builtIn, roleStyles: [:], unsetRoles: Set(ThemeRole.allCases))
}
