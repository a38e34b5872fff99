extension Unicode.Scalar {
  /// Scalars that a terminal would act on rather than show: C0 and C1
  /// controls, DEL, and bidirectional overrides and isolates.
  public var isTerminalUnsafe: Bool {
    switch value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// What to show instead of an unsafe scalar: the Control Pictures block
  /// for C0 and DEL (`␛` for ESC), `�` for the rest.
  public var visiblePlaceholder: Unicode.Scalar {
    switch value {
    case 0x00...0x1F: Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"
    case 0x7F: "\u{2421}"
    default: "\u{FFFD}"
    }
  }
}

extension String {
  /// The text with every control character, escape and bidi override
  /// replaced by a visible placeholder, so that document text can never
  /// drive a terminal.
  public var terminalSafe: String {
    guard unicodeScalars.contains(where: \.isTerminalUnsafe) else { return self }
    var scalars = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      scalars.append(scalar.isTerminalUnsafe ? scalar.visiblePlaceholder : scalar)
    }
    return String(scalars)
  }
}
