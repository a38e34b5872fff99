extension TerminalStyle {
  /// The SGR escape that sets this style from scratch, for output that does
  /// not go through ncurses (the `themes` command's samples). `depth` tells
  /// how to read the colour numbers (`0xRRGGBB` when `.direct`).
  public func sgrSequence(depth: ColorDepth) -> String {
    var parameters = ["0"]
    let codes: [(TextAttributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    for (attribute, code) in codes where attributes.contains(attribute) {
      parameters.append(code)
    }
    if let code = Self.sgrColor(foreground, base: 30, brightBase: 90, extended: 38, depth: depth) {
      parameters.append(code)
    }
    if let code = Self.sgrColor(background, base: 40, brightBase: 100, extended: 48, depth: depth) {
      parameters.append(code)
    }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// Resets every attribute and colour.
  public static let sgrReset = "\u{1B}[0m"

  private static func sgrColor(
    _ number: Int, base: Int, brightBase: Int, extended: Int, depth: ColorDepth
  ) -> String? {
    switch number {
    case ..<0: return nil
    case 0..<8: return "\(base + number)"
    case 8..<16 where depth != .direct: return "\(brightBase + number - 8)"
    case 16..<256 where depth != .direct: return "\(extended);5;\(number)"
    default:
      guard depth == .direct else { return nil }
      return "\(extended);2;\((number >> 16) & 0xFF);\((number >> 8) & 0xFF);\(number & 0xFF)"
    }
  }
}
