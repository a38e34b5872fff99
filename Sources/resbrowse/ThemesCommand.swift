import ArgumentParser
import BrowserKit
import Foundation
import ResolutionKit

/// `resbrowse themes`: lists the colour themes, with a sample of each when
/// standard output is a terminal, or checks one theme (`--theme`).
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes, or check one.",
    discussion: """
      Built-in themes come first, then your own from \
      $XDG_CONFIG_HOME/resbrowse/themes/*.toml (default ~/.config). \
      The theme marked * is the one the browser uses (from config.toml, \
      else default). On a terminal each theme gets a sample line; NO_COLOR \
      shows the attributes used without colours.
      """)

  @Option(help: "Check one theme, by name or path to a .toml file, and show its roles.")
  var theme: String?

  @Option(
    help:
      "Colours for the samples: 0, 8, 16, 256 or 16777216 (default: guessed from TERM and COLORTERM)."
  )
  var colors: Int?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let catalog = ThemeCatalog.standard(environment: environment)
    let configFile = ConfigLocations(environment: environment).configFile
    let (config, configWarnings) = Config.loadStandard(environment: environment)
    report(catalog.warnings + configWarnings)

    let onTerminal = isatty(STDOUT_FILENO) == 1
    let depth: ColorDepth? =
      onTerminal
      ? (isNoColorRequested(environment: environment)
        ? ColorDepth.none
        : colors.map(ColorDepth.init(colorCount:)) ?? .guess(environment: environment))
      : nil

    if let reference = theme {
      switch catalog.theme(reference) {
      case .success(let loaded):
        report(loaded.warnings)
        describe(loaded.theme, depth: depth)
      case .failure(let error):
        report(error.diagnostics)
        FileHandle.standardError.write(
          Data("resbrowse: theme \(reference.terminalSafe) cannot be used\n".utf8))
        throw ExitCode(1)
      }
      return
    }

    let current = catalog.chooseTheme(commandLine: nil, config: config, configFile: configFile)
      .theme
    let width = max(12, catalog.entries.map(\.name.count).max() ?? 0)
    for entry in catalog.entries {
      let isCurrent = entry.name == current.name && entry.source == current.source
      var columns = [
        (isCurrent ? "* " : "  ")
          + entry.name.terminalSafe.padding(toLength: width, withPad: " ", startingAt: 0),
        entry.source.description.terminalSafe,
      ]
      if catalog.isShadowed(entry) { columns[1] += " (replaced by your theme)" }
      switch catalog.theme(for: entry) {
      case .success(let loaded):
        if let parent = loaded.theme.inherits { columns.append("inherits \(parent.terminalSafe)") }
        if !loaded.theme.unsetRoles.isEmpty {
          columns.append("\(loaded.theme.unsetRoles.count) roles unset")
        }
        print(columns.joined(separator: "  "))
        if let depth { print("    " + sample(loaded.theme, depth: depth)) }
      case .failure(let error):
        print((columns + ["(has errors, not usable)"]).joined(separator: "  "))
        report(error.diagnostics)
      }
    }
  }

  /// Every role with its colours and attributes, and a sample on a terminal.
  private func describe(_ theme: Theme, depth: ColorDepth?) {
    print(
      "\(theme.name.terminalSafe)  \(theme.source.description.terminalSafe)"
        + (theme.inherits.map { "  inherits \($0.terminalSafe)" } ?? ""))
    let styles = depth.map { theme.styles(for: $0) }
    for role in ThemeRole.allCases {
      let style = theme.style(for: role)
      var line =
        role.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
        + "fg=\(style.foreground.themeString) bg=\(style.background.themeString)"
      let attributes = style.attributes.themeNameList
      if !attributes.isEmpty { line += " attrs=\(attributes.joined(separator: ","))" }
      if theme.unsetRoles.contains(role) { line += " (unset)" }
      if let depth, let terminal = styles?[role] {
        line += "  " + terminal.sgrSequence(depth: depth) + " sample " + TerminalStyle.sgrReset
      }
      print(line)
    }
  }

  /// One line showing the roles people meet most, each in its style.
  private func sample(_ theme: Theme, depth: ColorDepth) -> String {
    let styles = theme.styles(for: depth)
    let parts: [(ThemeRole, String)] = [
      (.documentTitle, "Resolution 71"), (.heading, "Heading"), (.clauseLabel, "1"),
      (.bodyText, "body text"), (.link, "Res. 1387"), (.unresolvedLink, "Res. 9999"),
      (.searchMatch, "match"), (.currentClause, "current"), (.treeFocused, "selected"),
      (.statusLine, "status"), (.error, "error"),
    ]
    return parts.map { role, text in
      (styles[role]?.sgrSequence(depth: depth) ?? "") + text + TerminalStyle.sgrReset
    }.joined(separator: " ")
  }

  private func report(_ diagnostics: [FileDiagnostic]) {
    for diagnostic in diagnostics {
      StandardError.line("\(diagnostic)")
    }
  }
}
