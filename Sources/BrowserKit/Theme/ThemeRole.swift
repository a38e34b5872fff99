/// The semantic roles a theme colours. Views name roles, never colours.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
  case tree
  case treeSelected = "tree_selected"
  case treeFocused = "tree_focused"
  case documentTitle = "document_title"
  case heading
  case clauseLabel = "clause_label"
  case bodyText = "body_text"
  case currentClause = "current_clause"
  case link
  case unresolvedLink = "unresolved_link"
  case footnoteMark = "footnote_mark"
  case searchMatch = "search_match"
  case statusLine = "status_line"
  case statusMessage = "status_message"
  case error
  case help
  case prompt
  case border
}

/// A colour as a theme names it.
public enum TerminalColor: Hashable, Sendable {
  /// The terminal's own foreground or background.
  case `default`
  /// One of the 16 ANSI colours (0–15) or a 256-colour index (16–255).
  case indexed(Int)
  /// Direct colour, mapped to the nearest colour the terminal has.
  case rgb(red: UInt8, green: UInt8, blue: UInt8)
}

/// Text attributes a theme may set.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let dim = TextAttributes(rawValue: 1 << 1)
  public static let italic = TextAttributes(rawValue: 1 << 2)
  public static let underline = TextAttributes(rawValue: 1 << 3)
  public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How one role looks.
public struct TextStyle: Hashable, Sendable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var attributes: TextAttributes

  public init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}
