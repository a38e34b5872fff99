import TOMLKit

/// What one theme file says about a role; `nil` parts come from the theme it
/// inherits from (or are plain).
public struct RoleOverride: Hashable, Sendable {
  public var foreground: TerminalColor?
  public var background: TerminalColor?
  public var attributes: TextAttributes?

  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    attributes: TextAttributes? = nil
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// `base` with the parts this override sets replaced.
  func applied(to base: TextStyle) -> TextStyle {
    TextStyle(
      foreground: foreground ?? base.foreground, background: background ?? base.background,
      attributes: attributes ?? base.attributes)
  }
}

/// One theme file, checked, before inheritance is applied.
public struct ThemeDefinition: Hashable, Sendable {
  public var name: String
  public var source: ThemeSource
  public var inherits: String?
  /// Where `inherits` is set, for messages about the parent.
  public var inheritsLine: Int?
  public var summary: String?
  public var roles: [ThemeRole: RoleOverride]

  /// Top-level keys of a theme file.
  static let topLevelKeys = ["name", "inherits", "description", "roles"]
  static let roleKeys = ["fg", "bg", "attrs"]

  /// Parses a theme file. Returns `nil` (with at least one `.error`
  /// diagnostic) when the theme cannot be used as written: a syntax error,
  /// an unknown role or property, a bad colour or attribute, a wrong type.
  /// Unknown top-level keys and a `name` differing from the file name are
  /// only warnings.
  public static func parse(text: String, name: String, source: ThemeSource, file: String) -> (
    definition: ThemeDefinition?, diagnostics: [FileDiagnostic]
  ) {
    let document: TOMLDocument
    switch TOMLDocument.parse(text, file: file) {
    case .success(let parsed): document = parsed
    case .failure(let diagnostic): return (nil, [diagnostic])
    }
    var diagnostics: [FileDiagnostic] = []
    var definition = ThemeDefinition(name: name, source: source, roles: [:])
    for (key, value) in TOMLDocument.entries(of: document.table) {
      switch key {
      case "name":
        guard let declared = value.string else {
          diagnostics.append(document.diagnostic(.error, key: [key], "must be a string"))
          continue
        }
        if declared != name {
          diagnostics.append(
            document.diagnostic(
              .warning, key: [key],
              "\(declared.quotedForMessage) differs from the file name; the theme is called \(name.quotedForMessage)"
            ))
        }
      case "inherits":
        guard let parent = value.string, !parent.isEmpty else {
          diagnostics.append(
            document.diagnostic(.error, key: [key], "must be the name or path of a theme"))
          continue
        }
        definition.inherits = parent
        definition.inheritsLine = TOMLKeyLocator.line(of: [key], in: text)
      case "description":
        guard let summary = value.string else {
          diagnostics.append(document.diagnostic(.error, key: [key], "must be a string"))
          continue
        }
        definition.summary = summary
      case "roles":
        guard let roles = value.table else {
          diagnostics.append(
            document.diagnostic(.error, key: [key], "must be a table of roles, e.g. [roles.link]"))
          continue
        }
        definition.roles = parseRoles(roles, in: document, diagnostics: &diagnostics)
      default:
        diagnostics.append(
          document.diagnostic(
            .warning, key: [key],
            "unknown key, ignored (a theme has \(topLevelKeys.joined(separator: ", ")))"))
      }
    }
    let failed = diagnostics.contains { $0.severity == .error }
    return (failed ? nil : definition, sortedByLine(diagnostics))
  }

  private static func parseRoles(
    _ table: TOMLTable, in document: TOMLDocument, diagnostics: inout [FileDiagnostic]
  ) -> [ThemeRole: RoleOverride] {
    var roles: [ThemeRole: RoleOverride] = [:]
    for (roleName, value) in TOMLDocument.entries(of: table) {
      let path = ["roles", roleName]
      guard let role = ThemeRole(rawValue: roleName) else {
        diagnostics.append(
          document.diagnostic(
            .error, key: path,
            "unknown role \(roleName.quotedForMessage) (roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))"
          ))
        continue
      }
      guard let properties = value.table else {
        diagnostics.append(
          document.diagnostic(.error, key: path, "must be a table with fg, bg and attrs"))
        continue
      }
      var override = RoleOverride()
      for (property, setting) in TOMLDocument.entries(of: properties) {
        let key = path + [property]
        switch property {
        case "fg", "bg":
          switch parseColor(setting) {
          case .success(let color):
            if property == "fg" { override.foreground = color } else { override.background = color }
          case .failure(let problem):
            diagnostics.append(document.diagnostic(.error, key: key, problem.message))
          }
        case "attrs":
          switch parseAttributes(setting) {
          case .success(let attributes): override.attributes = attributes
          case .failure(let problem):
            diagnostics.append(document.diagnostic(.error, key: key, problem.message))
          }
        default:
          diagnostics.append(
            document.diagnostic(
              .error, key: key,
              "unknown property \(property.quotedForMessage) (a role has fg, bg and attrs)"))
        }
      }
      roles[role] = override
    }
    return roles
  }

  struct Problem: Error {
    var message: String
  }

  static let colorForms =
    "a colour is an ANSI name (e.g. blue, bright_red), an index 0–255, \"#rrggbb\" or \"default\""

  static func parseColor(_ value: TOMLValueConvertible) -> Result<TerminalColor, Problem> {
    if let index = value.int {
      guard let color = TerminalColor(themeIndex: index) else {
        return .failure(Problem(message: "colour index \(index) is outside 0–255"))
      }
      return .success(color)
    }
    guard let text = value.string else {
      return .failure(Problem(message: "must be a string or an integer; \(colorForms)"))
    }
    guard let color = TerminalColor(themeString: text) else {
      return .failure(Problem(message: "bad colour \(text.quotedForMessage); \(colorForms)"))
    }
    return .success(color)
  }

  static let attributeForms =
    "attrs is a list of \(TextAttributes.themeNames.map(\.name).joined(separator: ", ")), e.g. [\"bold\", \"underline\"]"

  static func parseAttributes(_ value: TOMLValueConvertible) -> Result<TextAttributes, Problem> {
    var names: [String] = []
    if let text = value.string {
      names = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "+" }).map(String.init)
      if names.count == 1, names[0].lowercased() == "none" { names = [] }
    } else if let array = value.array {
      for element in array {
        guard let name = element.string else {
          return .failure(Problem(message: "must hold only strings; \(attributeForms)"))
        }
        names.append(name)
      }
    } else {
      return .failure(Problem(message: "must be a list or a string; \(attributeForms)"))
    }
    var attributes: TextAttributes = []
    for name in names {
      guard let attribute = TextAttributes(themeName: name) else {
        return .failure(
          Problem(message: "unknown attribute \(name.quotedForMessage); \(attributeForms)"))
      }
      attributes.insert(attribute)
    }
    return .success(attributes)
  }
}

/// Diagnostics in file order (TOMLKit hands keys over sorted by name).
func sortedByLine(_ diagnostics: [FileDiagnostic]) -> [FileDiagnostic] {
  diagnostics.enumerated().sorted {
    ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset)
  }.map(\.element)
}
