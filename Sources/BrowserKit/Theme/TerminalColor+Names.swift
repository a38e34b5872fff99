import Foundation

extension TerminalColor {
  /// The 16 ANSI colour names a theme may use, by index.
  public static let ansiNames: [String] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright_black", "bright_red", "bright_green", "bright_yellow",
    "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
  ]

  /// Other spellings people reach for: grey for bright black (as most
  /// terminals show it), and hyphens for underscores.
  static let aliases: [String: Int] = [
    "gray": 8, "grey": 8, "bright_gray": 7, "bright_grey": 7,
  ]

  /// Parses a theme's colour string: an ANSI name, `#rrggbb`, or `default`.
  /// Case-insensitive; `bright-red` is accepted for `bright_red`.
  public init?(themeString text: String) {
    let value = text.trimmingCharacters(in: .whitespaces).lowercased()
      .replacingOccurrences(of: "-", with: "_")
    if value == "default" {
      self = .default
      return
    }
    if let index = Self.ansiNames.firstIndex(of: value) ?? Self.aliases[value] {
      self = .indexed(index)
      return
    }
    guard value.hasPrefix("#") else { return nil }
    let digits = value.dropFirst()
    guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let packed = UInt32(digits, radix: 16)
    else { return nil }
    self = .rgb(
      red: UInt8(truncatingIfNeeded: packed >> 16), green: UInt8(truncatingIfNeeded: packed >> 8),
      blue: UInt8(truncatingIfNeeded: packed))
  }

  /// A 256-colour index as a theme gives it (an integer 0–255).
  public init?(themeIndex index: Int) {
    guard (0...255).contains(index) else { return nil }
    self = .indexed(index)
  }
}

extension TerminalColor {
  /// The colour as a theme file would write it.
  public var themeString: String {
    switch self {
    case .default: "default"
    case .indexed(let index):
      index < Self.ansiNames.count && index >= 0 ? Self.ansiNames[index] : "\(index)"
    case .rgb(let red, let green, let blue):
      "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
  }
}
