import BrowserKit

/// The built-in look of every role, used until themes are loaded from
/// files. The one place to swap for the loaded theme.
enum FallbackTheme {
  static let styles: [ThemeRole: TextStyle] = [
    .tree: TextStyle(),
    .treeSelected: TextStyle(background: .indexed(8), attributes: [.bold]),
    .treeFocused: TextStyle(attributes: [.reverse, .bold]),
    .documentTitle: TextStyle(foreground: .indexed(6), attributes: [.bold]),
    .heading: TextStyle(foreground: .indexed(3), attributes: [.italic]),
    .clauseLabel: TextStyle(attributes: [.bold]),
    .bodyText: TextStyle(),
    .currentClause: TextStyle(attributes: [.bold]),
    .link: TextStyle(foreground: .indexed(12), attributes: [.underline]),
    .unresolvedLink: TextStyle(foreground: .indexed(1), attributes: [.underline]),
    .searchMatch: TextStyle(foreground: .indexed(3), attributes: [.reverse]),
    .statusLine: TextStyle(attributes: [.reverse]),
    .statusMessage: TextStyle(attributes: [.reverse, .bold]),
    .error: TextStyle(foreground: .indexed(1), attributes: [.reverse, .bold]),
    .help: TextStyle(),
    .prompt: TextStyle(attributes: [.bold]),
    .border: TextStyle(foreground: .indexed(8)),
  ]
}
