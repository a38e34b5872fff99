import Testing

@testable import BrowserKit

/// Theme and config files are typed by hand and sometimes mangled; none of
/// this may crash.
@Suite struct ThemeHostileInputTests {
  static let inputs: [String] = [
    "\"x\\u0000y\" = 1\n",
    "[roles.\"li\\u0000nk\"]\nfg = 1\n",
    "[roles.link]\n\"f\\u0000g\" = 1\n",
    "[roles.link]\nfg = \"\\u0000\"\n",
    "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n",
    "a = " + String(repeating: "{b = ", count: 2000) + "1" + String(repeating: "}", count: 2000)
      + "\n",
    "[roles.link]\nfg = 99999999999999999999999\n",
    "[roles.link]\nfg = -9223372036854775808\n",
    "\u{FEFF}[roles.link]\nfg = \"red\"\n",
    "[[roles]]\nfg = 1\n",
    "[roles.link]\nfg = 1979-05-27T07:32:00Z\n",
    "",
    String(repeating: "[roles.link]\n", count: 3),
  ]

  @Test(arguments: inputs)
  func hostileThemeTextNeverCrashes(text: String) {
    let (definition, diagnostics) = ThemeDefinition.parse(
      text: text, name: "x", source: .builtIn, file: "x.toml")
    #expect(definition != nil || diagnostics.contains { $0.severity == .error })
    _ = Config.parse(text: text, file: "config.toml")
  }
}
