import Testing

@testable import BrowserKit

/// Inputs that fuzzing found to abort the process inside TOMLKit.
@Suite struct ThemeFuzzFindingTests {
  @Test(arguments: [
    "[%roles.link]\nfg = \"red\"\n", "name = \"x\"\n\n[[ %a]]\n", "[ %a]\n",
    "x = 1\n[%\n\n[roles.link]\n", "[roles.tree]\n[[[[%\n",
  ])
  func malformedTableHeaderIsASyntaxErrorWithItsLine(text: String) {
    let (definition, diagnostics) = ThemeDefinition.parse(
      text: text, name: "broken", source: .builtIn, file: "broken.toml")
    #expect(definition == nil)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("%") }.map { $0 + 1 }
    #expect(diagnostics.contains { $0.line == line && $0.message.contains("table header") })
  }

  @Test func bracketAloneOnItsLineIsASyntaxError() {
    let text = "name = \"x\"\n[\n\n[roles.link]\nfg = \"red\"\n"
    let (definition, diagnostics) = ThemeDefinition.parse(
      text: text, name: "broken", source: .builtIn, file: "broken.toml")
    #expect(definition == nil)
    #expect(diagnostics.contains { $0.line == 2 && $0.message.contains("table header") })
  }

  /// `[` and a combining mark are one Character in Swift but two scalars
  /// to toml++, which asserted on the mark as the start of a key; a
  /// byte-order mark hid the `[` of the first line the same way.
  @Test(arguments: [
    "[\u{07F0} ", "name = \"x\"\n[\u{0301}roles]\n", "[[\u{07F0}]]\n",
    // After a byte-order mark, which toml++ skips.
    "\u{FEFF}[# light\nfg = \"red\"\n",
  ])
  func combiningMarkAfterTheBracketIsASyntaxError(text: String) {
    let (definition, diagnostics) = ThemeDefinition.parse(
      text: text, name: "broken", source: .builtIn, file: "broken.toml")
    #expect(definition == nil)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.unicodeScalars.contains("[") }.map { $0 + 1 }
    #expect(diagnostics.contains { $0.line == line && $0.message.contains("table header") })
  }

  @Test func arraysContinuedOnNewLinesAreNotMistakenForHeaders() {
    let text = "[roles.link]\nattrs = [\n  \"bold\",\n]\n"
    let (definition, diagnostics) = ThemeDefinition.parse(
      text: text, name: "ok", source: .builtIn, file: "ok.toml")
    #expect(!diagnostics.contains { $0.message.contains("table header") })
    #expect(definition != nil)
  }
}
