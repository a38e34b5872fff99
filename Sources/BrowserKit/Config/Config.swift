import Foundation
import TOMLKit

/// The user's settings from `config.toml`. Every setting is optional; a
/// missing file means all defaults.
///
/// ```toml
/// theme = "light"                 # a theme name or a path to a .toml file
/// clipboard_command = "wl-copy"   # reads the text to copy on standard input
/// default_citation = "short"      # a built-in style or a template below
///
/// [citation_templates]
/// mine = "{body} Res. {number}, {path}"
/// ```
public struct Config: Hashable, Sendable {
  public var theme: String?
  public var clipboardCommand: String?
  /// Citation style name → template, added to the built-in styles.
  public var citationTemplates: [String: String]
  public var defaultCitation: String?

  public init(
    theme: String? = nil, clipboardCommand: String? = nil,
    citationTemplates: [String: String] = [:], defaultCitation: String? = nil
  ) {
    self.theme = theme
    self.clipboardCommand = clipboardCommand
    self.citationTemplates = citationTemplates
    self.defaultCitation = defaultCitation
  }

  public static let defaults = Config()

  static let knownKeys = ["theme", "clipboard_command", "default_citation", "citation_templates"]

  /// Reads the config file at `path`. A missing file gives the defaults and
  /// no warnings; an unreadable or malformed one gives the defaults and a
  /// warning; unknown keys and values of the wrong type are skipped with a
  /// warning each. Never fails.
  public static func load(path: String) -> (config: Config, warnings: [FileDiagnostic]) {
    switch TOMLDocument.readText(atPath: path) {
    case nil:
      return (.defaults, [])
    case .failure(let diagnostic):
      return (.defaults, [warningUsingDefaults(diagnostic)])
    case .success(let text):
      return parse(text: text, file: path)
    }
  }

  /// Reads `config.toml` from the standard place (`ConfigLocations`).
  public static func loadStandard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> (config: Config, warnings: [FileDiagnostic]) {
    guard let path = ConfigLocations(environment: environment).configFile else {
      return (.defaults, [])
    }
    return load(path: path)
  }

  /// Parses config text; `file` names it in messages.
  public static func parse(text: String, file: String) -> (
    config: Config, warnings: [FileDiagnostic]
  ) {
    let document: TOMLDocument
    switch TOMLDocument.parse(text, file: file) {
    case .success(let parsed): document = parsed
    case .failure(let diagnostic): return (.defaults, [warningUsingDefaults(diagnostic)])
    }
    var config = Config()
    var warnings: [FileDiagnostic] = []
    func string(_ key: String, _ value: TOMLValueConvertible) -> String? {
      guard let text = value.string else {
        warnings.append(
          document.diagnostic(.warning, key: [key], "must be a string; setting ignored"))
        return nil
      }
      return text
    }
    for (key, value) in TOMLDocument.entries(of: document.table) {
      switch key {
      case "theme": config.theme = string(key, value)
      case "clipboard_command": config.clipboardCommand = string(key, value)
      case "default_citation": config.defaultCitation = string(key, value)
      case "citation_templates":
        guard let table = value.table else {
          warnings.append(
            document.diagnostic(
              .warning, key: [key],
              "must be a table of name = \"template\"; setting ignored"))
          continue
        }
        for (name, template) in TOMLDocument.entries(of: table) {
          if let text = template.string {
            config.citationTemplates[name] = text
          } else {
            warnings.append(
              document.diagnostic(
                .warning, key: [key, name], "a template must be a string; template ignored"))
          }
        }
      default:
        warnings.append(
          document.diagnostic(
            .warning, key: [key],
            "unknown setting, ignored (settings: \(knownKeys.joined(separator: ", ")))"))
      }
    }
    return (config, sortedByLine(warnings))
  }

  private static func warningUsingDefaults(_ diagnostic: FileDiagnostic) -> FileDiagnostic {
    var warning = diagnostic
    warning.severity = .warning
    warning.message += "; using the default settings"
    return warning
  }
}
