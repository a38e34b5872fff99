/// How many colours the terminal can show, which decides how a theme's
/// colours are mapped.
public enum ColorDepth: Int, Hashable, Sendable, Comparable, CaseIterable {
  /// No colours (a monochrome terminal, or NO_COLOR): attributes only.
  case none
  /// The 8 ANSI colours (plain `xterm`, `screen`, the Linux console).
  case ansi8
  /// The 16 ANSI colours.
  case ansi16
  /// The xterm 256-colour palette.
  case indexed256
  /// Direct colour: colour numbers are `0xRRGGBB` (ncurses' `*-direct`
  /// terminfo entries; numbers below 8 still mean the ANSI colours there).
  case direct

  /// The depth for a terminal reporting `colorCount` colours (ncurses'
  /// `COLORS`, or terminfo's `colors`); counts in between round down.
  public init(colorCount: Int) {
    switch colorCount {
    case ..<8: self = .none
    case 8..<16: self = .ansi8
    case 16..<256: self = .ansi16
    case 256..<(1 << 24): self = .indexed256
    default: self = .direct
    }
  }

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// A guess from the environment, for output that does not go through
  /// ncurses (the `themes` command's samples). The browser itself should ask
  /// ncurses for `COLORS` instead.
  public static func guess(environment: [String: String]) -> ColorDepth {
    let term = environment["TERM"] ?? ""
    let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
    if term.isEmpty || term == "dumb" { return .none }
    if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") {
      return .direct
    }
    // Terminals whose own TERM names say nothing of colours but have 256.
    let modern = ["kitty", "alacritty", "foot", "wezterm", "ghostty", "tmux"]
    if term.contains("256color") || modern.contains(where: term.contains) { return .indexed256 }
    if term.contains("16color") { return .ansi16 }
    return .ansi8
  }
}

/// Whether the user asked for no colours: NO_COLOR set and not empty
/// (https://no-color.org).
public func isNoColorRequested(environment: [String: String]) -> Bool {
  guard let value = environment["NO_COLOR"] else { return false }
  return !value.isEmpty
}
