/// Every user action of the browser. Keys map to these through `KeyMap`;
/// the help overlay is generated from the same table, so a new action
/// shows up in help as soon as it has a key.
public enum Action: String, CaseIterable, Hashable, Sendable {
  // Moving
  case moveUp = "move-up"
  case moveDown = "move-down"
  case pageUp = "page-up"
  case pageDown = "page-down"
  case halfPageUp = "half-page-up"
  case halfPageDown = "half-page-down"
  case top
  case bottom
  case collapseOrParent = "collapse-or-parent"
  case expandOrEnter = "expand-or-enter"
  case activate
  case switchFocus = "switch-focus"
  case previousDocument = "previous-document"
  case nextDocument = "next-document"
  // Links and history
  case nextLink = "next-link"
  case previousLink = "previous-link"
  case footnote
  case back
  case forward
  case showHistory = "show-history"
  case showCitedBy = "show-cited-by"
  case goTo = "go-to"
  // Search
  case search
  case searchNext = "search-next"
  case searchPrevious = "search-previous"
  case clearSearch = "clear-search"
  // Citations
  case copyCitation = "copy-citation"
  case copyQuotation = "copy-quotation"
  case chooseCitationFormat = "choose-citation-format"
  // Screen
  case cycleTheme = "cycle-theme"
  case help
  case closeOverlay = "close-overlay"
  case redraw
  case suspend
  case quit

  /// One line for the help overlay.
  public var summary: String {
    switch self {
    case .moveUp: return "Move up (tree: previous node; reader: scroll a line)"
    case .moveDown: return "Move down (tree: next node; reader: scroll a line)"
    case .pageUp: return "Page up"
    case .pageDown: return "Page down"
    case .halfPageUp: return "Half a page up"
    case .halfPageDown: return "Half a page down"
    case .top: return "Go to the top"
    case .bottom: return "Go to the bottom"
    case .collapseOrParent:
      return "Collapse the node, or go to its parent; in the reader: focus the tree"
    case .expandOrEnter: return "Expand the node, or enter it"
    case .activate: return "Open the node / follow the selected link / choose the item"
    case .switchFocus: return "Switch between tree and reader"
    case .previousDocument: return "Previous document"
    case .nextDocument: return "Next document"
    case .nextLink: return "Next reference (link) or footnote marker"
    case .previousLink: return "Previous reference (link) or footnote marker"
    case .footnote:
      return "Footnote: from its marker to its text under the clause, and back"
    case .back: return "Back in history"
    case .forward: return "Forward in history"
    case .showHistory: return "List visited places"
    case .showCitedBy: return "Cited by: who cites this clause or document"
    case .goTo: return "Go to a document, clause or pasted citation (R1316, 1316 resolves 2)"
    case .search: return "Search the corpus (results as you type; Enter opens)"
    case .searchNext: return "Next search match (then the next result)"
    case .searchPrevious: return "Previous search match (then the previous result)"
    case .clearSearch: return "Clear the search highlight"
    case .copyCitation: return "Copy the citation of the current clause (default format)"
    case .copyQuotation: return "Copy the clause's text with its short citation"
    case .chooseCitationFormat: return "Choose a citation format to copy, with previews"
    case .cycleTheme: return "Switch to the next colour theme"
    case .help: return "Show or hide this help"
    case .closeOverlay: return "Close the panel; in a search: cancel"
    case .redraw: return "Redraw the screen"
    case .suspend: return "Suspend (fg to resume)"
    case .quit: return "Quit"
    }
  }
}
