/// A panel drawn over the panes; Esc closes any of them.
public enum Overlay: Hashable, Sendable {
  case help(scroll: Int)
  case list(ListPanel)
  case prompt(GoToPrompt)
}

/// A titled list of places to jump to, with explanatory lines above it:
/// cited-by, unresolved reference, history.
public struct ListPanel: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case citedBy
    case unresolved
    case history
  }

  public struct Item: Hashable, Sendable {
    public var text: String
    /// Nil: a line that cannot be chosen.
    public var destination: Location?

    public init(text: String, destination: Location?) {
      self.text = text
      self.destination = destination
    }
  }

  public var kind: Kind
  public var title: String
  public var message: [String]
  public var items: [Item]
  public var selection: Int
  public var scroll: Int = 0

  public init(kind: Kind, title: String, message: [String] = [], items: [Item], selection: Int = 0)
  {
    self.kind = kind
    self.title = title
    self.message = message
    self.items = items
    self.selection = max(0, min(selection, items.count - 1))
  }
}

/// The `:` go-to prompt: what was typed and the matches, best first.
public struct GoToPrompt: Hashable, Sendable {
  public var input: String = ""
  public var suggestions: [GoToSuggestion] = []
  /// Index of the highlighted suggestion; nil: none chosen yet.
  public var selection: Int?

  public init(input: String = "", suggestions: [GoToSuggestion] = [], selection: Int? = nil) {
    self.input = input
    self.suggestions = suggestions
    self.selection = selection
  }
}
