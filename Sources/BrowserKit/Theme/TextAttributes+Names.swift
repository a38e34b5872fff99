extension TextAttributes {
  /// The attribute names a theme may use, in the order they are listed.
  public static let themeNames: [(name: String, attributes: TextAttributes)] = [
    ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline),
    ("reverse", .reverse),
  ]

  /// One attribute by its theme name (case-insensitive).
  public init?(themeName: String) {
    let key = themeName.lowercased()
    guard let match = Self.themeNames.first(where: { $0.name == key }) else { return nil }
    self = match.attributes
  }

  /// The theme names of the attributes set, e.g. `["bold", "underline"]`.
  public var themeNameList: [String] {
    Self.themeNames.filter { contains($0.attributes) }.map(\.name)
  }
}
