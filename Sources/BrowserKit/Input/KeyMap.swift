/// The one table from keys to actions. Help is generated from it.
public struct KeyMap: Sendable {
  public struct Binding: Hashable, Sendable {
    public var key: Key
    public var action: Action
  }

  public private(set) var bindings: [Binding]
  private var byKey: [Key: Action]

  public init(bindings: [(Key, Action)]) {
    self.bindings = bindings.map { Binding(key: $0.0, action: $0.1) }
    var table: [Key: Action] = [:]
    for (key, action) in bindings where table[key] == nil { table[key] = action }
    byKey = table
  }

  public func action(for key: Key) -> Action? { byKey[key] }

  /// The keys bound to an action, in table order.
  public func keys(for action: Action) -> [Key] {
    bindings.filter { $0.action == action }.map(\.key)
  }

  /// Help entries in `Action` order: the keys' names and the summary.
  public var helpEntries: [(keys: String, action: Action)] {
    Action.allCases.compactMap { action in
      let keys = keys(for: action)
      guard !keys.isEmpty else { return nil }
      return (keys.map(\.displayName).joined(separator: ", "), action)
    }
  }

  public static let standard = KeyMap(bindings: [
    (.up, .moveUp), (.character("k"), .moveUp),
    (.down, .moveDown), (.character("j"), .moveDown),
    (.pageUp, .pageUp), (.control("b"), .pageUp),
    (.pageDown, .pageDown), (.character(" "), .pageDown),
    (.control("u"), .halfPageUp),
    (.control("d"), .halfPageDown),
    (.character("g"), .top), (.home, .top),
    (.character("G"), .bottom), (.end, .bottom),
    (.character("h"), .collapseOrParent), (.left, .collapseOrParent),
    (.character("l"), .expandOrEnter), (.right, .expandOrEnter),
    (.enter, .activate),
    (.character("w"), .switchFocus), (.control("w"), .switchFocus),
    (.character("["), .previousDocument),
    (.character("]"), .nextDocument),
    (.tab, .nextLink),
    (.backTab, .previousLink),
    (.character("f"), .footnote),
    (.backspace, .back), (.control("o"), .back), (.character("H"), .back),
    (.character("L"), .forward),
    (.character("v"), .showHistory),
    (.character("b"), .showCitedBy),
    (.character(":"), .goTo),
    (.character("/"), .search),
    (.character("n"), .searchNext),
    (.character("N"), .searchPrevious),
    (.character("\\"), .clearSearch),
    (.character("y"), .copyCitation),
    (.character("Y"), .copyQuotation),
    (.character("F"), .chooseCitationFormat),
    (.character("?"), .help), (.function(1), .help),
    (.escape, .closeOverlay),
    (.character("t"), .cycleTheme),
    (.control("l"), .redraw),
    (.control("z"), .suspend),
    (.character("q"), .quit), (.control("c"), .quit),
  ])
}
