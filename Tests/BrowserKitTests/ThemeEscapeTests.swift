import Testing

@testable import BrowserKit

@Suite struct ThemeEscapeTests {
  @Test func sgrSequencesForEachColourRange() {
    let style = TerminalStyle(foreground: 1, background: 12, attributes: [.bold, .underline])
    #expect(style.sgrSequence(depth: .ansi16) == "\u{1B}[0;1;4;31;104m")
    #expect(TerminalStyle(foreground: 196).sgrSequence(depth: .indexed256) == "\u{1B}[0;38;5;196m")
    #expect(
      TerminalStyle(foreground: 0x123456, background: 3).sgrSequence(depth: .direct)
        == "\u{1B}[0;38;2;18;52;86;43m")
    #expect(
      TerminalStyle(attributes: [.reverse, .dim]).sgrSequence(depth: .none) == "\u{1B}[0;2;7m")
  }

  @Test func themeStringsRoundTrip() {
    let colors: [TerminalColor] = [
      .default, .indexed(3), .indexed(14), .indexed(200), .rgb(red: 0, green: 0x5f, blue: 0xd7),
    ]
    for color in colors {
      let text = color.themeString
      let parsed =
        Int(text).flatMap(TerminalColor.init(themeIndex:)) ?? TerminalColor(themeString: text)
      #expect(parsed == color, "\(text)")
    }
    #expect(TerminalColor.rgb(red: 0, green: 0x5f, blue: 0xd7).themeString == "#005fd7")
  }
}
