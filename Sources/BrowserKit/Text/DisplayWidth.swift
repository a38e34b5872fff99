import ResolutionKit

/// Terminal column widths of graphemes, on top of the shared scalar widths
/// (`Unicode.Scalar.displayWidth`), so the browser lays out text without
/// asking the terminal and tests see the same widths.
public enum DisplayWidth {
  /// Columns one scalar takes: 2 for East Asian Wide and Fullwidth, 0 for
  /// combining marks and zero-width characters, 1 otherwise.
  public static func of(_ scalar: Unicode.Scalar) -> Int { scalar.displayWidth }

  /// Columns a grapheme takes: the widest of its scalars, with an emoji
  /// presentation selector (U+FE0F) making it 2.
  public static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
      if scalar.value == 0xFE0F { return 2 }
      width = max(width, scalar.displayWidth)
    }
    return width
  }

  /// Columns a string takes once made safe.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += of(TerminalText.safe(character)) }
    return total
  }
}

/// Makes document text safe to send to a terminal: no control character
/// (C0, DEL, C1, bidi overrides) ever reaches it.
public enum TerminalText {
  /// Shown in place of a grapheme that mixes a control into other scalars.
  public static let placeholder: Character = "\u{FFFD}"

  /// The character itself, a space for tab and line breaks, or a visible
  /// placeholder (`␛` for ESC, `�` for others) for a control or bidi override.
  public static func safe(_ character: Character) -> Character {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return placeholder }
    if first.value == 0x09 || first.value == 0x0A || first.value == 0x0D { return " " }
    guard scalars.contains(where: \.isTerminalUnsafe) else { return character }
    return scalars.count == 1 ? Character(first.visiblePlaceholder) : placeholder
  }

  /// The whole string made safe.
  public static func safe(_ text: some StringProtocol) -> String {
    String(text.map(safe))
  }
}
